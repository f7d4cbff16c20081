package com.example.chat;

import static com.example.chat.ChatStompTests.awaitMessage;
import static com.example.chat.TwoInstanceScenarios.enter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.chat.StompTestClient.Room;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 사람들이 대화하는 중에 PostgreSQL을 끄고 다시 켭니다. 그동안 보내기는 그 사람에게 한국어 오류로 거절되고, 돌아오면 앱을 다시 켜지 않아도 번호의 빈틈 없이
 * 이어집니다. 기본은 내장 PostgreSQL을, {@code -Pservers}에서는 Debian PostgreSQL을 {@code pg_ctlcluster}로 끄고 켭니다.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "chat.database.renew-interval=200ms")
class DatabaseOutageTests {

  @LocalServerPort int port;
  @Autowired DatabaseStatus status;

  @DynamicPropertySource
  static void broker(DynamicPropertyRegistry registry) {
    EmbeddedArtemis.register(registry);
  }

  @Test
  @DisplayName("데이터베이스가 꺼진 동안 보낸 글은 STORE_UNAVAILABLE로 돌아오고, 돌아오면 번호가 이어진다")
  void sendsAreRefusedWhileTheDatabaseIsDownAndResumeAfter() throws Exception {
    // given: 민수와 지영이 한 방에 있고, 민수의 첫 글이 지영에게 갔다
    try (StompTestClient minsu = StompTestClient.connect(port, "민수");
        StompTestClient jiyoung = StompTestClient.connect(port, "지영")) {
      String room = TwoInstanceScenarios.freshRoom("outage");
      Room minsuRoom = enter(minsu, room, "민수");
      Room jiyoungRoom = enter(jiyoung, room, "민수", "지영");
      minsu.send("/app/rooms." + room + ".send", Map.of("content", "하나"));
      ChatMessage first = awaitMessage(jiyoungRoom.messages(), m -> "하나".equals(m.content()));

      try {
        // when: 데이터베이스를 끄고 민수가 보낸다
        TestDatabase.stop();
        minsu.send("/app/rooms." + room + ".send", Map.of("content", "둘"));

        // then: 민수에게만 한국어 오류가 오고, 연결은 그대로다
        ChatError error = minsuRoom.errors().poll(10, TimeUnit.SECONDS);
        assertThat(error).isNotNull();
        assertThat(error.code()).isEqualTo("STORE_UNAVAILABLE");
        assertThat(error.content()).contains("데이터베이스에 연결할 수 없어");
        assertThat(jiyoungRoom.errors()).isEmpty();
        assertThat(minsu.errorFrames).isEmpty();
      } finally {
        // when: 데이터베이스를 다시 켠다(앱은 그대로)
        TestDatabase.start();
      }
      await().atMost(Duration.ofSeconds(30)).until(status::available);
      minsu.send("/app/rooms." + room + ".send", Map.of("content", "셋"));

      // then: 다음 글이 지영에게 가고, 번호는 빈틈없이 바로 다음이다(거절된 "둘"은 번호도 기록도 남기지 않았다)
      ChatMessage third = awaitMessage(jiyoungRoom.messages(), m -> "셋".equals(m.content()));
      assertThat(third.id()).isEqualTo(first.id() + 1);
      assertThat(jiyoungRoom.messages()).noneMatch(m -> "둘".equals(m.content()));
      assertThat(minsuRoom.errors()).isEmpty();
    }
  }
}
