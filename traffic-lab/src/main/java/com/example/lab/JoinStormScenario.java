package com.example.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * 입장 폭주(--join-storm): N명을 먼저 연결해 두고 JOIN N개를 1초 동안 고르게 보내, 참여자 목록이 몇 바이트였는지, 언제 조용해지는지, 서버가 세션을
 * 끊는지, 바로 뒤의 채팅이 모두에게 가는지, 서버의 신호(ping, heart-beat)가 얼마나 늦는지 잽니다.
 *
 * <p>이슈에서 JOIN마다 참여자 목록 전체를 모두에게 보내던 2장이 1,000명의 입장에 1 GB를 쓰고 1분 넘게 시끄러웠기 때문에 생겼습니다. 실험실의 다른 부하
 * 시나리오({@link RowRun#joinAll})는 바로 그 폭주를 피하려고 입장 속도를 늦추므로, 여기서는 일부러 몰아서 들입니다.
 */
final class JoinStormScenario {

  static final int CAP_SECONDS = 120;
  private static final int CHAT_CAP_SECONDS = 20;
  private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(1);
  private final LabOptions options;
  private String brokerLabel = "-";

  JoinStormScenario(LabOptions options) {
    this.options = options;
  }

  String run() {
    List<StormResult> results = new ArrayList<>();
    for (String chapter : options.capacityChapters()) {
      results.add(chapter(chapter));
    }
    String extra =
        String.format(
            "- 클라이언트 %,d명을 먼저 연결하고 JOIN %,d개를 1초 동안 고르게(한 방), 서버 -Xmx256m, 직접 연결, 4장 브로커: %s%n",
            options.clients(), options.clients(), brokerLabel);
    return JoinStormReport.render(ReportWriter.runInfo(options, extra), results, CAP_SECONDS);
  }

  private StormResult chapter(String chapter) {
    Row row = LoadScenarios.rowFor(chapter);
    int n = options.clients();
    Progress.log("입장 폭주: " + chapter + "장, " + n + "명");
    try (Servers servers = new Servers(options, List.of(chapter), null);
        RowContext ctx = new RowContext("127.0.0.1", servers.get(chapter).port, "storm")) {
      if (chapter.equals("04")) {
        brokerLabel = servers.brokerLabel;
      }
      StormTally tally = new StormTally(n);
      List<StormClient> clients = StormCrowd.connect(chapter, ctx, tally, n);
      StormBeats beats = StormBeats.of(options.root(), chapter, tally.beatIntervalMillis.get());
      // 폭주 전의 신호 하나가 간격의 기준점입니다(2장의 ping은 서버가 정한 때에 옵니다).
      StormCrowd.waitUntil(
          tally.beats::allSeen, System.nanoTime() + beats.intervalNanos() + secs(5));
      // 3장의 단순 브로커는 RECEIPT를 보내지 않으므로, 마지막 구독이 처리될 틈을 1초 둡니다(JOIN보다 늦은 구독은 JOIN을 놓칩니다).
      StormCrowd.waitUntil(() -> false, System.nanoTime() + secs(1));
      ChapterServer server = servers.get(chapter);
      LoadScenarios.HeapSampler heap = new LoadScenarios.HeapSampler(server);
      double cpu = server.cpuSeconds();
      double lab = ChapterServer.labCpuSeconds();
      long start = System.nanoTime();
      tally.observeFrom(start);
      for (int k = 0; k < n; k++) {
        LockSupport.parkNanos(start + secs(1) * k / n - System.nanoTime());
        clients.get(k).sendJoin();
      }
      long cap = start + secs(CAP_SECONDS);
      long sent = System.nanoTime();
      LongSupplier idle = () -> System.nanoTime() - Math.max(sent, tally.lastDataAt());
      // JOIN이 다 오거나, 10초 동안 아무 데이터도 오지 않거나(닫힌 세션은 끝내 못 받습니다), 상한까지.
      StormCrowd.waitUntil(() -> tally.joins.complete() || idle.getAsLong() > secs(10), cap);
      StormCrowd.waitUntil(() -> idle.getAsLong() > QUIET_NANOS, cap);
      long joined = tally.joins.completedAt();
      long lastData = tally.lastDataAt();
      Progress.log(
          String.format(
              Locale.ROOT,
              "  JOIN 도착 %s, 목록 %,d바이트, 닫힘 %s",
              joined < 0
                  ? "못 함 (" + tally.joins.missing() + "개 남음: " + tally.joins.examples(8) + ")"
                  : since(start, joined) + "초",
              tally.memberListBytes.sum(),
              tally.closedReasons()));
      String marker = "storm-check-" + start;
      clients.forEach(c -> c.expectChat(marker));
      long chatAt = System.nanoTime();
      clients.get(0).sendChat(marker);
      StormCrowd.waitUntil(
          () -> tally.chatReceived.get() >= n - StormCrowd.closed(tally),
          chatAt + secs(CHAT_CAP_SECONDS));
      // 관찰은 간격 두 번 이상, 그리고 조용해진 뒤로도 한 간격(늦은 ping 때문에 뒤늦게 끊기는 세션을 보려고).
      long quietAt = Math.max(sent, tally.lastDataAt());
      StormCrowd.waitUntil(
          () -> false,
          Math.max(start + 2 * beats.intervalNanos(), quietAt + beats.intervalNanos()) + secs(2));
      long end = System.nanoTime();
      heap.stop();
      double serverCpu = server.cpuSeconds();
      StormResult result =
          new StormResult(
              chapter,
              row.label,
              n,
              tally.memberListBytes.sum(),
              tally.memberListFrames.sum(),
              tally.bytes.sum(),
              tally.frames.sum(),
              joined < 0 ? -1 : since(start, joined),
              tally.joins.missing(),
              lastData <= start ? -1 : since(start, lastData),
              tally.closedReasons(),
              tally.chatReceived.get(),
              tally.chatReceived.get() == 0 ? -1 : since(chatAt, tally.chatLastAt.get()),
              beats.kind(),
              beats.intervalMillis(),
              tally.beats.beatsObserved() == 0 && !tally.beats.allSeen()
                  ? -1
                  : tally.beats.maxGap(end) / 1e9,
              tally.silence.maxGap(end) / 1e9,
              beats.rule(),
              beats.timeoutMillis(),
              since(start, end),
              heap.peak(),
              cpu < 0 || serverCpu < 0 ? -1 : serverCpu - cpu,
              ChapterServer.labCpuSeconds() - lab,
              null);
      clients.forEach(StormClient::leave);
      return result;
    } catch (Exception e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      Progress.log("  " + chapter + "장 실패: " + cause);
      return StormResult.failed(chapter, row.label, n, cause.toString());
    }
  }

  private static long secs(long seconds) {
    return TimeUnit.SECONDS.toNanos(seconds);
  }

  private static double since(long from, long to) {
    return (to - from) / 1e9;
  }
}
