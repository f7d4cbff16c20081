// 5장: 3장의 SockJS 위 STOMP에 로그인을 더했습니다.
// 프레임을 만들고 읽는 일은 stomp.js가, 웹소켓이 막혔을 때 HTTP로 대신 주고받는 일은 SockJS가 맡습니다.
// 누구인가는 로그인 쿠키가 정합니다. 이 파일은 CONNECT에 CSRF 토큰을 실을 뿐, 이름을 보내지 않습니다.
'use strict';

(() => {
  const state = {
    client: null,      // 지금 쓰는 STOMP 클라이언트(재연결하면 새것으로 바뀝니다)
    nickname: '',
    me: null,          // GET /api/me의 답: 채팅 이름, 관리자인가, CONNECT에 실을 CSRF 머리글
    room: '',
    wanted: false,     // 사용자가 입장해 있기를 원하는가(퇴장을 누르면 false → 다시 붙지 않습니다)
    connected: false,
    retries: 0,
    retryTimer: null,
    seenBefore: 0,     // 이번 연결 전에 본 마지막 글의 id(서버가 기억을 잃었는지 가리는 데 씁니다)
  };
  const transportSelect = document.getElementById('sockjs-transport');
  const transportShown = document.getElementById('sockjs-actual');
  const messageInput = document.querySelector('[data-testid="message-input"]');
  document.getElementById('instance').textContent = location.host;
  const encoder = new TextEncoder();

  function join(nickname, room) {
    if (state.room !== room) ChatUi.resetRoom();
    state.nickname = nickname;
    state.room = room;
    state.wanted = true;
    state.retries = 0;
    transportSelect.disabled = true;
    ChatUi.setJoined(true); // 연결되는 동안에도 "퇴장"으로 그만둘 수 있게 합니다
    connect();
  }

  // STOMP에는 "방에서 나가기" 프레임이 없습니다. 연결을 끊으면 서버가 LEAVE를 알립니다.
  function leave() {
    state.wanted = false;
    clearTimeout(state.retryTimer);
    const client = state.client;
    state.client = null; // 먼저 비워 두면 닫히며 오는 콜백을 무시합니다
    if (client && state.connected) client.disconnect();
    else if (client) client.ws.close();
    state.connected = false;
    transportSelect.disabled = false;
    transportShown.textContent = '-';
    ChatUi.setJoined(false);
    ChatUi.setStatus('disconnected');
  }

  // "/w 닉네임 내용"은 귓속말, 나머지는 방 전체에 보냅니다. 보낸 사람 이름은 서버가 붙입니다.
  function send(text) {
    if (!state.connected) {
      messageInput.value = text; // 지우지 않고 돌려 놓아 다시 연결되면 보낼 수 있게 합니다
      ChatUi.showError({ code: 'NOT_CONNECTED', content: '연결이 끊겨 보내지 못했습니다. 다시 연결되면 보내 주세요.' });
      return;
    }
    const whisper = text.match(/^\/w\s+(\S+)(?:\s+([\s\S]*))?$/);
    if (whisper) {
      sendJson(`/app/rooms.${state.room}.whisper`, { to: whisper[1], content: whisper[2] || '' });
    } else {
      sendJson(`/app/rooms.${state.room}.send`, { content: text });
    }
  }

  function connect() {
    ChatUi.setStatus('connecting');
    // 주소는 페이지를 내려 준 서버에서 만듭니다. SockJS는 http(s):// 주소를 받고, 웹소켓이면 스스로 ws(s)://로 바꿉니다.
    const socket = new SockJS(`${location.origin}/ws`, null, { transports: transports() });
    countTraffic(socket);
    const client = Stomp.over(socket);
    client.debug = null; // stomp.js는 기본으로 모든 프레임을 콘솔에 찍습니다. 프레임은 DevTools에서 보세요.
    state.client = client;
    // 쿠키는 브라우저가 저절로 붙이므로, 이 페이지가 보냈다는 증거로 CSRF 토큰을 CONNECT 머리글에 싣습니다(README "CSRF와 CSWSH").
    client.connect(
      { [state.me.csrf.headerName]: state.me.csrf.token },
      () => onConnected(client, socket),
      (error) => onStompError(client, error),
    );
  }

  function onConnected(client, socket) {
    if (client !== state.client) return;
    state.connected = true;
    state.retries = 0;
    transportShown.textContent = socket.transport || '-';
    const room = state.room;
    state.seenBefore = ChatUi.lastId(); // 다시 붙기 전에 본 마지막 글
    // 순서가 중요합니다: 먼저 구독하고 그다음 join을 보내야 입장한 뒤의 글을 놓치지 않습니다. 기록과 참여자 목록은 join의 답으로
    // 내 큐(/user/queue/history, /user/queue/members)에 옵니다. 구독과 join 사이에 온 글은 기록에도 들어 있으므로 ChatUi가 id로 한 번만 그립니다.
    subscribeJson(`/topic/rooms.${room}`, showMessage);
    subscribeJson('/user/queue/members', showMembers);
    subscribeJson('/user/queue/whispers', showMessage);
    subscribeJson('/user/queue/errors', showError);
    subscribeJson('/user/queue/history', showHistory);
    sendJson(`/app/rooms.${room}.join`, {});
    ChatUi.setJoined(true);
    ChatUi.setStatus('connected');
  }

  // stomp.js는 ERROR 프레임이 오면 프레임을, 연결이 끊기면 문자열을 넘깁니다(ERROR 뒤에는 서버가 연결을 닫으므로 둘 다 옵니다).
  function onStompError(client, error) {
    if (client !== state.client) return;
    if (typeof error === 'object' && error.command === 'ERROR') {
      ChatUi.showError(errorBody(error));
      // CONNECT가 거절되었다면(로그인이 끝났거나 CSRF 토큰이 틀림) 다시 붙어도 소용없으니 멈춥니다.
      if (!state.connected) leave();
      return;
    }
    state.connected = false;
    if (state.wanted) scheduleReconnect();
  }

  // 서버가 재시작하거나 네트워크가 끊기면 1, 2, 4 … 최대 15초 간격으로 다시 붙습니다.
  function scheduleReconnect() {
    const delay = Math.min(15000, 1000 * 2 ** state.retries) + Math.floor(Math.random() * 300);
    state.retries += 1;
    ChatUi.setStatus('connecting', `다시 연결하는 중… (${Math.round(delay / 1000)}초 뒤)`);
    clearTimeout(state.retryTimer);
    state.retryTimer = setTimeout(() => { if (state.wanted) connect(); }, delay);
  }

  function showMessage(message) {
    ChatUi.count('messages');
    ChatUi.showMessage(message);
  }

  // 참여자 목록은 들어올 때 한 번만 옵니다. 그 뒤로는 ChatUi가 JOIN·LEAVE 글로 목록을 고칩니다.
  function showMembers(list) {
    if (list.room === state.room) ChatUi.showMembers(list.members, list.version);
  }

  // 관리자가 이 방에서 내보내면 서버는 이 연결의 방 구독을 지웁니다. 화면도 방에서 나온 모습으로 바꿉니다.
  function showError(error) {
    ChatUi.showError(error);
    if (error.code === 'KICKED') leave();
  }

  function showHistory(history) {
    // 서버가 다시 시작되어 기억을 잃었다면 id가 1부터 다시 시작합니다. 그러면 화면을 비우고 새로 받습니다.
    const newest = history.length ? history[history.length - 1].id : 0;
    if (newest < state.seenBefore) ChatUi.resetRoom();
    history.forEach(showMessage);
  }

  function subscribeJson(destination, handler) {
    state.client.subscribe(destination, (frame) => handler(JSON.parse(frame.body)));
  }

  function sendJson(destination, body) {
    state.client.send(destination, { 'content-type': 'application/json' }, JSON.stringify(body));
  }

  function errorBody(frame) {
    try {
      return JSON.parse(frame.body);
    } catch (e) {
      return { code: 'ERROR', content: frame.headers.message || '서버가 연결을 거절했습니다.' };
    }
  }

  function transports() {
    const chosen = transportSelect.value;
    return chosen === 'auto' ? ['websocket', 'xhr-streaming', 'xhr-polling'] : [chosen];
  }

  // 트래픽 패널: STOMP 프레임(하트비트 줄바꿈 포함)의 개수와 UTF-8 바이트를 셉니다.
  // SockJS의 HTTP 전송이면 실제로 오가는 바이트는 SockJS 포장과 HTTP 머리글만큼 더 많습니다(DevTools에서 비교해 보세요).
  function countTraffic(socket) {
    const originalSend = socket.send.bind(socket);
    socket.send = (data) => {
      ChatUi.count('framesOut');
      ChatUi.count('bytesOut', encoder.encode(data).length);
      originalSend(data);
    };
    socket.addEventListener('message', (event) => {
      ChatUi.count('framesIn');
      ChatUi.count('bytesIn', encoder.encode(event.data).length);
    });
  }

  // 참여자를 누르면 귓속말 명령을 채워 줍니다.
  document.querySelector('[data-testid="member-list"]').addEventListener('click', (event) => {
    const item = event.target.closest('li');
    if (!item || messageInput.disabled) return;
    messageInput.value = `/w ${item.textContent} `;
    messageInput.focus();
  });

  // 관리자의 "내보내기". 관리자가 아니면 폼이 숨겨져 있고, 보내더라도 서버가 ADMIN_ONLY로 거절합니다.
  document.getElementById('kick-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = document.getElementById('kick-nickname');
    if (state.connected && input.value.trim()) {
      sendJson(`/app/rooms.${state.room}.kick`, { nickname: input.value.trim() });
      input.value = '';
    }
  });

  // 로그인한 사람의 이름과 CSRF 토큰을 받아 온 뒤에 입장할 수 있게 합니다. 로그인이 끝났으면(401) 로그인 페이지로 갑니다.
  fetch(`${location.origin}/api/me`, { headers: { Accept: 'application/json' } })
    .then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    })
    .then((me) => {
      state.me = me;
      document.getElementById('nickname').value = me.displayName;
      document.getElementById('account').textContent = `${me.displayName}(${me.username})`;
      document.getElementById('logout-csrf').value = me.csrf.token;
      if (me.admin) document.getElementById('kick-form').style.display = '';
      ChatUi.bind({ onJoin: join, onLeave: leave, onSend: send });
    })
    .catch(() => location.assign(`${location.origin}/login.html?error=expired`));
})();
