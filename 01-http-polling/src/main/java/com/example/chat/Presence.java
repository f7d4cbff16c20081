package com.example.chat;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * 멤버 토큰과 "마지막으로 본 시각"을 기억하고, 말없이 사라진 사람을 내보냅니다.
 *
 * <p>HTTP에는 "연결이 끊겼다"는 신호가 없습니다. 탭을 닫은 사람도, 노트북을 덮은 사람도 서버에는 그냥 "요청이 더는 오지 않는" 사람입니다. 그래서 폴링 요청에 실려
 * 오는 {@code X-Member-Token}으로 시각을 갱신하고, {@code presence-timeout} 동안 소식이 없으면 LEAVE를 남기며 내보냅니다(그
 * LEAVE가 긴 폴링도 깨웁니다). 검사 주기는 {@link PollingProperties#sweepInterval()}에서 오므로 {@code @Scheduled} 대신
 * {@link SchedulingConfigurer}로 등록합니다.
 *
 * <p>토큰은 추측할 수 없는 무작위 값({@link UUID#randomUUID()}, 내부는 SecureRandom)이라 남의 토큰을 짐작해 그 이름으로 말할 수 없습니다.
 * 실제 서비스라면 로그인 세션이나 서명된 토큰(JWT 등)을 쓰고 HTTPS로만 주고받겠지만, 이 예제에서는 메모리의 표 하나로 충분합니다.
 */
@Component
@EnableScheduling
final class Presence implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(Presence.class);

  private final ConcurrentMap<String, Seen> seen = new ConcurrentHashMap<>();
  private final LongPollWaiters waiters;
  private final PollingProperties properties;
  private final Clock clock;

  @Autowired
  Presence(LongPollWaiters waiters, PollingProperties properties) {
    this(waiters, properties, Clock.systemUTC());
  }

  Presence(LongPollWaiters waiters, PollingProperties properties, Clock clock) {
    this.waiters = waiters;
    this.properties = properties;
    this.clock = clock;
  }

  /** 입장시키고 새 토큰을 돌려줍니다. */
  String join(ChatRoom room, String nickname) {
    String token = UUID.randomUUID().toString();
    room.join(token, nickname);
    seen.put(token, new Seen(room, clock.instant()));
    waiters.wake(room);
    return token;
  }

  /** 이 방의 멤버 토큰이면 시각을 갱신하고, 없거나 모르는 토큰이면 {@code UNKNOWN_MEMBER}입니다. */
  ChatRoom touch(String token, ChatRoom room) {
    Seen updated =
        token == null
            ? null
            : seen.computeIfPresent(
                token, (t, s) -> s.room() == room ? new Seen(room, clock.instant()) : s);
    if (updated == null || updated.room() != room) {
      throw new ChatException(ChatError.Code.UNKNOWN_MEMBER);
    }
    return room;
  }

  void leave(String token, ChatRoom room) {
    touch(token, room);
    seen.remove(token);
    room.leave(token).ifPresent(message -> waiters.wake(room));
  }

  /** 오래 소식이 없는 멤버를 내보냅니다. 그사이 갱신된 멤버는 {@code remove(key, value)}가 실패해 남습니다. */
  void sweep() {
    Instant deadline = clock.instant().minus(properties.presenceTimeout());
    seen.forEach(
        (token, s) -> {
          if (s.lastSeen().isBefore(deadline) && seen.remove(token, s)) {
            s.room().leave(token).ifPresent(left -> dropped(s.room(), left));
          }
        });
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(this::sweep, properties.sweepInterval());
  }

  private void dropped(ChatRoom room, ChatMessage left) {
    waiters.wake(room);
    log.info("presence.timeout room={} nickname={}", room.name(), left.sender());
  }

  private record Seen(ChatRoom room, Instant lastSeen) {}
}
