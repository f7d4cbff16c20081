package com.example.lab;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * 한 장의 실행 jar({@code 0N-…/target/*.jar})를 별도 JVM으로 띄우고, 준비될 때까지 기다리고, 힙을 재고, 끕니다.
 *
 * <p>서버는 {@code -Xmx256m}로 돌리고, 실험실이 고른 빈 포트에서 듣게 합니다. 1인당 초당 메시지 한도는 부하를 낼 수 있게 크게 올립니다(이 한도는 도배
 * 방지용이지 실험 대상이 아닙니다). 힙은 JMX로 서버 JVM에 붙어 읽고, 로그는 {@code traffic-lab/target/lab-logs/}에 남깁니다.
 */
final class ChapterServer implements AutoCloseable {

  final String chapter;
  final int port;
  private final Process process;
  private final Path log;
  private final int jmxPort;
  private final Path jarCopy;
  private JMXConnector jmx;

  private ChapterServer(
      String chapter, int port, int jmxPort, Process process, Path log, Path jarCopy) {
    this.jarCopy = jarCopy;
    this.chapter = chapter;
    this.port = port;
    this.jmxPort = jmxPort;
    this.process = process;
    this.log = log;
  }

  /** chapter는 "01"…"04". extraArgs는 스프링 속성(--a=b)입니다. jfr이 있으면 그 파일로 JFR 기록을 남깁니다. */
  static ChapterServer start(Path root, String chapter, List<String> extraArgs, Path jfr)
      throws IOException {
    int port = freePort();
    int jmxPort = freePort();
    Path logs = root.resolve("traffic-lab/target/lab-logs");
    Files.createDirectories(logs);
    // 복사본으로 띄웁니다. 실행 중에 원본 jar가 다시 빌드되면(mvn package) 스프링 부트의 지연 클래스 로딩이
    // NoClassDefFoundError로 깨지기 때문입니다.
    Path jar = logs.resolve("chapter-" + chapter + "-" + port + ".jar");
    Files.copy(findJar(root, chapter), jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Path log = logs.resolve("chapter-" + chapter + "-" + port + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-Dcom.sun.management.jmxremote.port=" + jmxPort);
    command.add("-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort);
    command.add("-Dcom.sun.management.jmxremote.authenticate=false");
    command.add("-Dcom.sun.management.jmxremote.ssl=false");
    command.add("-Djava.rmi.server.hostname=127.0.0.1");
    if (jfr != null) {
      command.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true");
    }
    command.add("-jar");
    command.add(jar.toString());
    command.add("--server.port=" + port);
    command.add("--server.address=127.0.0.1");
    command.add("--spring.main.banner-mode=off");
    command.add("--chat.limits.messages-per-second=1000000");
    command.addAll(extraArgs);
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    // 실험실이 Ctrl+C로 멈춰도 띄운 서버가 남지 않게 합니다.
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
    ChapterServer server = new ChapterServer(chapter, port, jmxPort, process, log, jar);
    server.awaitReady(Duration.ofSeconds(120));
    return server;
  }

  static Path findJar(Path root, String chapter) throws IOException {
    // 개발용: -Dlab.jar.04=/다른/곳/app.jar 로 특정 장의 jar를 바꿔 끼울 수 있습니다.
    String override = System.getProperty("lab.jar." + chapter);
    if (override != null) {
      return Path.of(override);
    }
    try (Stream<Path> dirs = Files.list(root)) {
      Path dir =
          dirs.filter(d -> d.getFileName().toString().startsWith(chapter + "-"))
              .findFirst()
              .orElseThrow(() -> new IOException(chapter + "장 폴더가 없습니다"));
      try (Stream<Path> jars = Files.list(dir.resolve("target"))) {
        return jars.filter(p -> p.toString().endsWith(".jar"))
            .filter(p -> !p.getFileName().toString().contains("-plain"))
            .findFirst()
            .orElseThrow(() -> new IOException(dir + "/target에 jar가 없습니다"));
      }
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IOException(chapter + "장 jar가 없습니다. 먼저 루트에서 mvn -q -DskipTests package 를 실행하세요", e);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private void awaitReady(Duration timeout) throws IOException {
    HttpClient client = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(chapter + "장 서버가 시작하지 못했습니다:\n" + tail());
      }
      try {
        HttpResponse<Void> response =
            client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // 아직 듣고 있지 않습니다.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
      pause(200);
    }
    throw new IOException(chapter + "장 서버가 " + timeout + " 안에 준비되지 않았습니다:\n" + tail());
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(로그 없음: " + log + ")";
    }
  }

  boolean alive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  private MemoryMXBean memory() throws IOException {
    if (jmx == null) {
      JMXServiceURL url =
          new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi");
      jmx = JMXConnectorFactory.connect(url);
    }
    MBeanServerConnection connection = jmx.getMBeanServerConnection();
    return ManagementFactory.newPlatformMXBeanProxy(
        connection, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
  }

  /** 서버 프로세스가 지금까지 쓴 CPU 시간(초). */
  double cpuSeconds() {
    try {
      memory();
      com.sun.management.OperatingSystemMXBean os =
          ManagementFactory.newPlatformMXBeanProxy(
              jmx.getMBeanServerConnection(),
              ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME,
              com.sun.management.OperatingSystemMXBean.class);
      return os.getProcessCpuTime() / 1e9;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** 실험실(이 JVM)이 지금까지 쓴 CPU 시간(초). */
  static double labCpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1e9;
  }

  /** 지금 쓰는 힙(MB). 쓰레기도 섞여 있어 순간값입니다. */
  double heapUsedMb() {
    try {
      return memory().getHeapMemoryUsage().getUsed() / 1048576.0;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** GC를 한 번 돌린 뒤의 힙(MB): 실제로 살아 있는 객체의 크기에 가깝습니다. */
  double liveHeapMb() {
    try {
      MemoryMXBean memory = memory();
      memory.gc();
      return memory.getHeapMemoryUsage().getUsed() / 1048576.0;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** 서버 포트에 ESTABLISHED 상태로 붙어 있는 TCP 연결 수(/proc/net/tcp, 리눅스 전용). */
  int establishedConnections() {
    int count = 0;
    for (String file : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
      if (!new File(file).exists()) {
        continue;
      }
      try {
        String localPort = String.format(":%04X", port);
        for (String line : Files.readAllLines(Path.of(file))) {
          String[] parts = line.trim().split("\\s+");
          if (parts.length > 3 && parts[1].endsWith(localPort) && parts[3].equals("01")) {
            count++;
          }
        }
      } catch (IOException e) {
        return -1;
      }
    }
    return count;
  }

  @Override
  public void close() {
    try {
      if (jmx != null) {
        jmx.close();
      }
    } catch (IOException ignored) {
      // 서버가 이미 꺼졌습니다.
    }
    process.destroy();
    try {
      if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Files.deleteIfExists(jarCopy);
    } catch (IOException ignored) {
      // 다음 빌드의 clean이 지웁니다.
    }
  }
}
