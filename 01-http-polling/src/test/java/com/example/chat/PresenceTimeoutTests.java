package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.chat.ChatHttp.Member;
import com.example.chat.ChatHttp.Reply;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 시간 값을 아주 작게 줄여, 폴링을 멈춘 사람이 내보내지는 과정과 긴 폴링의 시간 초과를 몇 초 안에 확인합니다. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "chat.polling.long-poll-hold=300ms",
      "chat.polling.presence-timeout=1500ms",
      "chat.polling.sweep-interval=100ms",
      "chat.polling.sse-keep-alive=500ms"
    })
class PresenceTimeoutTests {

  @LocalServerPort int port;

  @Test
  @DisplayName("폴링을 멈춘 사람은 LEAVE와 함께 내보내지고, 계속 폴링하는 사람은 남는다")
  void dropsSilentMemberOnly() {
    // given: 민수와 지영이 입장했다
    ChatHttp http = new ChatHttp(port);
    Member minsu = http.join("quiet-room", "민수");
    Member jiyoung = http.join("quiet-room", "지영");

    // when: 지영만 토큰을 실어 계속 폴링하고, 민수는 아무 요청도 하지 않는다
    await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              assertThat(http.poll("quiet-room", 0, jiyoung.token()).status()).isEqualTo(200);
              return http.members("quiet-room").size() == 1;
            });

    // then: 남은 사람은 지영, 기록에는 민수의 LEAVE, 민수의 토큰은 더는 통하지 않는다
    assertThat(http.members("quiet-room")).containsExactly("지영");
    Reply history = http.poll("quiet-room", 0, jiyoung.token());
    assertThat(history.body().get(2).get("type").asString()).isEqualTo("LEAVE");
    assertThat(history.body().get(2).get("sender").asString()).isEqualTo("민수");
    Reply late = http.say(minsu, "저 아직 있어요");
    assertThat(late.status()).isEqualTo(401);
    assertThat(late.code()).isEqualTo("UNKNOWN_MEMBER");
  }

  @Test
  @DisplayName("긴 폴링만 되풀이하는 사람은 퇴장 시간이 여러 번 지나도 방에 남는다")
  void longPollingKeepsMemberPresent() {
    // given
    ChatHttp http = new ChatHttp(port);
    Member jiyoung = http.join("held-room", "지영");
    long after = http.poll("held-room", 0, jiyoung.token()).ids().get(0);

    // when / then: 4초 동안(퇴장 시간 1.5초의 두 배 이상) 긴 폴링만 한다
    await()
        .during(Duration.ofSeconds(4))
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              Reply reply = http.longPoll("held-room", after, jiyoung.token());
              return reply.status() == 200 && http.members("held-room").contains("지영");
            });
  }

  @Test
  @DisplayName("새 메시지가 없으면 긴 폴링은 붙잡는 시간이 지난 뒤 빈 배열로 답한다")
  void longPollTimesOutWithEmptyArray() {
    // given
    ChatHttp http = new ChatHttp(port);
    Member jiyoung = http.join("idle-room", "지영");

    // when: 마지막 메시지(내 JOIN) 다음 것을 기다린다
    Reply reply = http.longPoll("idle-room", 1, jiyoung.token());

    // then
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().isArray()).isTrue();
    assertThat(reply.body()).isEmpty();
  }
}
