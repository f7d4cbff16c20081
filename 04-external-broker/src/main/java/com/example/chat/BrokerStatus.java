package com.example.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.broker.BrokerAvailabilityEvent;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * 브로커 연결 상태를 지켜보고, 끊긴 동안 들어오는 CONNECT·SEND·SUBSCRIBE를 한국어 ERROR 프레임({@code BROKER_UNAVAILABLE})으로
 * 거절합니다.
 *
 * <p>릴레이도 영어 ERROR("Broker not available.")로 답하지만, {@code /app}으로 가는 SEND는 그와 따로 컨트롤러에도 닿아 데이터베이스에
 * 저장된 뒤 방송만 실패합니다. 그래서 컨트롤러보다 먼저 거절해 "거절됐는데 기록에는 남은" 글이 없게 합니다. 브로커가 돌아오면 릴레이가 system 연결을 스스로 다시
 * 맺고({@link BrokerAvailabilityEvent}) 그때부터 다시 통과합니다. 실제 서비스라면 상태를 모니터링 시스템에도 알리겠지만, 이 예제에서는 로그 한 줄로
 * 알립니다.
 */
@Component
class BrokerStatus implements ChannelInterceptor {

  private static final Logger log = LoggerFactory.getLogger(BrokerStatus.class);
  static final Duration FIRST_CHECK = Duration.ofSeconds(10);
  private static final Set<StompCommand> NEEDS_BROKER =
      Set.of(StompCommand.CONNECT, StompCommand.STOMP, StompCommand.SEND, StompCommand.SUBSCRIBE);

  private final BrokerProperties broker;
  private final StompErrors errors;
  private final MessageChannel clientOutboundChannel;
  private final TaskScheduler scheduler;
  private volatile boolean available;
  private volatile boolean closing;

  BrokerStatus(
      BrokerProperties broker,
      StompErrors errors,
      @Lazy @Qualifier("clientOutboundChannel") MessageChannel clientOutboundChannel,
      @Lazy @Qualifier("messageBrokerTaskScheduler") TaskScheduler scheduler) {
    this.broker = broker;
    this.errors = errors;
    this.clientOutboundChannel = clientOutboundChannel;
    this.scheduler = scheduler;
  }

  @EventListener
  void onBrokerAvailability(BrokerAvailabilityEvent event) {
    available = event.isBrokerAvailable();
    if (available) {
      log.info(
          "브로커에 연결했습니다: {}:{} (가상 호스트 {})", broker.host(), broker.port(), broker.virtualHost());
    } else if (!closing) {
      warnUnavailable("브로커 연결이 끊겼습니다");
    }
  }

  /** 앱을 끌 때 릴레이가 스스로 연결을 닫는 것은 장애가 아니므로 알리지 않습니다. */
  @EventListener(ContextClosedEvent.class)
  void onClosing() {
    closing = true;
  }

  /** 처음부터 연결하지 못하면 릴레이는 이벤트를 내지 않으므로, 켜지고 10초 뒤에 한 번 알립니다. */
  @EventListener(ApplicationReadyEvent.class)
  void checkLater() {
    scheduler.schedule(
        () -> {
          if (!available) {
            warnUnavailable("브로커에 연결하지 못했습니다");
          }
        },
        Instant.now().plus(FIRST_CHECK));
  }

  @Override
  public Message<?> preSend(Message<?> message, MessageChannel channel) {
    StompHeaderAccessor stomp =
        MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
    if (available || stomp == null || !NEEDS_BROKER.contains(stomp.getCommand())) {
      return message;
    }
    ChatException error = new ChatException(ChatError.Code.BROKER_UNAVAILABLE);
    clientOutboundChannel.send(errors.frame(stomp.getSessionId(), error));
    return null;
  }

  private void warnUnavailable(String what) {
    log.warn(
        "{}: {}:{} (가상 호스트 {}, system 계정 {}). 브로커가 켜져 있는지(bash 04-external-broker/start-servers.sh),"
            + " chat.broker.* 주소와 계정이 맞는지 확인하세요. 릴레이가 몇 초마다 다시 시도합니다.",
        what,
        broker.host(),
        broker.port(),
        broker.virtualHost(),
        broker.systemLogin());
  }
}
