// 1장의 전송 방식: HTTP 폴링과 SSE. 화면은 chat-ui.js가 그리고, 여기서는 서버와 주고받기만 합니다.
// 짧은 폴링은 정해진 간격마다 "새 메시지 있나요?"를 묻고, 긴 폴링은 서버가 답을 미루는 동안 기다리고,
// SSE는 끝나지 않는 응답 하나로 서버가 이벤트를 흘려보냅니다. 셋 다 after=ChatUi.lastId()로 물어 이미 본 메시지는 다시 받지 않습니다.
'use strict';

(() => {
  const state = {
    room: null,
    token: null,
    mode: 'short',
    interval: 1000,
    generation: 0, // 폴링 반복문의 세대. 방식을 바꾸거나 퇴장하면 늘려서 옛 반복문을 멈춥니다.
    abort: null,
    events: null, // SSE의 EventSource
    membersLoaded: false, // 입장 때 참여자 목록을 받았는가
  };
  const modeSelect = document.getElementById('poll-mode');
  const intervalSelect = document.getElementById('poll-interval');
  // 주소는 페이지 주소(location)에서 만듭니다. 어느 호스트·포트로 열어도 그대로 동작합니다.
  const apiBase = new URL('api/rooms/', location.href);
  const roomUrl = (path) => new URL(`${encodeURIComponent(state.room)}/${path}`, apiBase).href;
  const utf8Length = (text) => new TextEncoder().encode(text).length;

  // 받은 바이트: 브라우저가 재는 transferSize(헤더 + 본문, DevTools의 "Transferred"와 같은 값)를 씁니다.
  // 지원하지 않는 브라우저에서는 본문 길이로 대신 셉니다(헤더가 빠지므로 더 작게 나옵니다).
  const measuresTransfer = typeof PerformanceObserver === 'function'
    && (PerformanceObserver.supportedEntryTypes || []).includes('resource')
    && 'transferSize' in PerformanceResourceTiming.prototype;
  if (measuresTransfer) {
    new PerformanceObserver((list) => {
      list.getEntries()
        .filter((entry) => entry.name.startsWith(apiBase.href) && entry.transferSize > 0)
        .forEach((entry) => ChatUi.count('bytesIn', entry.transferSize));
    }).observe({ type: 'resource' });
    // 기록 버퍼(기본 250개)가 차면 비웁니다. 위 관찰자는 버퍼와 상관없이 계속 받습니다.
    performance.addEventListener('resourcetimingbufferfull', () => performance.clearResourceTimings());
  }

  class ApiError extends Error {
    constructor(status, body) {
      super(body && body.content ? body.content : `서버가 ${status}로 답했습니다.`);
      this.status = status;
      this.body = body && body.content ? body : { code: `HTTP_${status}`, content: this.message };
    }
  }

  async function call(method, path, { body, signal } = {}) {
    const headers = {};
    if (state.token) headers['X-Member-Token'] = state.token;
    let payload;
    if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['Content-Type'] = 'application/json';
      ChatUi.count('bytesOut', utf8Length(payload));
    }
    ChatUi.count('requests');
    const response = await fetch(roomUrl(path), { method, headers, body: payload, signal, cache: 'no-store' });
    const text = await response.text();
    if (!measuresTransfer) ChatUi.count('bytesIn', utf8Length(text));
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
    if (!response.ok) throw new ApiError(response.status, data);
    return data;
  }

  // 취소할 수 있는 기다림: 방식을 바꾸면 남은 간격을 기다리지 않고 곧바로 새 방식으로 넘어갑니다.
  function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(resolve, ms);
      signal.addEventListener('abort', () => { clearTimeout(timer); reject(signal.reason); }, { once: true });
    });
  }

  function startPolling() {
    stopPolling();
    if (state.mode === 'sse') {
      openStream();
      return;
    }
    state.abort = new AbortController();
    pollLoop(++state.generation, state.abort.signal);
  }

  function stopPolling() {
    state.generation++;
    if (state.abort) state.abort.abort();
    state.abort = null;
    if (state.events) state.events.close();
    state.events = null;
  }

  // SSE: 응답 하나가 끝나지 않고 이벤트가 이어 옵니다. 끊기면 브라우저가 스스로 다시 붙으며 Last-Event-ID(마지막으로 받은 id)를 보내므로
  // 서버가 놓친 것부터 다시 보냅니다. EventSource는 머리글을 붙일 수 없어 토큰을 주소에 싣습니다(README "SSE의 토큰").
  function openStream() {
    const url = new URL(roomUrl('events'));
    url.searchParams.set('token', state.token);
    url.searchParams.set('after', ChatUi.lastId());
    const events = new EventSource(url);
    state.events = events;
    ChatUi.count('requests');
    events.addEventListener('open', () => ChatUi.setStatus('connected', '연결됨 · SSE'));
    events.addEventListener('message', (event) => {
      ChatUi.count('bytesIn', utf8Length(event.data));
      receive([JSON.parse(event.data)]);
    });
    events.addEventListener('error', () => {
      if (events !== state.events) return;
      if (events.readyState === EventSource.CLOSED) {
        // 서버가 4xx로 거절했습니다(토큰이 더는 통하지 않음). 브라우저는 다시 붙지 않습니다.
        dropped({ code: 'UNKNOWN_MEMBER', content: '입장 정보가 없거나 만료되었습니다. 다시 입장해 주세요.' });
      } else {
        ChatUi.count('requests');
        ChatUi.setStatus('connecting', '연결 끊김 · 브라우저가 다시 붙는 중');
      }
    });
  }

  async function pollLoop(generation, signal) {
    let failures = 0;
    while (generation === state.generation) {
      const long = state.mode === 'long';
      try {
        const path = `messages${long ? '/wait' : ''}?after=${ChatUi.lastId()}`;
        const messages = await call('GET', path, { signal });
        if (generation !== state.generation) return;
        failures = 0;
        ChatUi.setStatus('connected', long ? '연결됨 · 긴 폴링' : `연결됨 · ${state.interval / 1000}초마다`);
        receive(messages);
        if (!long) await sleep(state.interval, signal);
      } catch (error) {
        if (generation !== state.generation) return; // 퇴장했거나 방식을 바꿔 스스로 멈춘 경우
        if (error.status === 401) { dropped(error.body); return; }
        // 서버가 꺼졌거나 네트워크가 끊겼습니다. 1, 2, 4 … 최대 10초 간격으로 다시 시도합니다.
        const delay = Math.min(1000 * 2 ** failures, 10000);
        failures++;
        ChatUi.setStatus('disconnected', `연결 끊김 · ${delay / 1000}초 뒤 다시 시도`);
        await sleep(delay, signal).catch(() => {});
      }
    }
  }

  function receive(messages) {
    if (messages.length === 0) {
      ChatUi.count('emptyResponses');
      return;
    }
    for (const message of messages) {
      if (ChatUi.showMessage(message)) ChatUi.count('messages');
    }
    // 목록을 아직 못 받았으면(입장 때 실패) 다시 묻습니다. 받은 뒤로는 ChatUi가 JOIN·LEAVE로 목록을 고칩니다.
    if (!state.membersLoaded) loadMembers();
  }

  // 참여자 목록은 입장할 때 한 번만 묻습니다. 누가 들어오고 나갈 때마다 모두가 목록을 다시 물으면 사람 수의 제곱만큼 요청이 납니다.
  async function loadMembers() {
    try {
      const list = await call('GET', 'members');
      state.membersLoaded = true;
      ChatUi.showMembers(list.members, list.version);
    } catch (error) {
      // 다음 폴링 응답 때 다시 묻습니다.
    }
  }

  // 오래 폴링하지 않아 서버가 내보냈거나(presence), 토큰이 더는 통하지 않는 경우입니다.
  function dropped(error) {
    stopPolling();
    state.token = null;
    ChatUi.showError(error);
    ChatUi.setJoined(false);
    ChatUi.setStatus('disconnected');
  }

  async function join(nickname, room) {
    ChatUi.setStatus('connecting');
    state.room = room;
    try {
      const joined = await call('POST', 'members', { body: { nickname } });
      state.token = joined.token;
    } catch (error) {
      ChatUi.showError(error.body || { code: 'NETWORK', content: '서버에 연결할 수 없습니다.' });
      ChatUi.setStatus('disconnected');
      return;
    }
    ChatUi.resetRoom();
    ChatUi.setJoined(true);
    state.membersLoaded = false;
    loadMembers();
    startPolling(); // after=0: 방의 최근 기록부터 받습니다(내 JOIN 포함).
  }

  function leave() {
    const token = state.token;
    stopPolling();
    state.token = null;
    ChatUi.setJoined(false);
    ChatUi.setStatus('disconnected');
    if (!token) return;
    // 탭을 닫는 중에도 요청이 끝까지 가도록 keepalive를 씁니다(pagehide에서도 같은 함수를 부릅니다).
    ChatUi.count('requests');
    fetch(roomUrl('members/me'), { method: 'DELETE', headers: { 'X-Member-Token': token }, keepalive: true })
      .catch(() => {});
  }

  async function send(text) {
    try {
      // 응답으로 온 메시지를 바로 그리지 않습니다. 그러면 lastId가 앞질러, 그 사이 남이 보낸 메시지를
      // 다음 폴링(after=lastId)에서 놓칠 수 있습니다. 내 메시지도 다음 폴링에서 보입니다.
      await call('POST', 'messages', { body: { content: text } });
    } catch (error) {
      if (error.status === 401) { dropped(error.body); return; }
      ChatUi.showError(error.body || { code: 'NETWORK', content: '보내지 못했습니다. 연결을 확인해 주세요.' });
    }
  }

  modeSelect.addEventListener('change', () => {
    // 트래픽 패널에 이 장이 세는 항목을 0으로 먼저 보여 줍니다.
  ['requests', 'emptyResponses', 'messages', 'bytesOut', 'bytesIn'].forEach((name) => ChatUi.count(name, 0));
  state.mode = modeSelect.value;
    intervalSelect.disabled = state.mode !== 'short';
    if (state.token) startPolling(); // 기다리던 요청을 끊고 새 방식으로 곧바로 다시 묻습니다.
  });
  intervalSelect.addEventListener('change', () => {
    state.interval = Number(intervalSelect.value);
    if (state.token && state.mode === 'short') startPolling();
  });
  state.mode = modeSelect.value;
  state.interval = Number(intervalSelect.value);
  intervalSelect.disabled = state.mode !== 'short';

  // 탭을 닫거나 다른 페이지로 갈 때 퇴장합니다. 이 신호가 오지 않는 경우(전원 꺼짐, 네트워크 끊김)는
  // 서버의 presence가 약 30초 뒤 처리합니다.
  window.addEventListener('pagehide', () => { if (state.token) leave(); });

  ChatUi.bind({ onJoin: join, onLeave: leave, onSend: send });
})();
