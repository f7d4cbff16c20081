package com.example.chat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * 테스트가 쓰는 진짜 RabbitMQ: 이 컴퓨터의 127.0.0.1:61613(guest/guest, 가상 호스트 /). 켜는 법은 {@code
 * start-servers.sh}입니다. 장애 테스트는 {@code rabbitmqctl stop_app}/{@code start_app}으로 노드는 둔 채 브로커만 껐다
 * 켭니다.
 */
final class RabbitMq {

  static final String HOST = "127.0.0.1";
  static final int PORT = 61613;

  private RabbitMq() {}

  /** RabbitMQ가 없으면 테스트를 건너뛰지 않고 실패시킵니다. */
  static void requireRunning() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(HOST, PORT), 2000);
    } catch (IOException e) {
      throw new AssertionError(
          "RabbitMQ STOMP("
              + HOST
              + ":"
              + PORT
              + ")에 연결할 수 없습니다. 먼저 bash 04-external-broker/start-servers.sh 로 켜세요",
          e);
    }
  }

  static void register(DynamicPropertyRegistry registry) {
    registry.add("chat.broker.host", () -> HOST);
    registry.add("chat.broker.port", () -> PORT);
  }

  /** {@code rabbitmqctl <command>}을 실행하고 끝나기를 기다립니다. */
  static void ctl(String command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(List.of("rabbitmqctl", "-q", command)).inheritIO().start();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError("rabbitmqctl " + command + " 실패");
    }
  }
}
