package com.example.chat;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * 비밀번호를 연달아 틀린 횟수를 "클라이언트 주소 + 아이디"마다 세고, 너무 많이 틀리면 잠시 잠급니다(무차별 대입 막기).
 *
 * <p>실패와 성공은 스프링 시큐리티가 내는 인증 이벤트로 셉니다. 그래서 폼 로그인과 HTTP Basic({@code POST /api/token})이 같은 셈을 씁니다.
 * 잠긴 동안에는 {@link LoginLockFilter}가 비밀번호를 맞춰 보지도 않고 돌려보냅니다. 주소만으로 잠그면 같은 공유기 뒤의 교실 전체가 잠기고, 아이디만으로
 * 잠그면 남이 일부러 틀려 내 계정을 잠글 수 있어서 둘을 묶었습니다. 실제 서비스라면 이 셈을 여러 서버가 함께 보는 저장소(Redis 등)에 두고, 여러 아이디를 돌려 가며
 * 시도하는 주소도 막겠지만, 이 예제에서는 한 서버의 메모리에 둡니다.
 */
@Component
class LoginAttempts {

  /** 이만큼 쌓이면 오래된 실패 기록을 지웁니다. */
  private static final int TRACKED = 10_000;

  private final SecurityProperties properties;
  private final Clock clock;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  @Autowired
  LoginAttempts(SecurityProperties properties) {
    this(properties, Clock.systemUTC());
  }

  LoginAttempts(SecurityProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  static String key(String remoteAddress, String username) {
    return remoteAddress + "|" + username;
  }

  /** 잠겨 있으면 풀리는 시각, 아니면 {@code null}. */
  Instant lockedUntil(String key) {
    Failures seen = failures.get(key);
    if (seen == null || seen.lockedUntil() == null) {
      return null;
    }
    if (clock.instant().isBefore(seen.lockedUntil())) {
      return seen.lockedUntil();
    }
    failures.remove(key, seen);
    return null;
  }

  @EventListener
  void onFailure(AbstractAuthenticationFailureEvent event) {
    String key = key(event.getAuthentication());
    if (key == null) {
      return;
    }
    Instant now = clock.instant();
    if (failures.size() >= TRACKED) {
      // 아이디를 바꿔 가며 틀려 기록으로 메모리를 채우지 못하게, 잠금 시간보다 오래된 기록을 지웁니다.
      failures.values().removeIf(seen -> seen.last().plus(properties.loginLock()).isBefore(now));
    }
    failures.compute(
        key,
        (k, seen) -> {
          // 마지막 실패에서 잠금 시간만큼 지났으면 처음부터 다시 셉니다.
          boolean fresh = seen == null || seen.last().plus(properties.loginLock()).isBefore(now);
          int count = fresh ? 1 : seen.count() + 1;
          Instant lock =
              count >= properties.maxFailedLogins() ? now.plus(properties.loginLock()) : null;
          return new Failures(count, now, lock);
        });
  }

  @EventListener
  void onSuccess(AuthenticationSuccessEvent event) {
    String key = key(event.getAuthentication());
    if (key != null) {
      failures.remove(key);
    }
  }

  private static String key(Authentication authentication) {
    if (authentication.getDetails() instanceof WebAuthenticationDetails details) {
      return key(details.getRemoteAddress(), authentication.getName());
    }
    return null;
  }

  private record Failures(int count, Instant last, Instant lockedUntil) {}
}
