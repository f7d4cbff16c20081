package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** 데이터베이스가 없어도 앱은 켜지고, 입장은 연결을 끊지 않고 한국어 오류로 거절된다. 로그 한 줄은 {@link DatabaseStatusTests}가 봅니다. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DatabaseUnavailableTests {

  @LocalServerPort int port;

  /** 브로커는 있고, 데이터베이스 주소는 아무도 듣지 않는 포트입니다. */
  @DynamicPropertySource
  static void deadDatabase(DynamicPropertyRegistry registry) throws IOException {
    EmbeddedArtemis.register(registry);
    int deadPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      deadPort = socket.getLocalPort();
    }
    registry.add(
        "spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + deadPort + "/chat");
  }

  @Test
  @DisplayName("데이터베이스가 없으면 입장은 STORE_UNAVAILABLE로 거절되고 연결은 남는다")
  void joinIsRefusedWithAKoreanError() throws Exception {
    // given: 앱은 켜졌지만 데이터베이스가 없다
    try (StompTestClient minsu = StompTestClient.connect(port, "민수")) {
      // when: 방에 들어간다
      StompTestClient.Room room = minsu.join("lobby");

      // then: 민수의 오류 큐로 한국어 오류가 오고, 연결을 끊는 ERROR 프레임은 없다
      ChatError error = room.errors().poll(StompTestClient.WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(error).isNotNull();
      assertThat(error.code()).isEqualTo("STORE_UNAVAILABLE");
      assertThat(error.content()).contains("잠시 후 다시 시도해 주세요");
      assertThat(minsu.errorFrames).isEmpty();
    }
  }
}
