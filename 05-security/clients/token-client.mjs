// 5장 · 브라우저가 아닌 클라이언트의 길: 아이디와 비밀번호로 토큰(JWT)을 받고, CONNECT의 Authorization 머리글에 싣습니다.
// 쿠키를 쓰지 않으므로 CSRF 토큰도 필요 없습니다(README "토큰은 CONNECT에서 한 번").
//
// 실행(서버는 mvn -pl 05-security spring-boot:run):
//   cd 05-security/clients && npm install && node token-client.mjs minsu minsu1234 lobby "Node에서 보냅니다"
// 다른 서버 주소: CHAT_URL=http://localhost:8081 node token-client.mjs ...
import { Client } from '@stomp/stompjs';
import WebSocket from 'ws';

const [username = 'minsu', password = 'minsu1234', room = 'lobby', text = 'Node에서 보냅니다'] =
  process.argv.slice(2);
const base = process.env.CHAT_URL ?? 'http://localhost:8080';

// 1) HTTP Basic으로 짧은 토큰을 받습니다. 틀리면 서버가 401과 한국어 JSON으로 답합니다.
const basic = Buffer.from(`${username}:${password}`).toString('base64');
const response = await fetch(`${base}/api/token`, {
  method: 'POST',
  headers: { Authorization: `Basic ${basic}` },
});
const issued = await response.json();
if (!response.ok) {
  console.error(`토큰을 받지 못했습니다(HTTP ${response.status}): ${issued.content}`);
  process.exit(1);
}
console.log(`토큰을 받았습니다(만료 ${issued.expiresAt}).`);

// 2) 토큰을 CONNECT에 싣습니다. 서버는 CONNECT에서 한 번만 검사하고, 그 뒤 프레임에는 이 연결의 사용자를 붙입니다.
// Node 20에는 전역 WebSocket이 없어서 ws 패키지로 소켓을 만들어 줍니다.
const client = new Client({
  webSocketFactory: () => new WebSocket(`${base.replace(/^http/, 'ws')}/ws/websocket`),
  connectHeaders: { Authorization: `Bearer ${issued.token}` },
  reconnectDelay: 0,
  onConnect: () => {
    console.log('연결했습니다.');
    client.subscribe(`/topic/rooms.${room}`, (frame) => {
      const message = JSON.parse(frame.body);
      console.log(`[${message.type}] ${message.sender}: ${message.content}`);
      if (message.type === 'CHAT' && message.content === text) client.deactivate();
    });
    client.subscribe('/user/queue/errors', (frame) => {
      console.error(`오류: ${JSON.parse(frame.body).content}`);
      client.deactivate();
    });
    const json = { 'content-type': 'application/json' };
    client.publish({ destination: `/app/rooms.${room}.join`, headers: json, body: '{}' });
    client.publish({ destination: `/app/rooms.${room}.send`, headers: json, body: JSON.stringify({ content: text }) });
  },
  // 토큰이 틀리거나 만료되면 서버가 ERROR 프레임에 한국어 까닭을 담아 보내고 연결을 닫습니다.
  onStompError: (frame) => {
    console.error(`서버가 연결을 거절했습니다: ${frame.headers.message}`);
    process.exitCode = 1;
    client.deactivate();
  },
});
client.activate();
