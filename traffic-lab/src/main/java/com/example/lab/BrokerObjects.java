package com.example.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * 이 컴퓨터의 RabbitMQ에 지금 있는 큐와 STOMP 연결의 수를 {@code rabbitmqctl}로 셉니다. STOMP 연결은 {@code
 * list_connections}(AMQP 연결만)에 나오지 않아 {@code list_stomp_connections}로 셉니다.
 *
 * <p>두 모형(브라우저마다 구독 하나 / 인스턴스마다 구독 하나)의 차이는 지연보다 브로커 안의 물건 수에서 먼저 보입니다. {@code rabbitmqctl}은
 * RabbitMQ를 설치한 계정(보통 root)만 쓸 수 있어서, 못 쓰면 숫자 대신 "측정 못 함"과 까닭을 적습니다.
 */
final class BrokerObjects {

  private BrokerObjects() {}

  /** "큐 N개, 연결 M개", 또는 "측정 못 함 (까닭)". */
  static String describe() {
    try {
      return String.format(
          "큐 %,d개, STOMP 연결 %,d개",
          count("list_queues", "name"), count("list_stomp_connections", "conn_name"));
    } catch (IOException e) {
      return "측정 못 함 (" + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "측정 못 함 (중단됨)";
    }
  }

  private static long count(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("rabbitmqctl", "-q"));
    command.addAll(List.of(args));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IOException("rabbitmqctl을 실행할 수 없음: " + e.getMessage());
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException(
          "rabbitmqctl " + args[0] + " 실패: " + out.strip().lines().findFirst().orElse(""));
    }
    // -q면 첫 줄이 열 이름(name)이고 나머지가 한 줄에 하나씩입니다.
    return out.lines().filter(line -> !line.isBlank()).count() - 1;
  }
}
