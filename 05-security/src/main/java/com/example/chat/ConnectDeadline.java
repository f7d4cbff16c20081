package com.example.chat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketHandlerDecoratorFactory;
import org.springframework.web.socket.messaging.SessionConnectEvent;

/**
 * 웹소켓을 열고 정한 시간({@code chat.websocket.connect-deadline}) 안에 CONNECT를 보내지 않은 연결을 닫습니다.
 *
 * <p>STOMP heart-beat는 CONNECT에서 정하므로, CONNECT 없이 열어만 둔 소켓은 서버가 죽은 줄 알 방법이 없어 영영 남습니다. 스프링에도 비슷한
 * 검사가 있지만 60초 뒤에, 새 연결이 들어올 때만, 아무 프레임(줄바꿈 하나도)이나 오면 통과시킵니다. 그래서 연결마다 시계를 걸고, CONNECT가 오면({@link
 * SessionConnectEvent}) 풉니다. 닫을 때는 이유를 적어 닫습니다(1008 정책 위반). 실제 서비스라면 앞단 프록시의 시간 제한도 함께 두겠지만, 이
 * 예제에서는 서버에서만 막습니다.
 */
@Component
class ConnectDeadline implements WebSocketHandlerDecoratorFactory {

  private final Duration deadline;
  private final CloseStatus noConnect;
  private final TaskScheduler scheduler;
  private final Set<String> waiting = ConcurrentHashMap.newKeySet();

  ConnectDeadline(
      WebSocketProperties properties,
      @Lazy @Qualifier("messageBrokerTaskScheduler") TaskScheduler scheduler) {
    this.deadline = properties.connectDeadline();
    // 닫는 이유는 123바이트까지라 짧게 씁니다. 한글은 한 글자에 3바이트입니다.
    this.noConnect =
        CloseStatus.POLICY_VIOLATION.withReason(
            "%d초 안에 CONNECT가 없어 닫습니다".formatted(deadline.toSeconds()));
    this.scheduler = scheduler;
  }

  @Override
  public WebSocketHandler decorate(WebSocketHandler handler) {
    return new WebSocketHandlerDecorator(handler) {
      @Override
      public void afterConnectionEstablished(WebSocketSession session) throws Exception {
        waiting.add(session.getId());
        scheduler.schedule(() -> closeIfWaiting(session), Instant.now().plus(deadline));
        super.afterConnectionEstablished(session);
      }

      @Override
      public void afterConnectionClosed(WebSocketSession session, CloseStatus status)
          throws Exception {
        waiting.remove(session.getId());
        super.afterConnectionClosed(session, status);
      }
    };
  }

  @EventListener
  void onConnect(SessionConnectEvent event) {
    waiting.remove(String.valueOf(event.getMessage().getHeaders().get("simpSessionId")));
  }

  private void closeIfWaiting(WebSocketSession session) {
    if (!waiting.remove(session.getId())) {
      return;
    }
    try {
      session.close(noConnect);
    } catch (IOException alreadyGone) {
      // 그 사이에 클라이언트가 먼저 끊었습니다.
    }
  }
}
