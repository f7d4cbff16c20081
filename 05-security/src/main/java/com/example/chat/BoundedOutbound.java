package com.example.chat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.TaskExecutor;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHandlingRunnable;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * 클라이언트에게 나갈 메시지({@code clientOutboundChannel})를 연결마다 넘겨받은 순서대로 내보내고, 기다리는 메시지 수에 끝을 둡니다.
 *
 * <p>왜 손으로 짰나: 스프링의 기본 풀은 순서를 지키지 않고 큐에 끝도 없어, 끝 있는 풀({@code CallerRunsPolicy})로 바꿔 메모리를 지켜 왔습니다.
 * 순서를 지키는 {@code setPreservePublishOrder(true)}를 켜자 연결마다의 줄에는 끝이 없어, 실험실 {@code --capacity}에서
 * 1,000명 방에 초당 100개를 보내자 {@code -Xmx256m}인 3장 서버가 {@code OutOfMemoryError}로 죽었습니다. 그래서 스프링과 같은
 * 방법(다음 메시지를 "보내기 버퍼에 들어간 순간" 풀어 주는 {@code simpNextMessageTask} 머리글)으로 연결마다 하나씩 풀고, 풀 전체에 {@code
 * capacity}개까지만 기다리게 합니다. 자리가 없으면 넘기던 스레드(3장은 SEND를 처리하던 스레드, 4장은 브로커에서 받은 스레드)가 기다리므로 받는 속도가 보내는
 * 속도로 늦춰지고, 아무것도 버리지 않습니다. 느린 클라이언트의 메시지는 그 연결의 보내기 버퍼로 옮겨 가 버퍼 한도에 걸려 끊깁니다. 실제 서비스라면 기다린 시간을 지표로
 * 남기겠지만, 이 예제에서는 순서와 한도만 지킵니다.
 */
final class BoundedOutbound implements TaskExecutor, DisposableBean {

  private static final String NEXT_MESSAGE_TASK = "simpNextMessageTask";

  private final ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
  private final OutboundPlaces places;
  private final SessionLanes<Release> lanes = new SessionLanes<>();

  /** 스레드 수는 스프링 기본값(코어 수 × 2)과 같게 둡니다. {@code patience}는 자리를 기다리는 가장 긴 시간입니다. */
  BoundedOutbound(int capacity, Duration patience) {
    int threads = Runtime.getRuntime().availableProcessors() * 2;
    pool.setCorePoolSize(threads);
    pool.setMaxPoolSize(threads);
    pool.setThreadNamePrefix("clientOutboundChannel-");
    pool.setDaemon(true);
    pool.initialize();
    places = new OutboundPlaces(capacity, patience, pool.getThreadNamePrefix());
  }

  int capacity() {
    return places.capacity();
  }

  @Override
  public void execute(Runnable task) {
    String session =
        task instanceof MessageHandlingRunnable handling
            ? SimpMessageHeaderAccessor.getSessionId(handling.getMessage().getHeaders())
            : null;
    if (session == null) {
      pool.execute(task);
      return;
    }
    Release entry = new Release(session, (MessageHandlingRunnable) task, places.take());
    if (lanes.add(session, entry)) {
      start(entry);
    }
  }

  /**
   * 머리글에 "다음 것 풀기"를 단 사본을 보냅니다. 보내기 버퍼에 들어가면 StompSubProtocolHandler가 부르고, 넣지 못했어도(닫힌 연결 등) 끝나면
   * 부릅니다. 원본은 채널을 지나며 잠겼으므로({@code ImmutableMessageChannelInterceptor}) 사본에 답니다.
   */
  private void start(Release entry) {
    MessageHandlingRunnable handling = entry.task;
    Message<?> message = handling.getMessage();
    MessageHeaderAccessor headers = MessageHeaderAccessor.getMutableAccessor(message);
    headers.setHeader(NEXT_MESSAGE_TASK, entry);
    Message<?> copy =
        MessageBuilder.createMessage(message.getPayload(), headers.getMessageHeaders());
    pool.execute(
        () -> {
          try {
            handling.getMessageHandler().handleMessage(copy);
          } finally {
            entry.run();
          }
        });
  }

  @Override
  public void destroy() {
    pool.shutdown();
  }

  /** 메시지 하나의 자리. {@link #run}은 몇 번 불려도 한 번만 자리를 돌려주고 다음 메시지를 시작합니다. */
  private final class Release implements Runnable {
    private final String session;
    private final MessageHandlingRunnable task;
    private final boolean tookPlace;
    private final AtomicBoolean done = new AtomicBoolean();

    private Release(String session, MessageHandlingRunnable task, boolean tookPlace) {
      this.session = session;
      this.task = task;
      this.tookPlace = tookPlace;
    }

    @Override
    public void run() {
      if (!done.compareAndSet(false, true)) {
        return;
      }
      if (tookPlace) {
        places.give();
      }
      Release next = lanes.finish(session, this);
      if (next != null) {
        start(next);
      }
    }
  }
}
