package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.env.MockEnvironment;

@ExtendWith(OutputCaptureExtension.class)
class DatabaseStatusTests {

  private final DatabaseStatus status =
      new DatabaseStatus(
          new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/chat"));

  @Test
  @DisplayName("데이터베이스에 못 닿으면 주소와 확인할 것을 한 줄로 알리고, 끊긴 동안은 되풀이하지 않는다")
  void logsOneClearLinePerOutage(CapturedOutput output) {
    // when: 연결을 얻지 못하는 일이 두 번 일어난다
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> status.attempt(this::noConnection))
          .isInstanceOf(ChatException.class)
          .hasMessageContaining("데이터베이스에 연결할 수 없어");
    }

    // then: 로그는 한 줄이고, 주소와 켜는 명령과 설정 이름이 들어 있다
    assertThat(output.getOut().split("데이터베이스에 연결할 수 없습니다", -1)).hasSize(2);
    assertThat(output.getOut())
        .contains("jdbc:postgresql://db/chat")
        .contains("start-servers.sh")
        .contains("spring.datasource.*");
  }

  @Test
  @DisplayName("끊긴 줄 아는 동안 보통 요청은 데이터베이스를 기다리지 않고 바로 거절되고, 확인이 성공하면 다시 통과한다")
  void failsFastWhileDownAndRecovers(CapturedOutput output) {
    // given: 한 번 끊겼다
    assertThatThrownBy(() -> status.attempt(this::noConnection)).isInstanceOf(ChatException.class);
    AtomicInteger calls = new AtomicInteger();

    // when: 보통 요청(call)을 한다
    assertThatThrownBy(() -> status.call(calls::incrementAndGet)).isInstanceOf(ChatException.class);

    // then: 데이터베이스에 가 보지도 않았다
    assertThat(calls).hasValue(0);

    // when: 확인(attempt)이 성공한다
    status.attempt(calls::incrementAndGet);

    // then: 다시 연결했다고 알리고, 보통 요청이 통과한다
    assertThat(output.getOut()).contains("데이터베이스에 다시 연결했습니다");
    assertThat(status.call(calls::incrementAndGet)).isEqualTo(2);
  }

  private Integer noConnection() {
    throw new CannotGetJdbcConnectionException("Connection refused");
  }
}
