package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHandlingRunnable;

/** {@link BoundedOutbound}: 연결마다 순서대로, 자리가 없으면 넘기는 쪽이 기다리고, 아무것도 버리지 않습니다. */
class BoundedOutboundTests {

  @Test
  @DisplayName("두 연결에 번갈아 넘긴 메시지가 연결마다 넘긴 순서대로 나간다")
  void keepsOrderPerSession() throws Exception {
    BoundedOutbound outbound = new BoundedOutbound(100, Duration.ofSeconds(10));
    BlockingQueue<String> sent = new LinkedBlockingQueue<>();
    try {
      // when: 연결 a와 b에 번갈아 500개씩 넘긴다(보내기마다 조금씩 다른 시간이 걸린다)
      for (int i = 0; i < 500; i++) {
        for (String session : List.of("a", "b")) {
          outbound.execute(task(session, i, message -> sent.add(message), null));
        }
      }

      // then: 연결마다 0, 1, 2 … 순서 그대로 나갔다
      List<String> all = new ArrayList<>();
      while (all.size() < 1000) {
        String next = sent.poll(5, TimeUnit.SECONDS);
        assertThat(next).as("%d번째로 나간 메시지", all.size() + 1).isNotNull();
        all.add(next);
      }
      for (String session : List.of("a", "b")) {
        assertThat(all.stream().filter(m -> m.startsWith(session + ":")).toList())
            .containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 500).mapToObj(i -> session + ":" + i).toList());
      }
    } finally {
      outbound.destroy();
    }
  }

  @Test
  @DisplayName("자리가 다 차면 넘기는 스레드가 기다렸다가, 자리가 나면 넘기고 아무것도 버리지 않는다")
  void waitsForPlaceAndDropsNothing() throws Exception {
    BoundedOutbound outbound = new BoundedOutbound(2, Duration.ofSeconds(30));
    CountDownLatch release = new CountDownLatch(1);
    BlockingQueue<String> sent = new LinkedBlockingQueue<>();
    try {
      // given: 두 자리를 보내기가 막힌 두 연결이 차지했다
      outbound.execute(task("a", 0, sent::add, release));
      outbound.execute(task("b", 0, sent::add, release));

      // when: 다른 스레드가 세 번째를 넘긴다
      Thread producer = new Thread(() -> outbound.execute(task("c", 0, sent::add, null)));
      producer.start();

      // then: 넘기는 스레드는 자리를 기다리고, 세 번째는 아직 나가지 않았다
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> producer.getState() == Thread.State.TIMED_WAITING);
      assertThat(sent).isEmpty();

      // then: 막힌 보내기가 풀리면 셋 다 나간다
      release.countDown();
      List<String> all = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        all.add(sent.poll(5, TimeUnit.SECONDS));
      }
      assertThat(all).containsExactlyInAnyOrder("a:0", "b:0", "c:0");
      producer.join(5000);
      assertThat(producer.isAlive()).isFalse();
    } finally {
      outbound.destroy();
    }
  }

  /** 연결 {@code session}에 보낼 {@code n}번째 메시지. {@code gate}가 있으면 풀릴 때까지 보내기가 막힙니다. */
  private static MessageHandlingRunnable task(
      String session, int n, java.util.function.Consumer<String> sink, CountDownLatch gate) {
    SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
    headers.setSessionId(session);
    Message<String> message =
        MessageBuilder.createMessage(session + ":" + n, headers.getMessageHeaders());
    MessageHandler handler =
        m -> {
          if (gate != null) {
            try {
              gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          sink.accept((String) m.getPayload());
        };
    return new MessageHandlingRunnable() {
      @Override
      public Message<?> getMessage() {
        return message;
      }

      @Override
      public MessageHandler getMessageHandler() {
        return handler;
      }

      @Override
      public void run() {
        handler.handleMessage(message);
      }
    };
  }
}
