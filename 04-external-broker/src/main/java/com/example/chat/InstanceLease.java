package com.example.chat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.simp.user.SimpSession;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * 인스턴스마다 데이터베이스에 임대(lease)를 쥐고 몇 초마다 미룹니다. 임대가 끝난 인스턴스(예: {@code kill -9})의 사람은 살아 있는 인스턴스가 한 명씩
 * LEAVE로 내보냅니다. 퇴장은 방을 잠근 {@link ChatRoom#leave}로 하므로 두 인스턴스가 함께 치워도 LEAVE는 한 번입니다.
 *
 * <p>데이터베이스가 돌아온 직후에는 모든 임대가 끝나 보이므로, 한 임대 길이만큼 기다려 다른 인스턴스가 임대를 미룰 틈을 준 뒤에 치웁니다. 실제 서비스라면 Redis의
 * 만료 키나 etcd의 세션을 쓰기도 하지만, 이 예제에서는 이미 쓰는 PostgreSQL에 만료 시각을 둡니다.
 */
@Component
@EnableScheduling
class InstanceLease {

  private static final Logger log = LoggerFactory.getLogger(InstanceLease.class);

  private final JdbcRoomStore store;
  private final JdbcClient jdbc;
  private final DatabaseStatus status;
  private final PresenceEvents presence;
  private final SimpUserRegistry users;
  private final DatabaseProperties properties;
  private volatile Instant reapAfter = Instant.MIN;
  private Set<Member> suspects = Set.of();

  InstanceLease(
      JdbcRoomStore store,
      DataSource dataSource,
      DatabaseStatus status,
      PresenceEvents presence,
      SimpUserRegistry users,
      DatabaseProperties properties) {
    this.store = store;
    this.jdbc = JdbcClient.create(dataSource);
    this.status = status;
    this.presence = presence;
    this.users = users;
    this.properties = properties;
  }

  /** 방에 있는 한 사람의 줄. */
  record Member(String room, String key) {}

  @Scheduled(fixedDelayString = "${chat.database.renew-interval:5s}")
  void renew() {
    boolean wasDown = !status.available();
    try {
      status.attempt(
          () -> {
            store.prepare();
            if (wasDown) {
              reapAfter = Instant.now().plus(properties.lease());
            }
            return Instant.now().isAfter(reapAfter) ? reap() : 0;
          });
    } catch (ChatException e) {
      // 데이터베이스가 끊겼습니다. DatabaseStatus가 한 줄 로그를 남겼고, 다음 차례에 다시 해 봅니다.
    }
  }

  /** 정상 종료: 스프링이 브로커 연결과 데이터베이스 풀을 닫기 전에 이 인스턴스의 사람을 LEAVE로 내보냅니다. */
  @EventListener(ContextClosedEvent.class)
  void release() {
    try {
      status.attempt(() -> members("m.instance = ?", store.instance())).forEach(this::leave);
    } catch (ChatException e) {
      // 데이터베이스가 끊겼습니다. 임대가 끝나면 살아 있는 인스턴스가 치웁니다.
    }
  }

  private int reap() {
    List<Member> dead =
        members("m.instance IN (SELECT id FROM chat_instance WHERE lease_until < now())");
    if (!dead.isEmpty()) {
      log.info("임대가 끝난 인스턴스의 연결 {}개를 방에서 내보냅니다", dead.size());
    }
    dead.forEach(this::leave);
    orphans().forEach(this::leave);
    return jdbc.sql(
            """
            DELETE FROM chat_instance i WHERE lease_until < now()
            AND NOT EXISTS (SELECT 1 FROM chat_member m WHERE m.instance = i.id)""")
        .update();
  }

  private void leave(Member m) {
    presence.left(m.key(), m.room());
  }

  private List<Member> members(String where, Object... params) {
    return jdbc.sql("SELECT m.room, m.member_key FROM chat_member m WHERE " + where)
        .params(params)
        .query((rs, n) -> new Member(rs.getString(1), rs.getString(2)))
        .list();
  }

  /** 이 인스턴스의 줄인데 그 연결이 이미 없는 것. 입장 중인 연결을 잘못 보지 않게 두 번 연속 보인 것만 고릅니다. */
  private Set<Member> orphans() {
    Set<String> live =
        users.getUsers().stream()
            .flatMap(user -> user.getSessions().stream())
            .map(SimpSession::getId)
            .collect(Collectors.toSet());
    Set<Member> gone =
        members("m.instance = ?", store.instance()).stream()
            .filter(m -> !live.contains(m.key()))
            .collect(Collectors.toSet());
    Set<Member> orphans = new HashSet<>(gone);
    orphans.retainAll(suspects);
    suspects = gone;
    return orphans;
  }
}
