// 5장 로그인 페이지: 로그인 폼에 CSRF 토큰을 채우고, 서버가 돌려보낸 까닭(?error=...)을 한국어로 보여 줍니다.
'use strict';

(() => {
  const params = new URLSearchParams(location.search);
  const messages = {
    bad: '아이디 또는 비밀번호가 맞지 않습니다.',
    locked: `로그인에 여러 번 실패해 이 아이디를 잠갔습니다. ${params.get('minutes') || '몇'}분 뒤에 다시 해 주세요.`,
    expired: '로그인이 끝났습니다. 다시 로그인해 주세요.',
  };
  const shown = document.getElementById('login-message');
  if (params.has('error')) {
    shown.textContent = messages[params.get('error')] || messages.bad;
    shown.dataset.code = params.get('error');
  } else if (params.has('logout')) {
    shown.textContent = '로그아웃했습니다.';
  }

  // 다른 출처의 페이지는 이 답을 읽을 수 없으므로 토큰을 알 수 없습니다.
  fetch(`${location.origin}/api/csrf`)
    .then((response) => response.json())
    .then((csrf) => { document.getElementById('csrf').value = csrf.token; });
})();
