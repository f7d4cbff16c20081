package com.example.chat;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PollingPropertiesTests {

  @Test
  @DisplayName("긴 폴링이 붙잡는 시간이 퇴장 시간보다 길면 시작할 때 거절한다")
  void holdMustBeShorterThanPresenceTimeout() {
    // when / then
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new PollingProperties(
                    Duration.ofSeconds(30),
                    Duration.ofSeconds(30),
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(15)))
        .withMessageContaining("presence-timeout");
    assertThatNoException()
        .isThrownBy(
            () ->
                new PollingProperties(
                    Duration.ofSeconds(25),
                    Duration.ofSeconds(30),
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(15)));
  }

  @Test
  @DisplayName("검사 주기가 0이면 거절한다")
  void sweepIntervalMustBePositive() {
    // when / then
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new PollingProperties(
                    Duration.ofSeconds(25),
                    Duration.ofSeconds(30),
                    Duration.ZERO,
                    Duration.ofSeconds(15)));
  }
}
