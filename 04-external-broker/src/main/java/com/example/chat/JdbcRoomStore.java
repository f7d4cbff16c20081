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
 * 방의 상태를 PostgreSQL에 둡니다. 인스턴스가 몇 개든 같은 방의 순번, 기록, 입장한 사람을 같은 곳에서 읽고 씁니다.
 *
 * <p>{@link #locked}는 트랜잭션 하나이고, 먼저 그 방의 {@code chat_room} 줄을 {@code SELECT ... FOR UPDATE}로 잠급니다.
 * 그래서 순번은 어느 인스턴스에서 보내든 1, 2, 3…으로 이어지고, 번호를 받는 트랜잭션이 메시지도 함께 저장합니다. 입장한 사람의 줄에는 켤 때마다 새로 뽑는 인스턴스
 * id가 붙으므로 인스턴스마다 정할 설정이 없습니다. 실제 서비스라면 스키마를 Flyway 같은 도구로 관리하겠지만, 이 예제에서는 {@code db/schema.sql}을
 * 실행합니다.
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
                jdbc.sql("SELECT 1 FROM chat_room WHERE name = ? FOR UPDATE")
                    .param(room)
                    .query()
                    .listOfRows();
                return work.apply(new JdbcRoom(jdbc, room, instance, limits.historySize()));
              });
        });
  }

  /**
   * 스키마를 만들고(이미 있으면 그대로) 이 인스턴스의 임대를 미룹니다. 첫 입장 전과 {@link InstanceLease}의 갱신마다 부릅니다. 여러 인스턴스가 빈
   * 데이터베이스에 동시에 불러도 {@code schema.sql}의 첫 줄이 잠그므로 테이블은 한 번만 만들어집니다.
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
