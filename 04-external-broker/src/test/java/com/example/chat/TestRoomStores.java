package com.example.chat;

import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.env.MockEnvironment;

/**
 * 규칙 시험({@link ChatRoomTests})과 데이터베이스 시험이 쓰는 새 {@link RoomStore}. 이 장은 {@link TestDatabase}에 시험마다
 * 새 스키마를 만들어, 1~3장이 메모리에서 통과하는 규칙 시험을 그대로 PostgreSQL에서 돌립니다.
 */
final class TestRoomStores {

  private TestRoomStores() {}

  static RoomStore fresh(ChatLimits limits) {
    return store(freshSchema(), limits);
  }

  /** 새 스키마 하나에 붙는 DataSource. 여기서 만든 저장소들은 같은 방을 나눠 쓰는 인스턴스들과 같습니다. */
  static DataSource freshSchema() {
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
    DriverManagerDataSource admin = dataSource(TestDatabase.url());
    JdbcClient.create(admin).sql("CREATE SCHEMA " + schema).update();
    return dataSource(TestDatabase.url() + "?currentSchema=" + schema);
  }

  /** 인스턴스 하나에 해당하는 저장소(켤 때마다 새 인스턴스 id). */
  static JdbcRoomStore store(DataSource dataSource, ChatLimits limits) {
    return new JdbcRoomStore(
        dataSource,
        new DataSourceTransactionManager(dataSource),
        new DatabaseStatus(new MockEnvironment()),
        limits,
        new DatabaseProperties(Duration.ofSeconds(15), Duration.ofSeconds(5)));
  }

  private static DriverManagerDataSource dataSource(String url) {
    return new DriverManagerDataSource(url, TestDatabase.user(), TestDatabase.password());
  }
}
