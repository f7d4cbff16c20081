package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** 로그인 잠금의 시간 규칙과 서명 키 검사. 시계를 손으로 움직여 기다리지 않고 봅니다. */
class LoginAttemptsTests {

  private static final Instant START = Instant.parse("2026-12-01T09:00:00Z");
  private final SecurityProperties properties =
      new SecurityProperties(List.of(), null, Duration.ofMinutes(15), 3, Duration.ofMinutes(5));

  @Test
  @DisplayName("세 번 틀리면 5분 동안 잠기고, 5분이 지나면 풀린다")
  void lockExpires() {
    // given
    MovableClock clock = new MovableClock();
    LoginAttempts attempts = new LoginAttempts(properties, clock);
    String key = LoginAttempts.key("10.0.0.7", "jiyoung");

    // when: 세 번 틀린다
    for (int i = 0; i < 3; i++) {
      attempts.onFailure(failure("10.0.0.7", "jiyoung"));
    }

    // then: 5분 뒤까지 잠기고, 그 뒤에는 풀린다
    assertThat(attempts.lockedUntil(key)).isEqualTo(START.plus(Duration.ofMinutes(5)));
    clock.now = START.plus(Duration.ofMinutes(5)).plusSeconds(1);
    assertThat(attempts.lockedUntil(key)).isNull();
  }

  @Test
  @DisplayName("띄엄띄엄 틀리면(잠금 시간보다 길게 쉬면) 처음부터 다시 센다")
  void slowFailuresDoNotAddUp() {
    MovableClock clock = new MovableClock();
    LoginAttempts attempts = new LoginAttempts(properties, clock);

    // when: 두 번 틀리고, 10분 쉬고, 두 번 더 틀린다
    attempts.onFailure(failure("10.0.0.7", "minsu"));
    attempts.onFailure(failure("10.0.0.7", "minsu"));
    clock.now = START.plus(Duration.ofMinutes(10));
    attempts.onFailure(failure("10.0.0.7", "minsu"));
    attempts.onFailure(failure("10.0.0.7", "minsu"));

    // then: 잠기지 않는다(마지막 두 번만 셉니다)
    assertThat(attempts.lockedUntil(LoginAttempts.key("10.0.0.7", "minsu"))).isNull();
  }

  @Test
  @DisplayName("서명 키가 32바이트보다 짧으면 서버가 한국어 이유와 함께 시작하지 않는다")
  void shortJwtSecretStopsStartup() {
    SecurityProperties weak =
        new SecurityProperties(
            List.of(), "c2hvcnQ=", Duration.ofMinutes(15), 5, Duration.ofMinutes(5));

    assertThatThrownBy(() -> new ChatTokens(weak))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("32바이트 이상");
  }

  private static AuthenticationFailureBadCredentialsEvent failure(String address, String username) {
    UsernamePasswordAuthenticationToken attempt =
        UsernamePasswordAuthenticationToken.unauthenticated(username, "wrong");
    attempt.setDetails(new WebAuthenticationDetails(address, null));
    return new AuthenticationFailureBadCredentialsEvent(attempt, new BadCredentialsException("틀림"));
  }

  /** 테스트가 움직이는 시계. */
  private static final class MovableClock extends Clock {
    Instant now = START;

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
