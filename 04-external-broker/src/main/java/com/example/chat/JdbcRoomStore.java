package com.example.chat;

import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 방의 상태를 PostgreSQL에 둡니다. 인스턴스가 몇 개든 같은 방의 순번, 기록, 입장한 사람을 모두 같은 곳에서 읽고 씁니다.
 *
 * <p>{@link #locked}는 트랜잭션 하나입니다. 먼저 {@code chat_room}에서 그 방의 줄을 {@code SELECT ... FOR UPDATE}로
 * 잠그므로, 다른 인스턴스가 같은 방에 쓰려면 이 트랜잭션이 끝나기를 기다립니다. 그래서 순번은 인스턴스가 몇 개든 1, 2, 3…으로 이어지고, 번호를 받는 트랜잭션이
 * 메시지도 함께 저장합니다(번호만 쓰이고 메시지가 사라지는 일이 없습니다). 방 이름과 닉네임은 언제나 바인드 변수({@code ?})로만 SQL에 들어갑니다.
 *
 * <p>입장한 사람의 줄에는 그 연결을 가진 인스턴스의 id({@link #instance})가 붙습니다. 켤 때마다 새로 뽑으므로 인스턴스마다 정해 줄 설정이 없습니다. 죽은
 * 인스턴스의 사람을 내보내는 일은 {@link InstanceLease}가 합니다. 데이터베이스에 닿지 못하면 {@link DatabaseStatus}가 요청을
 * STORE_UNAVAILABLE로 거절합니다. 실제 서비스라면 스키마를 Flyway 같은 이전(migration) 도구로 관리하겠지만, 이 예제에서는 켤 때 {@code
 * db/schema.sql}을 실행합니다.
 */
@Component
final class JdbcRoomStore implements RoomStore {

  private final UUID instance = UUID.randomUUID();
  private final DataSource dataSource;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final DatabaseStatus status;
  private final ChatLimits limits;
  private final DatabaseProperties properties;
  private volatile boolean prepared;

  JdbcRoomStore(
      DataSource dataSource,
      PlatformTransactionManager transactions,
      DatabaseStatus status,
      ChatLimits limits,
      DatabaseProperties properties) {
    this.dataSource = dataSource;
    this.jdbc = JdbcClient.create(dataSource);
    this.tx = new TransactionTemplate(transactions);
    this.status = status;
    this.limits = limits;
    this.properties = properties;
  }

  @Override
  public <T> T locked(String room, Function<Room, T> work) {
    return status.call(
        () -> {
          if (!prepared) {
            prepare();
          }
          return tx.execute(
              transaction -> {
                jdbc.sql("INSERT INTO chat_room (name) VALUES (?) ON CONFLICT DO NOTHING")
                    .param(room)
                    .update();
                jdbc.sql("SELECT last_id FROM chat_room WHERE name = ? FOR UPDATE")
                    .param(room)
                    .query(Long.class)
                    .single();
                return work.apply(new JdbcRoom(jdbc, room, instance, limits.historySize()));
              });
        });
  }

  /**
   * 스키마를 만들고(이미 있으면 그대로) 이 인스턴스의 임대를 {@code lease}만큼 미룹니다. 사람을 들이기 전에 인스턴스 줄이 있어야 하므로 첫 {@link
   * #locked} 전에도 부릅니다. 데이터베이스가 새로 만들어졌어도 따라가도록 {@link InstanceLease}가 몇 초마다 부릅니다. 한 트랜잭션이고 {@code
   * schema.sql}의 첫 줄이 잠금을 잡으므로, 여러 인스턴스(또는 한 인스턴스의 여러 스레드)가 빈 데이터베이스에 동시에 불러도 테이블을 한 번만 만듭니다. 그래서
   * 자바 쪽 잠금({@code synchronized})은 두지 않습니다. 두면 데이터베이스가 없을 때 입장이 임대 갱신의 연결 대기 뒤에 줄을 서서 두 배로 기다립니다.
   */
  void prepare() {
    tx.executeWithoutResult(
        transaction -> {
          new ResourceDatabasePopulator(new ClassPathResource("db/schema.sql")).execute(dataSource);
          jdbc.sql(
                  """
                  INSERT INTO chat_instance (id, lease_until) VALUES (?, now() + ? * interval '1 ms')
                  ON CONFLICT (id) DO UPDATE SET lease_until = excluded.lease_until""")
              .params(instance, properties.lease().toMillis())
              .update();
        });
    prepared = true;
  }

  UUID instance() {
    return instance;
  }
}
