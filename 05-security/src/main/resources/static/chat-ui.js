// 모든 장이 똑같이 쓰는 화면 코드입니다. 장마다 다른 것은 app.js(전송 방식)뿐이라,
// 두 장을 diff 하면 전송 방식의 차이만 보입니다.
// 사람이 쓴 글은 언제나 textContent로 넣습니다(HTML로 해석되게 넣으면 <img onerror=...> 같은 글이 실행됩니다).
'use strict';

const ChatUi = (() => {
  const byTestId = (id) => document.querySelector(`[data-testid="${id}"]`);
  const els = {
    nickname: byTestId('nickname-input'),
    room: byTestId('room-input'),
    join: byTestId('join-button'),
    leave: byTestId('leave-button'),
    message: byTestId('message-input'),
    send: byTestId('send-button'),
    messages: byTestId('message-list'),
    members: byTestId('member-list'),
    status: byTestId('connection-status'),
    counters: document.getElementById('traffic-counters'),
  };

  // 같은 id를 두 번 그리지 않습니다. 다시 연결해 기록을 받아 올 때 겹치는 메시지는 여기서 걸러집니다.
  let seenIds = new Set();
  let lastId = 0;

  // 서버가 "잠시 닿지 않는다"고 알려 온 오류(4장의 브로커와 데이터베이스). 상태 줄에 띄워 두고, 다음 글이 오거나 다시 연결되면 되돌립니다.
  // 그동안 다시 연결하는 중이어도 끊김 표시는 남기고, 같은 오류가 거듭 와도 목록에는 한 번만 적습니다.
  const OUTAGE_TEXT = {
    BROKER_UNAVAILABLE: '브로커 연결 끊김',
    STORE_UNAVAILABLE: '데이터베이스 연결 끊김 · 잠시 후 다시 보내 주세요',
  };
  let outage = null; // 지금 상태 줄에 띄운 오류 코드

  function showMessage(message) {
    if (outage) setStatus('connected');
    if (message.type !== 'WHISPER' && message.id) {
      if (seenIds.has(message.id)) return false;
      seenIds.add(message.id);
      lastId = Math.max(lastId, message.id);
      notePresence(message);
    }
    const item = document.createElement('li');
    item.dataset.testid = 'message';
    item.dataset.type = message.type;
    if (message.id) item.dataset.id = String(message.id);
    const time = document.createElement('span');
    time.className = 'time';
    time.textContent = message.sentAt ? new Date(message.sentAt).toLocaleTimeString('ko-KR') : '';
    const sender = document.createElement('span');
    sender.className = 'sender';
    // 입장·퇴장 알림은 본문에 이미 이름이 들어 있으므로 보낸 사람 칸을 비웁니다.
    const notice = message.type === 'JOIN' || message.type === 'LEAVE';
    sender.textContent = message.type === 'WHISPER' ? `${message.sender} (귓속말)` : (notice ? '' : message.sender || '');
    const content = document.createElement('span');
    content.className = 'content';
    content.textContent = message.content;
    item.append(time, sender, content);
    placeInList(item, message.id);
    return true;
  }

  function showError(error) {
    if (OUTAGE_TEXT[error.code]) {
      const repeated = outage === error.code;
      outage = error.code;
      setStatus('broker-down');
      if (repeated) return;
    }
    const item = document.createElement('li');
    item.dataset.testid = 'message';
    item.dataset.type = 'ERROR';
    item.dataset.code = error.code || '';
    item.textContent = `⚠ ${error.content}`;
    placeInList(item);
  }

  // 메시지는 id 순서로 놓습니다. 기록 응답과 실시간 메시지가 엇갈려 도착해도(3·4장), 화면의 순서는 서버가 정한 순서입니다.
  function placeInList(item, id) {
    const list = els.messages;
    const atBottom = list.scrollTop + list.clientHeight >= list.scrollHeight - 20;
    let next = null;
    for (let node = list.lastElementChild; id && node; node = node.previousElementSibling) {
      if (!node.dataset.id) continue;
      if (Number(node.dataset.id) < id) break;
      next = node;
    }
    list.insertBefore(item, next);
    if (atBottom) list.scrollTop = list.scrollHeight;
  }

  // 참여자 목록. 서버는 목록 전체를 들어온 사람에게만 한 번 보내고(version = 그 목록이 반영한 마지막 글의 id),
  // 그 뒤의 변화는 모두가 받는 JOIN·LEAVE 글로 알립니다. 그래서 화면의 목록 = 받은 목록 + version보다 큰 JOIN·LEAVE(id 순서).
  // 목록보다 새 JOIN이 목록보다 먼저 도착해도(4장: 목록과 방송이 브로커에서 서로 다른 큐를 지납니다) 받아 두었다가 다시 더하므로 맞습니다.
  let roster = { base: null, version: 0, changes: new Map() };

  function showMembers(nicknames, version) {
    roster.base = nicknames;
    roster.version = version;
    roster.changes.forEach((message, id) => { if (id <= version) roster.changes.delete(id); });
    renderMembers();
  }

  function notePresence(message) {
    if (message.type !== 'JOIN' && message.type !== 'LEAVE') return;
    if (message.id <= roster.version) return; // 이미 목록에 들어 있는 변화
    roster.changes.set(message.id, message);
    if (roster.base) renderMembers();
  }

  function renderMembers() {
    const names = new Set(roster.base);
    [...roster.changes.values()].sort((a, b) => a.id - b.id).forEach((message) => {
      if (message.type === 'JOIN') names.add(message.sender);
      else names.delete(message.sender);
    });
    els.members.replaceChildren(...[...names].map((name) => {
      const item = document.createElement('li');
      item.textContent = name;
      return item;
    }));
  }

  const STATUS_TEXT = {
    disconnected: '연결 안 됨',
    connecting: '연결 중…',
    connected: '연결됨',
    'broker-down': '브로커 연결 끊김',
  };

  function setStatus(state, text) {
    if (state === 'connected' || state === 'disconnected') outage = null;
    if (outage) {
      text = [OUTAGE_TEXT[outage], text].filter(Boolean).join(' · ');
      state = 'broker-down';
    }
    els.status.dataset.state = state;
    els.status.textContent = text || STATUS_TEXT[state] || state;
  }

  function setJoined(joined) {
    els.nickname.disabled = joined;
    els.room.disabled = joined;
    els.join.disabled = joined;
    els.leave.disabled = !joined;
    els.message.disabled = !joined;
    els.send.disabled = !joined;
    if (joined) els.message.focus();
  }

  // 다른 방에 들어가면 화면과 "본 메시지" 기록을 비웁니다.
  function resetRoom() {
    seenIds = new Set();
    lastId = 0;
    roster = { base: null, version: 0, changes: new Map() };
    els.messages.replaceChildren();
    els.members.replaceChildren();
  }

  // 트래픽 패널: app.js가 센 값을 그대로 보여 줍니다.
  const LABELS = {
    requests: 'HTTP 요청',
    emptyResponses: '빈 응답',
    framesOut: '보낸 프레임',
    framesIn: '받은 프레임',
    bytesOut: '보낸 바이트',
    bytesIn: '받은 바이트',
    messages: '받은 메시지',
  };
  const counters = {};

  function count(name, amount = 1) {
    counters[name] = (counters[name] || 0) + amount;
    renderCounters();
  }

  function renderCounters() {
    els.counters.replaceChildren(...Object.keys(counters).flatMap((name) => {
      const term = document.createElement('dt');
      term.textContent = LABELS[name] || name;
      const value = document.createElement('dd');
      value.dataset.counter = name;
      value.textContent = counters[name].toLocaleString('ko-KR');
      return [term, value];
    }));
  }

  document.getElementById('traffic-reset').addEventListener('click', () => {
    Object.keys(counters).forEach((name) => { counters[name] = 0; });
    renderCounters();
  });

  // app.js가 입장/퇴장/보내기 동작을 연결합니다.
  function bind({ onJoin, onLeave, onSend }) {
    document.getElementById('join-form').addEventListener('submit', (event) => {
      event.preventDefault();
      onJoin(els.nickname.value.trim(), els.room.value.trim() || 'lobby');
    });
    els.leave.addEventListener('click', () => onLeave());
    document.getElementById('send-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const text = els.message.value;
      if (!text.trim()) return;
      els.message.value = '';
      onSend(text);
    });
  }

  return {
    bind, showMessage, showError, showMembers, setStatus, setJoined, resetRoom, count,
    lastId: () => lastId,
  };
})();
