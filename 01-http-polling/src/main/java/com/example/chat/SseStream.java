package com.example.chat;

import java.io.IOException;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * SSE로 듣는 한 사람의 스트림({@link SseStreams}가 엽니다). 깨우기가 동시에 와도 같은 메시지를 두 번 보내지 않도록 보내기를 하나씩 하고, 마지막으로 보낸
 * id를 기억합니다. 보내다 연결이 끊긴 것을 알면 스트림을 닫습니다.
 */
final class SseStream {

  /** 끊긴 브라우저가 다시 붙기까지 기다리는 시간({@code retry:}). */
  private static final Duration RECONNECT = Duration.ofSeconds(2);

  private final ChatRoom room;
  private final String token;
  private final SseEmitter emitter;
  private final Presence presence;
  private long lastSent;

  SseStream(ChatRoom room, String token, SseEmitter emitter, long after, Presence presence) {
    this.room = room;
    this.token = token;
    this.emitter = emitter;
    this.lastSent = after;
    this.presence = presence;
  }

  synchronized void hello() {
    send(SseEmitter.event().reconnectTime(RECONNECT.toMillis()).comment("connected"));
  }

  synchronized void sendNew() {
    for (ChatMessage message : room.after(lastSent)) {
      String id = String.valueOf(message.id());
      if (!send(
          SseEmitter.event().id(id).name("message").data(message, MediaType.APPLICATION_JSON))) {
        return;
      }
      lastSent = message.id();
    }
  }

  synchronized void keepAlive() {
    try {
      if (token != null) {
        presence.touch(token, room);
      }
      send(SseEmitter.event().comment("keep-alive"));
    } catch (ChatException left) {
      // 그사이 퇴장했거나 내보내졌습니다. 스트림을 닫으면 브라우저가 다시 붙으려다 401을 받고 멈춥니다.
      emitter.complete();
    }
  }

  /** 보내고, 연결이 끊겨 보내지 못하면 스트림을 닫습니다. */
  private boolean send(SseEmitter.SseEventBuilder event) {
    try {
      emitter.send(event);
      return true;
    } catch (IOException | IllegalStateException closed) {
      emitter.completeWithError(closed);
      return false;
    }
  }
}
