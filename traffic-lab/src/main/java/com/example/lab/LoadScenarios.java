package com.example.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.DoubleAccumulator;

/**
 * 부하 시나리오 셋: 용량(--capacity), 지연(--latency), 스프링 부하 테스트 모양(--spring-shape).
 *
 * <p>셋 다 프록시 없이 서버에 바로 붙습니다(바이트가 아니라 처리량과 지연을 재므로, 프록시가 CPU를 나눠 쓰지 않게). 실험실(부하 발생기)과 서버가 같은 2코어를 나눠
 * 쓰므로, 결과에 두 프로세스의 CPU 사용 시간을 함께 적어 "누가 먼저 바닥났는지" 보이게 합니다.
 */
final class LoadScenarios {

  private final LabOptions options;

  LoadScenarios(LabOptions options) {
    this.options = options;
  }

  static Row rowFor(String chapter) {
    return switch (chapter) {
      case "02" -> Row.RAW_WEBSOCKET;
      case "03" -> Row.STOMP_WEBSOCKET;
      case "04" -> Row.STOMP_BROKER;
      default -> throw new IllegalArgumentException("부하 시나리오는 02, 03, 04장만 잽니다: " + chapter);
    };
  }

  /** 1,000명을 붙여 두고 보내기 속도를 단계별로 올려, p99 ≤ 100 ms를 지키는 가장 빠른 단계와 일이 쌓이기 시작하는 곳을 찾습니다. */
  String capacity() throws Exception {
    StringBuilder md = new StringBuilder("# 용량 측정 (--capacity)\n\n");
    md.append(
        ReportWriter.runInfo(
            options,
            "- 클라이언트 " + options.loadClients() + "명, 단계마다 8초 보내기, 서버 -Xmx256m, 프록시 없이 직접 연결\n"));
    StringBuilder summary =
        new StringBuilder(
            "\n## 요약\n\n| 장 | 최고 지속 배달/초 (p99 ≤ 100 ms, 유실 0) | 목표 | 최대 힙 MB | GC 뒤 힙 MB |"
                + " 브로커 |\n|---|---:|---:|---:|---:|---|\n");
    Map<String, Integer> targets = Map.of("02", 50_000, "03", 30_000, "04", 15_000);
    // 낮은 단계부터 올립니다. 4장(RabbitMQ와 2코어를 나눠 씀)은 초당 5개에서 이미 p99가 100ms를 넘기도 합니다.
    double[] rates = {1, 2, 3, 5, 10, 15, 20, 25, 35, 50, 60, 75, 100, 125, 150, 200, 300};
    for (String chapter : options.capacityChapters()) {
      Path jfr =
          options.jfr()
              ? options.root().resolve("traffic-lab/target/capacity-" + chapter + ".jfr")
              : null;
      Progress.log("용량: " + chapter + "장");
      md.append("\n## ")
          .append(chapter)
          .append("장 (")
          .append(rowFor(chapter).label)
          .append(")\n\n");
      md.append(
          "| 보내기/초 | 배달/초 | p50 ms | p99 ms | 최대 ms | 유실 | 중복 | 서버 CPU 초 | 실험실 CPU 초 | 브로커 CPU 초 |"
              + " 최대 힙 MB |\n");
      md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
      double best = 0;
      double peakHeap = 0;
      double liveHeap = -1;
      String broker = "-";
      try (Servers servers =
              new Servers(options, List.of(chapter), jfr == null ? null : Map.of(chapter, jfr));
          RowRun run =
              new RowRun(
                  rowFor(chapter),
                  servers.get(chapter).port,
                  options.loadClients(),
                  false,
                  true,
                  false)) {
        broker = servers.brokerLabel;
        ChapterServer server = servers.get(chapter);
        run.joinAll(50, 120);
        run.drainBacklog(300);
        run.chat(1_500_000_000, 25, 5, 20); // 데우기(JIT, 연결 버퍼): 표에는 넣지 않습니다.
        md.append(idleRow(server, broker));
        int seq = 1;
        double overloadRate = 0;
        for (double rate : rates) {
          Step step = step(run, server, broker, seq, rate, "");
          seq += step.count;
          md.append(step.row);
          peakHeap = Math.max(peakHeap, step.peakHeap);
          if (step.ok) {
            best = Math.max(best, step.perSecond);
          }
          // 기준(p99 ≤ 100 ms)을 한 번 넘었다고 멈추지 않습니다. 느린 단계 하나(예: 단계가 8초뿐이라 방송 8개 가운데 하나가 늦으면 p99가
          // 그 방송으로 정해지는 초당 1개)가 더 빠른 단계를 가리지 않도록, 쌓이기 시작할 때(유실, 중복, p99 1초 넘음)까지 올립니다.
          if (step.overloaded) {
            overloadRate = rate * 2;
            break;
          }
        }
        if (overloadRate > 0) {
          // 한계를 넘긴 뒤에도 서버가 살아서 모두에게 배달하는지(느려질 뿐 잃거나 죽지 않는지) 한 단계 더 봅니다.
          Step step = step(run, server, broker, seq, overloadRate, " (과부하)");
          md.append(step.row);
          peakHeap = Math.max(peakHeap, step.peakHeap);
          md.append(
              server.alive()
                  ? "\n과부하 단계(초당 " + (int) overloadRate + "개) 뒤에도 서버가 살아 있습니다.\n"
                  : "\n**과부하 단계(초당 "
                      + (int) overloadRate
                      + "개)에서 서버가 죽었습니다**(로그: traffic-lab/target/lab-logs/).\n");
        }
        liveHeap = server.liveHeapMb();
        if (run.ctx.errors.get() > 0) {
          md.append("\n오류 ")
              .append(run.ctx.errors.get())
              .append("건, 첫 오류: ")
              .append(run.ctx.firstError.get())
              .append('\n');
        }
        run.leaveAll(30);
      } catch (Exception e) {
        failed(md, chapter, e);
      }
      summary.append(
          String.format(
              Locale.ROOT,
              "| %s | %,.0f | %,d | %.0f | %s | %s |%n",
              chapter,
              best,
              targets.getOrDefault(chapter, 0),
              peakHeap,
              orUnmeasured(liveHeap, "%.0f"),
              broker));
      if (jfr != null && Files.exists(jfr)) {
        md.append("\n### ")
            .append(chapter)
            .append("장 서버 프로파일 (JFR)\n\n")
            .append(profileOrNote(jfr));
      }
    }
    return md.append(summary).toString();
  }

  /**
   * 초당 10개를 20초 동안, 100명과 1,000명에게. 4장 앞뒤로 같은 브로커를 쓰는 두 기준을 같은 실행에서 잽니다. "RabbitMQ 직접"(스프링 없이 브로커에
   * 바로 붙은 구독자들: 바닥)과 "인스턴스마다 구독 하나"({@link FanoutBridge}: 큰 채팅이 쓰는 구조). 4장과 바닥의 차이가 스프링(WebSocket,
   * 릴레이, 데이터베이스)의 몫입니다.
   */
  String latency() throws Exception {
    StringBuilder md = new StringBuilder("# 지연 측정 (--latency)\n\n");
    md.append(ReportWriter.runInfo(options, "- 초당 메시지 10개 × 20초, 프록시 없이 직접 연결\n\n"));
    md.append("| 장 | 클라이언트 | 배달 | p50 ms | p99 ms | 최대 ms | 유실 | 중복 | 목표 p99 | 브로커 안 |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
    for (String chapter : options.capacityChapters()) {
      boolean broker = chapter.equals("04");
      List<String> needed = broker ? List.of("03", "04") : List.of(chapter);
      List<Row> rows =
          broker
              ? List.of(Row.BROKER_DIRECT, Row.STOMP_BROKER, Row.FANOUT)
              : List.of(rowFor(chapter));
      for (int clients : new int[] {100, 1000}) {
        try (Servers servers = new Servers(options, needed, null)) {
          for (Row row : rows) {
            md.append(latencyRow(servers, chapter, row, clients));
          }
        } catch (Exception e) {
          md.append(failedRow(chapter, clients, e));
        }
      }
    }
    return md.toString();
  }

  private static String latencyRow(Servers servers, String chapter, Row row, int clients) {
    String name = chapter.equals("04") && row != Row.STOMP_BROKER ? row.label : chapter;
    Progress.log("지연: " + name + ", " + clients + "명");
    int port =
        switch (row) {
          case BROKER_DIRECT -> servers.brokerPort;
          case FANOUT -> servers.get("03").port;
          default -> servers.get(chapter).port;
        };
    try (RowRun run = new RowRun(row, port, clients, false, true, false);
        FanoutBridge bridge =
            row == Row.FANOUT
                ? new FanoutBridge(servers.brokerPort, port, row.room(), NioTextSocket.FACTORY)
                : null) {
      if (bridge != null) {
        bridge.open();
        run.sender = bridge.sender();
      }
      run.joinAll(50, 120);
      run.drainBacklog(300);
      String inside =
          chapter.equals("04") && servers.brokerLabel.startsWith("RabbitMQ")
              ? BrokerObjects.describe()
              : "-";
      run.chat(1, 50, 10, 10); // 데우기(JIT): 표에는 넣지 않습니다.
      Deliveries.Summary s = run.chat(1000, 200, 10, 20).summary();
      String target = chapter.equals("04") ? "-" : (clients == 100 ? "≤ 10 ms" : "≤ 50 ms");
      String line =
          String.format(
              Locale.ROOT,
              "| %s | %,d | %,d | %.1f | %.1f | %.1f | %d | %d | %s | %s |%n",
              name,
              clients,
              s.delivered(),
              s.latency().percentile(50) / 1e6,
              s.latency().percentile(99) / 1e6,
              s.latency().max() / 1e6,
              s.lost(),
              s.duplicated(),
              target,
              inside);
      run.leaveAll(30);
      return line;
    } catch (Exception e) {
      return failedRow(name, clients, e);
    }
  }

  private static String failedRow(String name, int clients, Exception e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    Progress.log("  " + name + " 실패: " + cause);
    return String.format(
        Locale.ROOT, "| %s | %,d | 실패: `%s` | | | | | | | |%n", name, clients, cause);
  }

  /** spring-websocket-portfolio의 부하 테스트 모양: 200명이 구독하고, 한 명이 2,000개를 쉬지 않고 보냅니다(하트비트 0,0). */
  String springShape() throws Exception {
    StringBuilder md = new StringBuilder("# 스프링 부하 테스트 모양 (--spring-shape)\n\n");
    md.append(
        ReportWriter.runInfo(
            options, "- 받는 사람 200명 + 보내는 사람 1명(보내는 사람도 받음), 방송 2,000개를 쉬지 않고, 하트비트 끔, 직접 연결\n\n"));
    md.append("| 장 | 배달 | 걸린 시간 s | 배달/초 | p50 ms | p99 ms | 최대 ms | 180초 안에 못 받음 | 중복 | 오류 |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (String chapter : options.capacityChapters()) {
      Progress.log("스프링 모양: " + chapter + "장");
      try (Servers servers = new Servers(options, List.of(chapter), null);
          RowRun run =
              new RowRun(rowFor(chapter), servers.get(chapter).port, 201, false, false, false)) {
        run.joinAll(50, 120);
        run.drainBacklog(120);
        long start = System.nanoTime();
        Deliveries ledger = run.chatFrom(200, 1, 2000, 1e9, 180);
        double seconds = (System.nanoTime() - start) / 1e9;
        Deliveries.Summary s = ledger.summary();
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %,d / %,d | %.1f | %,.0f | %.1f | %.1f | %.1f | %d | %d | %s |%n",
                chapter,
                s.delivered(),
                ledger.expected(),
                seconds,
                ledger.deliveriesPerSecond(),
                s.latency().percentile(50) / 1e6,
                s.latency().percentile(99) / 1e6,
                s.latency().max() / 1e6,
                s.lost(),
                s.duplicated(),
                run.ctx.errors.get() == 0
                    ? "-"
                    : run.ctx.errors.get() + "건: " + run.ctx.firstError.get()));
        run.leaveAll(30);
      } catch (Exception e) {
        failed(md, chapter, e);
      }
    }
    return md.toString();
  }

  /**
   * 보내기 없이 8초: 모두 붙어 있기만 할 때(하트비트, 4장의 임대 갱신)의 CPU. 아래 단계들의 CPU 가운데 이만큼은 배달과 상관없는 몫이므로, 배달 한 건의 값은
   * (단계의 CPU − 이 줄의 CPU) ÷ 그 단계의 배달 수로 셉니다.
   */
  private static String idleRow(ChapterServer server, String broker) throws InterruptedException {
    CpuMark cpu = CpuMark.now(server);
    Thread.sleep(8_000); // 재는 구간 자체입니다(기다릴 조건이 없습니다).
    return "| 0 (보내기 없음) | 0 | - | - | - | - | - | " + cpu.columns(server, broker) + " | - |\n";
  }

  /** 서버·실험실·브로커의 누적 CPU 시간을 한 번 적어 두고, 나중에 그 사이의 값을 표의 세 칸(서버 | 실험실 | 브로커)으로 만듭니다. */
  private record CpuMark(double server, double lab, double broker) {
    static CpuMark now(ChapterServer server) {
      return new CpuMark(server.cpuSeconds(), ChapterServer.labCpuSeconds(), BrokerCpu.seconds());
    }

    String columns(ChapterServer chapter, String brokerLabel) {
      return String.format(
          Locale.ROOT,
          "%s | %.1f | %s",
          serverCpuColumn(server, chapter.cpuSeconds()),
          ChapterServer.labCpuSeconds() - lab,
          brokerCpuColumn(brokerLabel, broker));
    }
  }

  /** 한 단계: 초당 rate개를 8초 동안 보내고 표의 한 줄을 만듭니다. */
  private static Step step(
      RowRun run, ChapterServer server, String broker, int seq, double rate, String label)
      throws InterruptedException {
    int count = (int) (rate * 8);
    HeapSampler heap = new HeapSampler(server);
    CpuMark cpu = CpuMark.now(server);
    Deliveries ledger = run.chat(seq, count, rate, 20);
    heap.stop();
    Deliveries.Summary s = ledger.summary();
    double perSecond = ledger.deliveriesPerSecond();
    String row =
        String.format(
            Locale.ROOT,
            "| %.0f%s | %,.0f | %.1f | %.1f | %.1f | %d | %d | %s | %.0f |%n",
            rate,
            label,
            perSecond,
            s.latency().percentile(50) / 1e6,
            s.latency().percentile(99) / 1e6,
            s.latency().max() / 1e6,
            s.lost(),
            s.duplicated(),
            cpu.columns(server, broker),
            heap.peak());
    Progress.log(
        String.format(
            Locale.ROOT,
            "  보내기 %.0f/초%s → 배달 %,.0f/초, p99 %.1f ms, 유실 %d",
            rate,
            label,
            perSecond,
            s.latency().percentile(99) / 1e6,
            s.lost()));
    boolean clean = s.lost() == 0 && s.duplicated() == 0;
    boolean ok = clean && s.latency().percentile(99) <= 100e6;
    boolean overloaded = !clean || s.latency().percentile(99) > 1_000e6;
    return new Step(count, row, ok, overloaded, perSecond, heap.peak());
  }

  private record Step(
      int count, String row, boolean ok, boolean overloaded, double perSecond, double peakHeap) {}

  /** 서버가 비정상으로 끝나면(예: 메모리 부족) JFR 파일이 비어 있습니다. 그래도 나머지 결과는 씁니다. */
  private static String profileOrNote(Path jfr) {
    try {
      return JfrProfile.summarize(jfr, 12);
    } catch (Exception e) {
      Progress.log("  JFR을 읽지 못함: " + e.getMessage());
      return "JFR 기록을 읽지 못했습니다(`" + e.getMessage() + "`). 서버가 정상 종료하지 못하면 기록이 비어 있습니다.\n";
    }
  }

  /** 서버의 CPU 시간 차이. 앞이나 뒤를 읽지 못했으면(서버가 죽어 JMX가 닿지 않음) 숫자 대신 까닭을 적습니다. */
  private static String serverCpuColumn(double before, double after) {
    return before < 0 || after < 0
        ? UNMEASURED
        : String.format(Locale.ROOT, "%.1f", after - before);
  }

  /** 읽지 못한 값(-1)은 "측정 못 함"으로, 나머지는 형식대로 적습니다. */
  private static String orUnmeasured(double value, String format) {
    return value < 0 ? UNMEASURED : String.format(Locale.ROOT, format, value);
  }

  static final String UNMEASURED = "측정 못 함 (서버에 JMX로 닿지 못함: 서버가 죽었거나 멈춤)";

  /** 이 컴퓨터의 RabbitMQ를 쓸 때만 그 CPU 시간을 적습니다(내장 Artemis의 몫은 실험실 CPU에 들어 있습니다). */
  private static String brokerCpuColumn(String broker, double before) {
    double after = BrokerCpu.seconds();
    if (!broker.startsWith("RabbitMQ") || before < 0 || after < 0) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.1f", after - before);
  }

  /** 한 장이 실패해도(서버가 죽거나 입장이 끝나지 않음) 나머지 장은 잽니다. 실패는 결과 파일에 그대로 남깁니다. */
  private static void failed(StringBuilder md, String chapter, Exception e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    Progress.log("  " + chapter + "장 실패: " + cause);
    md.append("\n**").append(chapter).append("장 실패**: `").append(cause).append("`\n\n");
  }

  /** 1초마다 서버 힙을 읽어 최댓값을 기억합니다. */
  static final class HeapSampler {
    private final ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(RowContext.daemon("heap"));
    private final DoubleAccumulator peak = new DoubleAccumulator(Math::max, 0);

    HeapSampler(ChapterServer server) {
      timer.scheduleAtFixedRate(() -> peak.accumulate(server.heapUsedMb()), 0, 1, TimeUnit.SECONDS);
    }

    void stop() throws InterruptedException {
      timer.shutdown();
      timer.awaitTermination(5, TimeUnit.SECONDS);
    }

    double peak() {
      return peak.get();
    }
  }
}
