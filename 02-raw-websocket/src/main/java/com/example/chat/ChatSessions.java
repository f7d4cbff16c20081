package com.example.chat;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import tools.jackson.databind.json.JsonMapper;

/**
 * 열린 연결과 "어느 방에 누가 연결돼 있는가"를 기억하고, 방 하나에 메시지를 뿌립니다(broadcast).
 *
 * <p>웹소켓에는 "방"도 "구독"도 없습니다. 연결 하나가 있을 뿐이라, 어떤 메시지를 누구에게 보낼지(라우팅)는 이 앱이 직접 정해야 합니다. 3장의 STOMP에서는 이
 * 일을 메시지 브로커가 {@code /topic/rooms.lobby} 같은 목적지로 대신합니다.
 *
 * <p>이 지도는 서버 한 대의 메모리에 있습니다. 서버가 여러 대라면 다른 서버에 붙은 연결에는 닿을 수 없는데, 4장에서 외부 브로커로 이 문제를 풉니다. 이 예제에서는
 * 서버 한 대만 가정합니다.
 */
@Component
final class ChatSessions implements DisposableBean {

  private final ConcurrentMap<String, Connection> byId = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Set<SessionOutbox>> byRoom = new ConcurrentHashMap<>();
  private final ExecutorService sender;
  private final WebSocketProperties limits;
  private final JsonMapper json;

  ChatSessions(WebSocketProperties limits, JsonMapper json) {
    this.limits = limits;
    this.json = json;
    // 스레드 수를 고정합니다. 필요할 때마다 늘어나는 풀(newCachedThreadPool)은 한 번에 1,000명에게 뿌릴 때 스레드를 수백 개
    // 만들었고, 2코어에서 그 스레드들이 CPU를 나눠 쓰느라 처리량이 절반이 됐습니다(docs/traffic/capacity.md).
    this.sender =
        Executors.newFixedThreadPool(
            limits.sendThreads(), new CustomizableThreadFactory("chat-send-"));
  }

  /** 새 연결을 등록합니다. 그 연결이 읽지 않아 끊길 때 {@code onDrop}이 불립니다. */
  void open(WebSocketSession session, Runnable onDrop) {
    byId.put(session.getId(), new Connection(new SessionOutbox(session, limits, sender, onDrop)));
  }

  Optional<String> roomOf(String sessionId) {
    return Optional.ofNullable(byId.get(sessionId)).map(c -> c.room);
  }

  /** 연결을 방에 넣습니다. 그사이 연결이 닫혔다면 {@code false}. */
  boolean enter(String sessionId, String room) {
    Connection connection = byId.get(sessionId);
    if (connection == null) {
      return false;
    }
    connection.room = room;
    byRoom.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(connection.outbox);
    return true;
  }

  /** 연결을 잊고, 들어가 있던 방 이름을 돌려줍니다. 두 번 불려도 두 번째는 빈 값입니다. */
  Optional<String> remove(String sessionId) {
    Connection connection = byId.remove(sessionId);
    if (connection == null || connection.room == null) {
      return Optional.empty();
    }
    byRoom.getOrDefault(connection.room, Set.of()).remove(connection.outbox);
    return Optional.of(connection.room);
  }

  /** 한 연결에게만 보냅니다(기록, 오류). */
  void send(String sessionId, Object frame) {
    outbox(sessionId).ifPresent(outbox -> outbox.send(json.writeValueAsString(frame)));
  }

  /** 살아 있는지 묻는 ping을 보냅니다. 브라우저는 pong으로 알아서 답합니다. */
  void ping(String sessionId) {
    outbox(sessionId).ifPresent(SessionOutbox::ping);
  }

  /** 방에 있는 모든 연결에게 보냅니다. JSON은 한 번만 만듭니다. 보내기는 기다리지 않습니다. */
  void broadcast(String room, Object frame) {
    String text = json.writeValueAsString(frame);
    byRoom.getOrDefault(room, Set.of()).forEach(outbox -> outbox.send(text));
  }

  void close(String sessionId, CloseStatus status) {
    outbox(sessionId).ifPresent(outbox -> outbox.close(status));
  }

  /** 퇴장 처리(LEAVE)를 먼저 하고 닫습니다. 말없이 사라진 연결은 닫혔다는 알림이 늦을 수 있기 때문입니다. */
  void drop(String sessionId, CloseStatus status) {
    outbox(sessionId).ifPresent(outbox -> outbox.drop(status));
  }

  private Optional<SessionOutbox> outbox(String sessionId) {
    return Optional.ofNullable(byId.get(sessionId)).map(c -> c.outbox);
  }

  @Override
  public void destroy() {
    sender.shutdownNow();
  }

  private static final class Connection {
    private final SessionOutbox outbox;
    private volatile String room;

    private Connection(SessionOutbox outbox) {
      this.outbox = outbox;
    }
  }
}
