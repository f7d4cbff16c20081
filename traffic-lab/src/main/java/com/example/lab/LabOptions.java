package com.example.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * 명령줄 옵션. 기본 시나리오의 값(50명, 유휴 60초, 메시지 200개를 초당 40개)은 2코어에서 전체가 3분 안에 끝나도록 고른 것입니다.
 *
 * @param mode default, capacity, latency, spring-shape, deflate, soak, chromium-check, join-storm
 *     가운데 하나
 */
record LabOptions(
    String mode,
    List<Row> rows,
    int clients,
    int idleSeconds,
    int messages,
    double rate,
    String broker,
    Path root,
    Path out,
    int soakMinutes,
    String soakChapter,
    boolean jfr,
    List<String> capacityChapters,
    int loadClients,
    String command) {

  static LabOptions parse(String... args) {
    String mode = "default";
    List<Row> rows = Row.defaultRows();
    int clients = 50;
    int idle = 60;
    int messages = 200;
    double rate = 40;
    String broker = "rabbitmq";
    Path out = null;
    int soakMinutes = 10;
    String soakChapter = "03";
    boolean jfr = false;
    List<String> capacityChapters = List.of("02", "03", "04");
    int loadClients = 1000;
    Integer clientsGiven = null;
    for (String arg : args) {
      String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      switch (name) {
        case "--quick" -> {
          clients = 5;
          idle = 5;
          messages = 20;
          rate = 20;
        }
        case "--capacity",
            "--latency",
            "--spring-shape",
            "--deflate",
            "--soak",
            "--chromium-check",
            "--join-storm" ->
            mode = name.substring(2);
        case "--rows" -> rows = Arrays.stream(value.split(",")).map(Row::byKey).toList();
        case "--clients" -> clientsGiven = Integer.parseInt(value);
        case "--idle" -> idle = Integer.parseInt(value);
        case "--messages" -> messages = Integer.parseInt(value);
        case "--rate" -> rate = Double.parseDouble(value);
        case "--broker" -> broker = value;
        case "--out" -> out = Path.of(value);
        case "--minutes" -> soakMinutes = Integer.parseInt(value);
        case "--chapter" -> soakChapter = value;
        case "--chapters" -> capacityChapters = List.of(value.split(","));
        case "--jfr" -> jfr = true;
        case "--load-clients" -> loadClients = Integer.parseInt(value);
        default -> throw new IllegalArgumentException("모르는 옵션: " + arg + "\n" + usage());
      }
    }
    if (clientsGiven != null) {
      clients = clientsGiven;
    } else if (mode.equals("join-storm")) {
      clients = 1000; // 이슈의 폭주: 1,000명이 1초 안에
    }
    if (!broker.equals("rabbitmq") && !broker.equals("artemis")) {
      throw new IllegalArgumentException("--broker는 rabbitmq 또는 artemis입니다: " + broker);
    }
    Path root = findRoot();
    if (out == null) {
      out = root.resolve("docs/traffic");
    } else if (!out.isAbsolute()) {
      out = Path.of(System.getProperty("user.dir")).resolve(out);
    }
    String command =
        args.length == 0
            ? "mvn -q -pl traffic-lab exec:java"
            : "mvn -q -pl traffic-lab exec:java -Dexec.args=\"" + String.join(" ", args) + "\"";
    return new LabOptions(
        mode,
        new ArrayList<>(rows),
        clients,
        idle,
        messages,
        rate,
        broker,
        root,
        out,
        soakMinutes,
        soakChapter,
        jfr,
        capacityChapters,
        loadClients,
        command);
  }

  /** 저장소 루트: 현재 폴더에서 위로 올라가며 01-http-polling 폴더가 있는 곳. */
  static Path findRoot() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("01-http-polling"))) {
        return p;
      }
    }
    throw new IllegalStateException("저장소 루트(01-http-polling이 있는 폴더)를 찾지 못했습니다: " + dir);
  }

  static String usage() {
    return """
        사용법: mvn -q -pl traffic-lab exec:java -Dexec.args="[옵션]"
          (없음)            기본 시나리오: 여섯 행, 50명, 유휴 60초, 메시지 200개
          --quick           아주 작은 실행(5명, 유휴 5초, 메시지 20개)
          --rows=02,03      일부 행만(01-short, 01-long, 02, 03, 03-sockjs, 04)
          --clients=N --idle=초 --messages=N --rate=초당메시지
          --broker=rabbitmq|artemis   4장의 브로커(기본 rabbitmq: 127.0.0.1:61613)
          --out=폴더        결과를 쓸 곳(기본 docs/traffic)
          --capacity [--chapters=02,03,04] [--jfr] [--load-clients=1000]
                            1,000명, 보내기 속도를 올려 p99 100ms까지
          --latency         초당 10개에서 100명/1,000명의 지연
          --spring-shape    200명 × 방송 2,000개(spring-websocket-portfolio 부하 테스트 모양)
          --deflate         permessage-deflate를 켠 WebSocket과 끈 것 비교(02, 03)
          --soak [--minutes=10] [--chapter=03]   1,000명, 꾸준한 채팅, 힙과 세션 확인
          --join-storm [--chapters=02,03,04] [--clients=1000]
                            N명을 연결해 두고 1초 동안 모두 입장: 참여자 목록 바이트, 조용해지기까지, 끊김, ping 간격
          --chromium-check  실험실 폴링 요청 헤더를 실제 Chromium과 비교
        """;
  }
}
