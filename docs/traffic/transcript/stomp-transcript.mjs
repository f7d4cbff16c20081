// 3·4장 README의 "트래픽 관찰"에 실은 주고받기를 다시 잡습니다. 민수와 지영이 한 방에서 입장, 인사, 귓속말, 빈 글, 퇴장을 하는 동안
// 민수의 웹소켓에 오간 텍스트를 그대로(UTF-8 바이트 수와 함께) 찍습니다. 페이지(app.js의 구독 다섯 개, SEND의 content-type)와 같은 프레임을
// 손으로 보냅니다.
//   npm install --no-save ws@8 && node stomp-transcript.mjs 18083 > ch03.txt
import WebSocket from 'ws';

const port = process.argv[2] || '8080';
const url = `ws://localhost:${port}/ws/websocket`;
const frame = (command, headers, body = '') =>
  `${command}\n${Object.entries(headers).map(([k, v]) => `${k}:${v}`).join('\n')}\n\n${body}\u0000`;
const bytes = (text) => Buffer.byteLength(text, 'utf8');

function open(nickname, print) {
  const ws = new WebSocket(url);
  const waiting = [];
  const received = [];
  ws.on('message', (data) => {
    const text = data.toString('utf8');
    if (text === '\n') return; // 하트비트는 빼고 찍습니다
    if (print) console.log(`<<< ${JSON.stringify(text)} (${bytes(text)}B)`);
    received.push(text);
    waiting.splice(0).forEach((check) => check());
  });
  const send = (text) => {
    if (print) console.log(`>>> ${JSON.stringify(text)} (${bytes(text)}B)`);
    ws.send(text);
  };
  // 조건에 맞는 프레임이 올 때까지 기다립니다(이미 왔으면 바로).
  const until = (wanted) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${nickname}: 기다린 프레임이 오지 않았습니다: ${wanted}`)), 5000);
      const check = () => {
        const index = received.findIndex((text) => text.includes(wanted));
        if (index < 0) return waiting.push(check);
        received.splice(0, index + 1);
        clearTimeout(timer);
        resolve();
      };
      check();
    });
  const ready = new Promise((resolve) => ws.on('open', resolve));
  return { ws, send, until, ready };
}

async function join(client, nickname, room) {
  await client.ready;
  client.send(frame('CONNECT', { nickname, 'accept-version': '1.2,1.1,1.0', 'heart-beat': '10000,10000' }));
  await client.until('CONNECTED');
  const destinations = [`/topic/rooms.${room}`, '/user/queue/members', '/user/queue/whispers', '/user/queue/errors', '/user/queue/history'];
  destinations.forEach((destination, i) => client.send(frame('SUBSCRIBE', { id: `sub-${i}`, destination })));
  client.send(frame('SEND', { destination: `/app/rooms.${room}.join`, 'content-type': 'application/json', 'content-length': 2 }, '{}'));
  await client.until('/user/queue/history');
}

const sendJson = (client, destination, body) => {
  const json = JSON.stringify(body);
  client.send(frame('SEND', { destination, 'content-type': 'application/json', 'content-length': bytes(json) }, json));
};

const minsu = open('민수', true);
await join(minsu, '민수', 'lobby');
await minsu.until('"type":"JOIN","sender":"민수"');
await minsu.until('"members":["민수"]');
console.log('   … 지영 입장(민수에게는 JOIN 하나만 옵니다) …');
const jiyoung = open('지영', false);
await join(jiyoung, '지영', 'lobby');
await minsu.until('"sender":"지영"');
sendJson(minsu, '/app/rooms.lobby.send', { content: '안녕하세요' });
await minsu.until('안녕하세요');
sendJson(minsu, '/app/rooms.lobby.whisper', { to: '지영', content: '비밀' });
await minsu.until('/user/queue/whispers');
sendJson(minsu, '/app/rooms.lobby.send', { content: '' });
await minsu.until('CONTENT_EMPTY');
jiyoung.ws.close();
await minsu.until('"type":"LEAVE"');
minsu.send(frame('DISCONNECT', { receipt: 'close-5' }));
await minsu.until('RECEIPT');
minsu.ws.close();
