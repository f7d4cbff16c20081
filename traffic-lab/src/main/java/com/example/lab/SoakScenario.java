package com.example.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * 소크 테스트(--soak): 1,000명을 오래(기본 10분) 붙여 두고 꾸준히 채팅시킨 뒤, 잃거나 겹친 메시지가 없는지, 힙이 자라기만 하지 않는지, 모두 나간 뒤 서버의
 * 연결이 0으로 돌아오는지 봅니다.
 *
 * <p>30초 창마다 배달과 힙(GC 직후 값)을 적어, 힙이 창마다 계속 오르는 "누수 모양"인지 표로 보이게 합니다. 마지막에 빈 방에 한 명(탐침)이 들어가 참여자 목록에
 * 자기만 있는지도 확인합니다.
 */
final class SoakScenario {

  private static final int CLIENTS = 1000;
  private static final double RATE = 5;
  private static final int WINDOW_SECONDS = 30;

  private final LabOptions options;

  SoakScenario(LabOptions options) {
    this.options = options;
  }

  String run() throws Exception {
    String chapter = options.soakChapter();
    Row row = LoadScenarios.rowFor(chapter);
    StringBuilder md = new StringBuilder();
    md.append(
        ReportWriter.runInfo(
            options,
            String.format(
                Locale.ROOT,
                "- %s장(%s), 클라이언트 %,d명, %d분, 초당 메시지 %.0f개(배달 초당 %,.0f개), 서버 -Xmx256m%n",
                chapter,
                row.label,
                CLIENTS,
                options.soakMinutes(),
                RATE,
                RATE * CLIENTS)));
    try (Servers servers = new Servers(options, List.of(chapter), null)) {
      ChapterServer server = servers.get(chapter);
      double heapStart = server.liveHeapMb();
      List<Deliveries> ledgers = new ArrayList<>();
      StringBuilder windows =
          new StringBuilder(
              "\n| 분 | 배달(누적) | 유실(누적) | 중복(누적) | p99 ms(창) | 힙 MB(GC 뒤) |\n|---:|---:|---:|---:|---:|---:|\n");
      double heapConnected;
      double heapEnd;
      int connectedBefore;
      try (RowRun run = new RowRun(row, server.port, CLIENTS, false, true, false)) {
        run.joinAll(50, 120);
        run.drainBacklog(300);
        heapConnected = server.liveHeapMb();
        connectedBefore = server.establishedConnections();
        Progress.log(
            String.format(
                Locale.ROOT,
                "소크: %d명 입장, 힙 %.0f MB, 연결 %d",
                CLIENTS,
                heapConnected,
                connectedBefore));
        int windowsTotal = options.soakMinutes() * 60 / WINDOW_SECONDS;
        int seq = 1;
        int count = (int) (RATE * WINDOW_SECONDS);
        for (int w = 0; w < windowsTotal; w++) {
          Deliveries ledger = run.chat(seq, count, RATE, 0);
          seq += count;
          ledgers.add(ledger);
          // 창의 마지막 메시지가 도착할 시간을 조금 준 뒤 잽니다(다음 창 보내기는 곧바로 이어집니다).
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
          long delivered = ledgers.stream().mapToLong(Deliveries::delivered).sum();
          Deliveries.Summary s = ledger.summary();
          double heap = server.liveHeapMb();
          windows.append(
              String.format(
                  Locale.ROOT,
                  "| %.1f | %,d | %,d | %,d | %.1f | %.0f |%n",
                  (w + 1) * WINDOW_SECONDS / 60.0,
                  delivered,
                  expected(ledgers) - delivered,
                  ledgers.stream().mapToLong(l -> l.summary().duplicated()).sum(),
                  s.latency().percentile(99) / 1e6,
                  heap));
          Progress.log(
              String.format(
                  Locale.ROOT,
                  "  소크 %.1f/%d분: 배달 %,d, 힙 %.0f MB",
                  (w + 1) * WINDOW_SECONDS / 60.0,
                  options.soakMinutes(),
                  delivered,
                  heap));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (ledgers.stream().anyMatch(l -> !l.complete()) && System.nanoTime() < deadline) {
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        heapEnd = server.liveHeapMb();
        long delivered = ledgers.stream().mapToLong(Deliveries::delivered).sum();
        long duplicated = ledgers.stream().mapToLong(l -> l.summary().duplicated()).sum();
        Progress.log("소크: 모두 퇴장");
        run.leaveAll(60);
        int remaining = awaitConnections(server, 0, 60);
        String probeMembers = probe(row, server.port);
        double heapAfter = server.liveHeapMb();
        md.append(
            String.format(
                Locale.ROOT,
                "%n| 항목 | 값 |%n|---|---:|%n| 배달 | %,d / %,d |%n| 유실 | %,d |%n| 중복 | %,d |%n"
                    + "| 오류 | %d |%n| 힙 MB(GC 뒤): 시작 → 1,000명 입장 → 끝 → 모두 퇴장 | %.0f → %.0f → %.0f → %.0f |%n"
                    + "| 서버의 열린 TCP 연결: 입장 뒤 → 퇴장 뒤 | %d → %d |%n| 퇴장 뒤 들어간 탐침이 본 참여자 | `%s` |%n",
                delivered,
                expected(ledgers),
                expected(ledgers) - delivered,
                duplicated,
                run.ctx.errors.get(),
                heapStart,
                heapConnected,
                heapEnd,
                heapAfter,
                connectedBefore,
                remaining,
                probeMembers));
        if (run.ctx.errors.get() > 0) {
          md.append("\n첫 오류: ").append(run.ctx.firstError.get()).append('\n');
        }
      }
      md.append(windows);
    }
    return md.toString();
  }

  private static long expected(List<Deliveries> ledgers) {
    return ledgers.stream().mapToLong(Deliveries::expected).sum();
  }

  private static int awaitConnections(ChapterServer server, int target, int seconds) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    int now = server.establishedConnections();
    while (now > target && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
      now = server.establishedConnections();
    }
    return now;
  }

  /**
   * 모두 나간 방에 새 이름의 한 명(탐침)을 들여보내, 들어올 때 받는 참여자 목록이 탐침 하나뿐인지 봅니다. 목록은 들어온 사람에게 한 번만 오므로, 퇴장 폭풍이 아직
   * 처리되는 중이라 유령이 보이면 나갔다가 1초 뒤 다시 들어옵니다(최대 30초). 30초 뒤에도 남은 이름은 유령입니다.
   */
  private static String probe(Row row, int port) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      String members;
      try (RowContext ctx = new RowContext("127.0.0.1", port, row.room())) {
        LabClient probe = row.client(ctx, 0, "probe", NioTextSocket.FACTORY, true);
        probe.join().get(120, TimeUnit.SECONDS);
        // 목록은 기록 뒤에 오므로, 입장이 끝난 뒤에도 잠시 기다려야 할 수 있습니다.
        long listDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ctx.lastMembers.isEmpty() && System.nanoTime() < listDeadline) {
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        members = ctx.lastMembers;
        probe.leave().get(30, TimeUnit.SECONDS);
      }
      if (members.replace(" ", "").equals("[\"probe\"]") || System.nanoTime() > deadline) {
        return members;
      }
      LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
    }
  }
}
