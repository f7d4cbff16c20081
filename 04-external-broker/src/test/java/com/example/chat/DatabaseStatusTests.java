package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;
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

  @Test
  @DisplayName("연결 풀이 바빠 연결을 못 받은 요청은 그 요청만 거절되고, 끊긴 것으로 치지 않는다")
  void busyPoolIsNotAnOutage(CapturedOutput output) {
    // when: 연결 시도가 실패한 적 없이 풀에서 기다리다 시간이 다 된다(Hikari가 이때 원인 없이 던지는 예외)
    assertThatThrownBy(() -> status.call(this::poolBusy))
        .isInstanceOf(ChatException.class)
        .hasMessageContaining("데이터베이스에 연결할 수 없어");

    // then: 끊겼다는 로그가 없고, 다음 요청은 그대로 데이터베이스에 간다
    assertThat(output.getOut()).doesNotContain("데이터베이스에 연결할 수 없습니다");
    assertThat(status.available()).isTrue();
    assertThat(status.call(() -> 1)).isEqualTo(1);
  }

  private Integer poolBusy() {
    throw new CannotGetJdbcConnectionException(
        "Failed to obtain JDBC Connection",
        new SQLTransientConnectionException(
            "HikariPool-1 - Connection is not available, request timed out after 3000ms"));
  }

  private Integer noConnection() {
    throw new CannotGetJdbcConnectionException(
        "Failed to obtain JDBC Connection",
        new SQLTransientConnectionException(
            "HikariPool-1 - Connection is not available, request timed out after 3000ms",
            new ConnectException("Connection refused")));
  }
}
