package com.example.chat;

import static com.example.chat.ChatStompTests.awaitMessage;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.chat.StompTestClient.Room;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.simp.broker.BrokerAvailabilityEvent;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 진짜 RabbitMQ를 잠깐 멈췄다가 다시 켭니다({@code rabbitmqctl stop_app}/{@code start_app}). 앱을 다시 켜지 않고도 릴레이가
 * 스스로 다시 붙고, 페이지처럼 다시 연결한 사람이 기록으로 따라잡는지 확인합니다.
 */
@Tag("rabbitmq")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrokerRecoveryTests {

  @LocalServerPort int port;
  @Autowired ConfigurableApplicationContext context;
  final BlockingQueue<Boolean> availability = new LinkedBlockingQueue<>();

  @BeforeAll
  static void requireRabbitMq() {
    RabbitMq.requireRunning();
  }

  @DynamicPropertySource
  static void broker(DynamicPropertyRegistry registry) {
    RabbitMq.register(registry);
  }

  @BeforeEach
  void recordBrokerAvailability() {
    context.addApplicationListener(
        event -> {
          if (event instanceof BrokerAvailabilityEvent broker) {
            availability.add(broker.isBrokerAvailable());
          }
        });
    TwoInstanceScenarios.awaitBroker(context);
  }

  @Test
  @DisplayName("RabbitMQ가 멈추면 오류로 알리고, 돌아오면 앱을 다시 켜지 않고 이어서 대화한다")
  void recoversFromABrokerOutage() throws Exception {
    // given: 민수가 방에서 글을 하나 남겼다
    StompTestClient minsu = StompTestClient.connect(port, "민수");
    Room before = TwoInstanceScenarios.enter(minsu, "outage", "민수");
    minsu.send("/app/rooms.outage.send", Map.of("content", "멈추기 전"));
    awaitMessage(before.messages(), m -> "멈추기 전".equals(m.content()));

    try {
      // when: RabbitMQ가 멈춘다
      RabbitMq.ctl("stop_app");

      // then: 릴레이가 "브로커 없음"을 알리고, 민수는 한국어 ERROR를 받고 끊긴다
      awaitAvailability(false);
      StompTestClient.ErrorFrame dropped =
          minsu.errorFrames.poll(StompTestClient.WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(dropped).isNotNull();
      assertThat(dropped.body().code()).isEqualTo("BROKER_UNAVAILABLE");

      // then: 멈춘 동안 새로 붙으려는 사람도 기다리지 않고 같은 오류를 받는다
      StompHeaders headers = new StompHeaders();
      headers.add("nickname", "지영");
      try (StompTestClient jiyoung = StompTestClient.attempt(port, headers)) {
        StompTestClient.ErrorFrame refused =
            jiyoung.errorFrames.poll(StompTestClient.WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(refused).isNotNull();
        assertThat(refused.body().code()).isEqualTo("BROKER_UNAVAILABLE");
      }
    } finally {
      // 무슨 일이 있어도 다른 테스트와 다른 사람을 위해 RabbitMQ를 되살립니다.
      RabbitMq.ctl("start_app");
      minsu.close();
    }

    // then: 릴레이가 스스로 다시 붙는다(앱은 그대로)
    awaitAvailability(true);

    // when: 민수가 페이지처럼 다시 연결해 같은 방에 들어가 기록을 받는다
    try (StompTestClient again = StompTestClient.connect(port, "민수")) {
      Room after = again.join("outage");

      // then: 멈추기 전의 글을 기록으로 따라잡고, 새 글도 오간다
      ChatMessage[] history = after.history().poll(StompTestClient.WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(history).extracting(ChatMessage::content).contains("멈추기 전");
      again.send("/app/rooms.outage.send", Map.of("content", "돌아온 뒤"));
      awaitMessage(after.messages(), m -> "돌아온 뒤".equals(m.content()));
    }
  }

  /** 릴레이가 낸 {@link BrokerAvailabilityEvent} 가운데 {@code expected}가 올 때까지 기다립니다(그 전의 다른 값은 건너뜁니다). */
  private void awaitAvailability(boolean expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      Boolean available = availability.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (available != null && available == expected) {
        return;
      }
    }
    throw new AssertionError("BrokerAvailabilityEvent(" + expected + ")가 30초 안에 오지 않았습니다");
  }
}
