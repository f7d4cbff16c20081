package com.example.chat;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /ws/chat}으로 들어온 텍스트 프레임을 읽고 답합니다: JOIN이 먼저, 그다음 CHAT, 연결이 닫히면 퇴장.
 *
 * <p>웹소켓은 "양쪽이 아무 때나 텍스트를 보낼 수 있는 관"일 뿐입니다. 그래서 메시지 종류(JOIN/CHAT/ERROR/MEMBERS), 입장 순서 규칙, 참여자 목록
 * 알림, 오류 형식을 모두 이 클래스가 스스로 정해야 합니다. 3장에서 STOMP를 쓰는 이유가 바로 이 "직접 만든 약속"입니다.
 *
 * <p>방 하나의 일(기록에 남기기 + 뿌리기)은 그 방을 잠근 채 합니다. 그래야 모든 연결이 id 순서대로 받고, 막 들어온 사람이 기록과 실시간 메시지 사이에서 메시지를
 * 놓치거나 두 번 받지 않습니다. 실제 보내기는 {@link SessionOutbox}가 기다리지 않고 처리하므로 잠금은 짧습니다.
 *
 * <p>퇴장은 세 곳에서 옵니다: 연결 종료, 읽지 않아 끊김({@link SessionOutbox}), ping에 답이 없어 끊김({@link
 * HeartbeatMonitor}). 어느 쪽이든 {@link #leave}를 한 번만 거칩니다.
 *
 * <p>실제 서비스라면 로그인한 사용자로 입장시키겠지만, 이 예제에서는 JOIN의 닉네임을 씁니다.
 */
@Component
final class ChatWebSocketHandler extends TextWebSocketHandler {

  private final ChatRooms rooms;
  private final ChatSessions sessions;
  private final HeartbeatMonitor heartbeat;
  private final JsonMapper json;
  private final IncomingText incoming;

  ChatWebSocketHandler(
      ChatRooms rooms,
      ChatSessions sessions,
      HeartbeatMonitor heartbeat,
      JsonMapper json,
      WebSocketProperties limits) {
    this.rooms = rooms;
    this.sessions = sessions;
    this.heartbeat = heartbeat;
    this.json = json;
    this.incoming = new IncomingText((int) limits.maxTextMessageSize().toBytes());
  }

  @Override
  public void afterConnectionEstablished(WebSocketSession session) {
    sessions.open(session, () -> leave(session.getId()));
    heartbeat.seen(session.getId());
  }

  /** 모든 프레임(텍스트, 바이너리, ping에 대한 pong)이 여기를 지나 종류별 메서드로 갑니다. 무엇이 오든 "살아 있음"입니다. */
  @Override
  public void handleMessage(WebSocketSession session, WebSocketMessage<?> message)
      throws Exception {
    heartbeat.seen(session.getId());
    super.handleMessage(session, message);
  }

  /** 큰 메시지는 Tomcat이 작은 조각으로 넘깁니다. 모으기와 크기 검사는 {@link IncomingText}가 합니다. */
  @Override
  public boolean supportsPartialMessages() {
    return true;
  }

  @Override
  protected void handleTextMessage(WebSocketSession session, TextMessage part) {
    String id = session.getId();
    try {
      Optional<String> text = incoming.add(session, part);
      if (text.isEmpty()) {
        return;
      }
      ClientFrame frame = ClientFrame.parse(json, text.get());
      switch (String.valueOf(frame.type())) {
        case "JOIN" -> join(id, frame);
        case "CHAT" -> chat(id, frame);
        default -> throw frame.unknownType();
      }
    } catch (ChatException e) {
      if (e.code() == ChatError.Code.MESSAGE_TOO_BIG) {
        sessions.close(
            id, new CloseStatus(CloseStatus.TOO_BIG_TO_PROCESS.getCode(), e.getMessage()));
      } else {
        sessions.send(id, ChatError.of(e));
      }
    }
  }

  /** 바이너리는 받지 않습니다. 조각으로 와도 오류는 메시지마다 한 번(마지막 조각에서)만 보냅니다. */
  @Override
  protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
    if (message.isLast()) {
      sessions.send(
          session.getId(), ChatError.of(new ChatException(ChatError.Code.BINARY_NOT_SUPPORTED)));
    }
  }

  @Override
  public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
    heartbeat.forget(session.getId());
    leave(session.getId());
  }

  private void join(String id, ClientFrame frame) {
    if (sessions.roomOf(id).isPresent()) {
      throw new ChatException(ChatError.Code.ALREADY_JOINED);
    }
    ChatRoom room = rooms.get(frame.room());
    synchronized (room) {
      ChatMessage joined = room.join(id, frame.sender());
      sessions.broadcast(room.name(), joined); // 이미 있던 사람들에게
      if (!sessions.enter(id, room.name())) {
        room.leave(id).ifPresent(left -> sessions.broadcast(room.name(), left));
        return;
      }
      room.history().forEach(message -> sessions.send(id, message)); // 자기 JOIN까지, 오래된 순
      sessions.send(id, MembersFrame.of(room.memberList())); // 목록은 들어온 사람에게만
    }
  }

  private void chat(String id, ClientFrame frame) {
    String name =
        sessions.roomOf(id).orElseThrow(() -> new ChatException(ChatError.Code.NOT_JOINED));
    ChatRoom room = rooms.get(name);
    synchronized (room) {
      sessions.broadcast(name, room.post(id, frame.content()));
    }
  }

  /**
   * 연결 종료, "느려서 끊김", "응답 없어 끊김"에서 불립니다. {@link ChatSessions#remove}가 한 번만 방 이름을 주므로 LEAVE도 한 번입니다.
   */
  private void leave(String id) {
    sessions
        .remove(id)
        .ifPresent(
            name -> {
              ChatRoom room = rooms.get(name);
              synchronized (room) {
                room.leave(id).ifPresent(left -> sessions.broadcast(name, left));
              }
            });
  }
}
