// 2장의 전송 방식: 웹소켓 연결 하나. 화면은 chat-ui.js가 그리고, 여기서는 서버와 주고받기만 합니다.
// 연결을 열어 두면 서버가 새 메시지를 곧바로 밀어 주므로, 아무도 말하지 않을 때는 아무것도 오가지 않습니다.
// 프레임 안의 뜻(JOIN/CHAT/MEMBERS/ERROR)은 웹소켓이 아니라 이 앱이 정한 약속입니다(3장에서는 STOMP가 대신합니다).
'use strict';

(() => {
  const RETRY_MIN_MS = 500;
  const RETRY_MAX_MS = 10000;
  const state = {
    socket: null,
    nickname: null,
    room: null,
    wanted: false, // 사용자가 방에 있기를 원하는가. 퇴장을 누르면 false가 되어 다시 연결하지 않습니다.
    joined: false, // 이번 연결에서 서버가 입장을 받아들였는가(MEMBERS를 받으면 true).
    retries: 0,
    retryTimer: null,
    replay: null, // 다시 연결한 직후, MEMBERS가 올 때까지 받은 기록을 모아 두는 곳
  };
  const encoder = new TextEncoder();
  const utf8Length = (text) => encoder.encode(text).length;
  // 주소는 페이지 주소(location)에서 만듭니다. https로 열린 페이지는 wss(TLS 위의 웹소켓)로 연결합니다.
  const url = `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws/chat`;
  const dropButton = document.getElementById('drop-connection');
  const messageInput = document.querySelector('[data-testid="message-input"]');
  document.getElementById('ws-url').textContent = url;
  // 트래픽 패널에 이 장이 세는 항목을 0으로 먼저 보여 줍니다.
  // 바이트는 프레임 안의 글(UTF-8)만 셉니다. 프레임 머리(2~14바이트)와 처음 한 번의 핸드셰이크는 빠집니다.
  ['framesOut', 'framesIn', 'bytesOut', 'bytesIn', 'messages'].forEach((name) => ChatUi.count(name, 0));

  function join(nickname, room) {
    const previous = state.socket; // 입장을 두 번 눌렀다면 앞의 연결은 닫습니다(유령 참여자가 남지 않게).
    state.socket = null;
    if (previous) previous.close(1000, 'rejoin');
    clearTimeout(state.retryTimer);
    ChatUi.resetRoom();
    Object.assign(state, { nickname, room, wanted: true, retries: 0 });
    connect(false);
  }

  function connect(again) {
    ChatUi.setStatus('connecting');
    const socket = new WebSocket(url);
    Object.assign(state, { socket, joined: false, replay: again ? [] : null });
    socket.addEventListener('open', () => {
      sendFrame(socket, { type: 'JOIN', room: state.room, sender: state.nickname });
    });
    socket.addEventListener('message', (event) => {
      if (socket === state.socket) receive(event.data);
    });
    socket.addEventListener('close', (event) => {
      if (socket === state.socket) closed(event);
    });
  }

  function receive(text) {
    ChatUi.count('framesIn');
    ChatUi.count('bytesIn', utf8Length(text));
    const frame = JSON.parse(text);
    if (frame.type === 'ERROR') {
      ChatUi.showError(frame);
      // 입장 전의 오류는 JOIN이 거절된 것입니다(닉네임·방 이름). 다시 연결해도 같으므로 멈춥니다.
      if (!state.joined) leave();
    } else if (frame.type === 'MEMBERS') {
      if (!state.joined) joinedNow();
      ChatUi.showMembers(frame.members, frame.version); // 목록은 입장할 때 한 번만 옵니다. 그 뒤는 JOIN·LEAVE로 고칩니다.
    } else if (state.replay) {
      state.replay.push(frame);
    } else {
      show(frame);
    }
  }

  // 서버가 기록을 모두 보내고 MEMBERS를 보냈습니다: 입장 완료.
  function joinedNow() {
    Object.assign(state, { joined: true, retries: 0 });
    ChatUi.setStatus('connected');
    ChatUi.setJoined(true);
    dropButton.disabled = false;
    if (!state.replay) return;
    // 다시 연결한 경우: 받은 기록에는 이미 본 것과 놓친 것이 섞여 있습니다. 이미 본 id는 ChatUi가 걸러 내고,
    // 놓친 것만 새로 그려집니다. 다만 서버가 재시작해 순번이 1부터 다시 시작했다면(기록의 마지막 id가
    // 내가 본 것보다 작으면) 옛 id와 겹치므로 화면을 비우고 새 기록으로 다시 그립니다.
    const replay = state.replay;
    state.replay = null;
    const newest = Math.max(0, ...replay.map((message) => message.id || 0));
    if (newest < ChatUi.lastId()) ChatUi.resetRoom();
    replay.forEach(show);
  }

  function show(message) {
    if (ChatUi.showMessage(message)) ChatUi.count('messages');
  }

  function closed(event) {
    state.socket = null;
    dropButton.disabled = true;
    // 1009: 서버가 정한 크기를 넘었습니다(이유는 서버가 보낸 한국어 문장).
    // 1007: 한도를 넘는 큰 메시지에서 Tomcat이 먼저 닫는 경우가 있습니다(README 참고).
    if (event.code === 1009 || event.code === 1007) {
      const content = event.code === 1009 && event.reason ? event.reason : '메시지가 너무 커서 연결이 닫혔습니다.';
      ChatUi.showError({ code: 'MESSAGE_TOO_BIG', content });
    }
    if (!state.wanted) return;
    // 서버가 내려갔거나 네트워크가 끊겼습니다. 0.5초, 1초, 2초 … 최대 10초 간격으로 다시 연결합니다.
    // 간격을 절반~전부 사이에서 무작위로 골라(jitter), 서버가 돌아온 순간 모두가 한꺼번에 몰리지 않게 합니다.
    const base = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** state.retries);
    const delay = Math.round(base / 2 + (Math.random() * base) / 2);
    state.retries++;
    ChatUi.setStatus('disconnected', `연결 끊김 · ${(delay / 1000).toFixed(1)}초 뒤 다시 연결`);
    state.retryTimer = setTimeout(() => {
      state.retryTimer = null;
      if (state.wanted) connect(true);
    }, delay);
  }

  // 퇴장 = 연결 닫기. 서버는 연결이 닫히면 LEAVE를 남기고 방의 모두에게 알립니다.
  function leave() {
    state.wanted = false;
    clearTimeout(state.retryTimer);
    const socket = state.socket;
    state.socket = null;
    if (socket) socket.close(1000, 'leave');
    dropButton.disabled = true;
    ChatUi.setJoined(false);
    ChatUi.setStatus('disconnected');
  }

  function send(text) {
    if (!state.joined || !state.socket || state.socket.readyState !== WebSocket.OPEN) {
      messageInput.value = text; // 잃어버리지 않게 입력칸에 되돌려 둡니다.
      ChatUi.showError({ code: 'NOT_CONNECTED', content: '연결이 끊겨 보내지 못했습니다. 다시 연결되면 보내 주세요.' });
      return;
    }
    sendFrame(state.socket, { type: 'CHAT', content: text });
  }

  function sendFrame(socket, frame) {
    const text = JSON.stringify(frame);
    socket.send(text);
    ChatUi.count('framesOut');
    ChatUi.count('bytesOut', utf8Length(text));
  }

  // 실습용: 서버가 사라진 것처럼 연결만 끊어, 다시 연결하고 놓친 메시지를 채우는 과정을 봅니다.
  // 서버에게는 이것도 연결 종료이므로 LEAVE가 남고, 다시 연결하면 JOIN이 남습니다.
  dropButton.addEventListener('click', () => {
    if (state.socket) state.socket.close(4000, 'drop test');
  });

  ChatUi.bind({ onJoin: join, onLeave: leave, onSend: send });
})();
