package com.example.chat;

import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator.OverflowStrategy;
import org.springframework.web.socket.handler.SessionLimitExceededException;

/**
 * 연결 하나로 나가는 메시지를, 순서를 지키면서도 보내는 쪽을 붙잡지 않고 내보냅니다.
 *
 * <p>왜 필요한가: {@link WebSocketSession}은 두 스레드가 동시에 보내면 깨집니다(Tomcat은 {@code IllegalStateException}).
 * 그래서 세션마다 {@link ConcurrentWebSocketSessionDecorator}로 감쌉니다. 데코레이터는 한 번에 한 스레드만 실제로 보내게 하고, 그동안
 * 들어온 메시지는 버퍼에 쌓습니다. 읽지 않는 클라이언트 앞에 버퍼가 한도를 넘게 쌓이거나 보내기 하나가 시간 한도를 넘으면, 그 연결을 포기합니다({@link
 * OverflowStrategy#TERMINATE}).
 *
 * <p>다만 데코레이터는 "지금 보내는 스레드"를 소켓이 빌 때까지 붙잡습니다. 그 스레드가 다른 사람의 메시지를 처리하던 스레드라면 방 전체가 함께 멈춥니다. 그래서 실제
 * 보내기는 별도 스레드({@code executor})에 맡기고, 순서를 지키려고 한 연결에는 메시지를 하나씩만 넘깁니다. 데코레이터 버퍼에 들어갔다는 알림({@code
 * setMessageCallback})을 받으면 다음 것을 넘깁니다(Spring STOMP의 {@code preservePublishOrder}와 같은 방식).
 *
 * <p>실제 서비스라면 끊긴 수와 버퍼 크기를 지표로 남기겠지만, 이 예제에서는 로그 한 줄로 줄였습니다.
 */
final class SessionOutbox {

  private static final Logger log = LoggerFactory.getLogger(SessionOutbox.class);

  private final ConcurrentWebSocketSessionDecorator session;
  private final Executor executor;
  private final Runnable onDrop;
  private final Queue<WebSocketMessage<?>> pending = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean handingOff = new AtomicBoolean();

  SessionOutbox(
      WebSocketSession raw, WebSocketProperties limits, Executor executor, Runnable onDrop) {
    this.session =
        new ConcurrentWebSocketSessionDecorator(
            raw,
            (int) limits.sendTimeLimit().toMillis(),
            (int) limits.sendBufferSizeLimit().toBytes(),
            OverflowStrategy.TERMINATE);
    this.executor = executor;
    this.onDrop = onDrop;
    // 데코레이터 버퍼에 넣자마자(실제로 보내기 전에) 불립니다: 이제 다음 메시지를 넘겨도 순서가 지켜집니다.
    this.session.setMessageCallback(message -> handOffNext(true));
  }

  void send(String json) {
    pending.add(new TextMessage(json));
    handOffNext(false);
  }

  /** 빈 ping 제어 프레임. 이 연결의 다른 메시지와 같은 줄에 서서 나갑니다({@link HeartbeatMonitor}). */
  void ping() {
    pending.add(new PingMessage());
    handOffNext(false);
  }

  /** 이 연결을 포기합니다: 먼저 퇴장 처리하고 닫습니다(닫기 알림이 늦거나 오지 않아도 LEAVE는 남게). */
  void drop(CloseStatus status) {
    onDrop.run();
    close(status);
  }

  void close(CloseStatus status) {
    try {
      session.close(status);
    } catch (IOException e) {
      log.debug("close failed session={}", session.getId(), e);
    }
  }

  private void handOffNext(boolean previousDone) {
    if (previousDone) {
      handingOff.set(false);
    }
    while (!pending.isEmpty() && handingOff.compareAndSet(false, true)) {
      WebSocketMessage<?> next = pending.poll();
      if (next != null) {
        executor.execute(() -> deliver(next));
        return;
      }
      handingOff.set(false);
    }
  }

  private void deliver(WebSocketMessage<?> message) {
    try {
      session.sendMessage(message);
    } catch (SessionLimitExceededException e) {
      log.warn("dropping slow client session={} reason={}", session.getId(), e.getMessage());
      drop(e.getStatus());
    } catch (IOException | RuntimeException e) {
      log.debug("send failed session={}", session.getId(), e);
      drop(CloseStatus.SERVER_ERROR);
    }
  }
}
