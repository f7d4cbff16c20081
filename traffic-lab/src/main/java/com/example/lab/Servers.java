package com.example.lab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * 필요한 장의 서버들(과 4장의 브로커)을 함께 띄우고 끕니다. 여러 행이 한 서버를 나눠 씁니다(1장 두 행, 3장 두 행).
 *
 * <p>4장은 기본으로 이 컴퓨터의 RabbitMQ(127.0.0.1:61613)와 PostgreSQL(127.0.0.1:5432, 둘 다 {@code
 * 04-external-broker/start-servers.sh}가 켬)에 붙고, {@code --broker=artemis}면 실험실 안에 Artemis와 내장
 * PostgreSQL을 띄워 그쪽으로 붙입니다.
 */
final class Servers implements AutoCloseable {

  private final Map<String, ChapterServer> servers = new LinkedHashMap<>();
  private EmbeddedArtemis artemis;
  private EmbeddedDatabase database;
  final String brokerLabel;

  /** 4장이 붙는 브로커의 STOMP 포트("RabbitMQ 직접" 기준 행이 같은 곳에 붙습니다). 4장이 없으면 0. */
  final int brokerPort;

  Servers(LabOptions options, List<String> chapters, Map<String, Path> jfr) throws Exception {
    List<String> brokerArgs = new ArrayList<>();
    String label = "-";
    int stompPort = 0;
    if (chapters.contains("04")) {
      if (options.broker().equals("artemis")) {
        artemis = new EmbeddedArtemis();
        database = new EmbeddedDatabase();
        brokerArgs.add("--chat.broker.port=" + artemis.port);
        brokerArgs.addAll(database.chapterArgs());
        label = "내장 ActiveMQ Artemis + 내장 PostgreSQL";
        stompPort = artemis.port;
      } else {
        requireRabbitMq();
        requirePostgres();
        label = "RabbitMQ (127.0.0.1:61613) + PostgreSQL (127.0.0.1:5432)";
        stompPort = 61613;
      }
    }
    brokerLabel = label;
    brokerPort = stompPort;
    Map<String, CompletableFuture<ChapterServer>> starting = new LinkedHashMap<>();
    for (String chapter : chapters) {
      List<String> args = chapter.equals("04") ? brokerArgs : List.of();
      starting.put(
          chapter,
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return ChapterServer.start(
                      options.root(), chapter, args, jfr == null ? null : jfr.get(chapter));
                } catch (IOException e) {
                  throw new IllegalStateException(e.getMessage(), e);
                }
              }));
    }
    Exception failure = null;
    for (Map.Entry<String, CompletableFuture<ChapterServer>> entry : starting.entrySet()) {
      try {
        servers.put(entry.getKey(), entry.getValue().join());
        Progress.log("  " + entry.getKey() + "장 서버 준비됨: 포트 " + servers.get(entry.getKey()).port);
      } catch (RuntimeException e) {
        failure = new IllegalStateException(e.getCause() == null ? e : e.getCause());
      }
    }
    if (failure != null) {
      close();
      throw failure;
    }
  }

  static void requireRabbitMq() throws IOException {
    requireListening(61613, "RabbitMQ STOMP 서버");
  }

  static void requirePostgres() throws IOException {
    requireListening(5432, "PostgreSQL 서버");
  }

  private static void requireListening(int port, String what) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
    } catch (IOException e) {
      throw new IOException(
          "127.0.0.1:"
              + port
              + "에 "
              + what
              + "가 없습니다. bash 04-external-broker/start-servers.sh 로"
              + " 켜거나 --broker=artemis 로 내장 브로커와 내장 PostgreSQL을 쓰세요.",
          e);
    }
  }

  ChapterServer get(String chapter) {
    return servers.get(chapter);
  }

  @Override
  public void close() {
    servers.values().forEach(ChapterServer::close);
    servers.clear();
    if (artemis != null) {
      try {
        artemis.close();
      } catch (Exception ignored) {
        // 끄는 중의 오류는 결과에 영향이 없습니다.
      }
      artemis = null;
    }
    if (database != null) {
      try {
        database.close();
      } catch (Exception ignored) {
        // 끄는 중의 오류는 결과에 영향이 없습니다.
      }
      database = null;
    }
  }
}
