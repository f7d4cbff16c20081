package com.example.chat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * 폴링 장의 시간 값들({@code application.yml}의 {@code chat.polling.*}).
 *
 * <p>긴 폴링이 요청을 붙잡는 시간, 말없이 사라진 사람을 내보내기까지 기다리는 시간, 그것을 검사하는 주기를 한곳에 둡니다. 테스트는 이 값을 아주 작게 바꿔 몇 초 안에
 * 퇴장 처리를 확인합니다.
 *
 * <p>붙잡는 시간은 퇴장 시간보다 짧아야 합니다. 긴 폴링 하나가 끝나기도 전에 "말없이 사라졌다"고 내보내면 안 되기 때문입니다. 실제 서비스라면 프록시와 로드밸런서의 유휴
 * 연결 제한(흔히 30~60초)도 함께 맞춰야 하지만, 이 예제에서는 서버 하나만 봅니다.
 */
@ConfigurationProperties("chat.polling")
record PollingProperties(
    @DefaultValue("25s") Duration longPollHold,
    @DefaultValue("30s") Duration presenceTimeout,
    @DefaultValue("5s") Duration sweepInterval,
    @DefaultValue("15s") Duration sseKeepAlive) {

  PollingProperties {
    if (longPollHold.compareTo(presenceTimeout) >= 0) {
      throw new IllegalArgumentException(
          "chat.polling.long-poll-hold(%s)는 presence-timeout(%s)보다 짧아야 합니다."
              .formatted(longPollHold, presenceTimeout));
    }
    if (sseKeepAlive.compareTo(presenceTimeout) >= 0) {
      throw new IllegalArgumentException(
          "chat.polling.sse-keep-alive(%s)는 presence-timeout(%s)보다 짧아야 합니다."
              .formatted(sseKeepAlive, presenceTimeout));
    }
    if (sweepInterval.isZero() || sweepInterval.isNegative()) {
      throw new IllegalArgumentException("chat.polling.sweep-interval은 0보다 커야 합니다.");
    }
  }
}
