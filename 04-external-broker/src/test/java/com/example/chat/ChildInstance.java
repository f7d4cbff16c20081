package com.example.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * 테스트 JVM 밖에서 도는 인스턴스 하나(따로 띄운 {@code java} 프로세스). {@link #kill}은 {@code kill -9}처럼 프로세스를 바로 죽이므로,
 * 연결을 닫거나 LEAVE를 보낼 틈이 없습니다. 같은 JVM의 컨텍스트를 닫는 것과 달리 "인스턴스가 죽었다"를 그대로 만듭니다.
 */
final class ChildInstance implements AutoCloseable {

  private static final String READY = "브로커에 연결했습니다";
  private final Process process;
  private final int port;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  private ChildInstance(Process process, int port) {
    this.process = process;
    this.port = port;
    Thread reader = new Thread(this::readLines, "child-" + port);
    reader.setDaemon(true);
    reader.start();
  }

  /** 같은 브로커와 데이터베이스를 쓰는 인스턴스를 켜고, 릴레이가 브로커에 붙을 때까지 기다립니다. */
  static ChildInstance start(String brokerHost, String brokerPort) throws Exception {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx256m", "-cp", System.getProperty("java.class.path")));
    command.add(ChatApplication.class.getName());
    command.add("--server.port=" + port);
    command.add("--chat.broker.host=" + brokerHost);
    command.add("--chat.broker.port=" + brokerPort);
    for (Map.Entry<String, Object> e : TestDatabaseCustomizer.properties().entrySet()) {
      command.add("--" + e.getKey() + "=" + e.getValue());
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    ChildInstance child = new ChildInstance(process, port);
    child.awaitLine(READY, 60);
    return child;
  }

  int port() {
    return port;
  }

  /** {@code kill -9}: 프로세스가 아무것도 정리하지 못하고 죽습니다. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** 정상 종료({@code kill}, SIGTERM): 스프링이 종료 절차를 밟고 프로세스가 끝날 때까지 기다립니다. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new AssertionError("따로 띄운 인스턴스가 60초 안에 끝나지 않았습니다");
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }

  private void awaitLine(String wanted, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (line != null && line.contains(wanted)) {
        return;
      }
      if (line == null && !process.isAlive()) {
        break;
      }
    }
    throw new AssertionError("따로 띄운 인스턴스가 '" + wanted + "'를 찍지 않았습니다");
  }

  private void readLines() {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = reader.readLine()) != null; ) {
        System.out.println("[child " + port + "] " + line);
        lines.add(line);
      }
    } catch (IOException closed) {
      // 프로세스가 죽으면 출력도 끝납니다.
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
