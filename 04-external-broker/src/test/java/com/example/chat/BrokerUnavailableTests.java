package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** 브로커가 없어도 앱은 켜지고, 브로커가 필요한 요청은 조용히 버려지지 않고 한국어 오류로 거절된다. JDK만 있으면 돕니다. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class BrokerUnavailableTests {

  @LocalServerPort int port;

  private static int deadPort;

  /** 아무도 듣지 않는 포트를 브로커 주소로 줍니다. */
  @DynamicPropertySource
  static void deadBroker(DynamicPropertyRegistry registry) throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      deadPort = socket.getLocalPort();
    }
    registry.add("chat.broker.port", () -> deadPort);
  }

  @Test
  @DisplayName("브로커에 못 붙으면 CONNECT는 BROKER_UNAVAILABLE ERROR로 바로 거절된다")
  void connectIsRefusedWhileTheBrokerIsDown() throws Exception {
    // given: 앱은 켜졌지만 브로커에 붙지 못했다
    StompHeaders headers = new StompHeaders();
    headers.add("nickname", "민수");

    // when: 페이지처럼 CONNECT를 보낸다
    try (StompTestClient minsu = StompTestClient.attempt(port, headers)) {

      // then: 기다리게 두지 않고 한국어 ERROR로 답한다(페이지는 이것으로 "브로커 연결 끊김"을 띄웁니다)
      StompTestClient.ErrorFrame error =
          minsu.errorFrames.poll(StompTestClient.WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(error).isNotNull();
      assertThat(error.body().code()).isEqualTo("BROKER_UNAVAILABLE");
      assertThat(error.message()).contains("메시지 브로커와 연결이 끊겨");
    }
  }

  @Test
  @DisplayName("브로커에 못 붙으면 무엇을 확인할지 로그 한 줄로 알린다")
  void logsOneClearLine(CapturedOutput output) {
    // given/when: 브로커 없이 켜진 지 조금 지났다
    // then: 주소와 확인할 것을 담은 경고가 한 줄 있다
    await()
        .atMost(BrokerStatus.FIRST_CHECK.plus(Duration.ofSeconds(10)))
        .untilAsserted(
            () ->
                assertThat(output.getOut())
                    .contains("브로커에 연결하지 못했습니다: 127.0.0.1:" + deadPort + " ")
                    .contains("chat.broker.*"));
  }
}
