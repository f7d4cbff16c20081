package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** 진짜 RabbitMQ에 틀린 비밀번호로 붙으면: 앱은 켜지고, 이유가 로그에 남고, 페이지는 브로커 오류를 받는다. */
@Tag("rabbitmq")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "chat.broker.system-login=wrong-user",
      "chat.broker.system-passcode=not-the-password"
    })
@ExtendWith(OutputCaptureExtension.class)
class WrongCredentialsTests {

  @LocalServerPort int port;

  @BeforeAll
  static void requireRabbitMq() {
    RabbitMq.requireRunning();
  }

  @DynamicPropertySource
  static void broker(DynamicPropertyRegistry registry) {
    RabbitMq.register(registry);
  }

  @Test
  @DisplayName("계정이 틀리면 RabbitMQ의 거절 이유와 확인할 것이 로그에 남고, CONNECT는 BROKER_UNAVAILABLE로 거절된다")
  void wrongPasscodeIsReportedNotHidden(CapturedOutput output) throws Exception {
    // given: 없는 system 계정으로 앱이 켜졌다(이 테스트만 쓰는 이름이라 로그에서 이 앱의 줄을 가려낼 수 있습니다)
    // then: RabbitMQ가 거절한 이유와 우리 안내 한 줄이 로그에 있다
    await()
        .atMost(BrokerStatus.FIRST_CHECK.plus(Duration.ofSeconds(10)))
        .untilAsserted(
            () ->
                assertThat(output.getOut())
                    .contains("Access refused for user 'wrong-user'")
                    .contains("브로커에 연결하지 못했습니다: 127.0.0.1:61613")
                    .contains("system 계정 wrong-user"));

    // when: 페이지처럼 CONNECT를 보낸다
    StompHeaders headers = new StompHeaders();
    headers.add("nickname", "민수");
    try (StompTestClient minsu = StompTestClient.attempt(port, headers)) {
      // then: 한국어 BROKER_UNAVAILABLE ERROR를 받는다
      StompTestClient.ErrorFrame error =
          minsu.errorFrames.poll(StompTestClient.WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(error).isNotNull();
      assertThat(error.body().code()).isEqualTo("BROKER_UNAVAILABLE");
    }
  }
}
