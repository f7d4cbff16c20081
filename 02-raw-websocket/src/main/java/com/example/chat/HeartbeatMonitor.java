package com.example.chat;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;

/**
 * 말없이 사라진 연결(덮개를 닫은 노트북, 끊긴 와이파이)을 ping으로 찾아 닫습니다. 닫을 때 여느 연결 종료처럼 LEAVE가 남습니다.
 *
 * <p>왜 필요한가: 탭을 닫으면 닫기 프레임이나 TCP FIN이 와서 Tomcat이 바로 알려 줍니다. 하지만 전원이나 네트워크가 그냥 사라지면 아무것도 오지 않아, 서버는
 * 그 사람을 영영 "참여 중"으로 둡니다(다음 보내기가 실패하거나 TCP가 포기할 때까지). 그래서 {@code ping-interval}마다 모든 연결에 ping 제어
 * 프레임을 보내고, {@code pong-timeout} 동안 아무 프레임도(pong이든 채팅이든) 보내지 않은 연결을 닫습니다. 브라우저는 ping에 pong을 스스로
 * 답하므로 페이지 코드는 할 일이 없습니다.
 *
 * <p>ping도 {@link SessionOutbox}를 거쳐 나갑니다. 한 연결에 두 스레드가 동시에 보내면 안 되기 때문입니다.
 *
 * <p>실제 서비스라면 간격을 앞단 프록시·로드밸런서의 유휴 시간 제한보다 짧게 잡고(ping이 유휴 연결을 살려 두는 역할도 합니다) 끊은 수를 지표로 남기겠지만, 이
 * 예제에서는 스레드 하나가 모든 연결을 한 바퀴씩 돌며 로그 한 줄만 남깁니다.
 */
@Component
final class HeartbeatMonitor implements InitializingBean, DisposableBean {

  static final CloseStatus NO_PONG =
      CloseStatus.SESSION_NOT_RELIABLE.withReason("응답(pong)이 없어 연결을 닫습니다.");

  private static final Logger log = LoggerFactory.getLogger(HeartbeatMonitor.class);

  private final ConcurrentMap<String, Long> lastSeen = new ConcurrentHashMap<>();
  private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
  private final ChatSessions sessions;
  private final WebSocketProperties properties;

  HeartbeatMonitor(ChatSessions sessions, WebSocketProperties properties) {
    this.sessions = sessions;
    this.properties = properties;
  }

  /** 이 연결에서 무엇이든(pong, 채팅, 연결 자체) 받았습니다. */
  void seen(String sessionId) {
    lastSeen.put(sessionId, System.nanoTime());
  }

  void forget(String sessionId) {
    lastSeen.remove(sessionId);
  }

  @Override
  public void afterPropertiesSet() {
    scheduler.setThreadNamePrefix("chat-heartbeat-");
    scheduler.initialize();
    scheduler.scheduleAtFixedRate(this::pingOrDrop, properties.pingInterval());
  }

  /** 한 바퀴: 너무 오래 조용한 연결은 닫고(LEAVE), 나머지에는 ping을 보냅니다. */
  private void pingOrDrop() {
    long now = System.nanoTime();
    long timeout = properties.pongTimeout().toNanos();
    lastSeen.forEach(
        (id, seen) -> {
          try {
            // remove(id, seen): 그사이 pong이 왔다면 값이 바뀌어 지우지 않습니다.
            if (now - seen > timeout && lastSeen.remove(id, seen)) {
              log.info("dropping silent session={} silentMs={}", id, (now - seen) / 1_000_000);
              sessions.drop(id, NO_PONG);
            } else {
              sessions.ping(id);
            }
          } catch (RuntimeException e) {
            // 한 연결의 실패가 다음 바퀴들을 멈추지 않게 합니다(예약 작업은 예외를 던지면 다시 돌지 않습니다).
            log.warn("heartbeat failed session={}", id, e);
          }
        });
  }

  @Override
  public void destroy() {
    scheduler.shutdown();
  }
}
