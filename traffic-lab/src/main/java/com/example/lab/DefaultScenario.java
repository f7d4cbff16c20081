package com.example.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * 기본 시나리오: 모든 행에 같은 일을 시킵니다. 입장(행마다) → 유휴(모든 행이 함께, idle초) → 행마다 채팅(메시지 M개를 초당 R개, 보내는 사람은 돌아가며) →
 * 그 행 퇴장.
 *
 * <p>유휴 구간을 모든 행이 동시에 보내는 까닭: 행마다 60초씩 따로 기다리면 3분을 넘습니다. 유휴 트래픽은 CPU를 거의 쓰지 않아 서로 간섭하지 않고, 바이트는 행마다
 * 다른 프록시에서 셉니다. 채팅 구간은 지연을 재므로 한 번에 한 행씩 돌립니다.
 */
final class DefaultScenario {

  private final LabOptions options;
  private String brokerLabel = "-";

  DefaultScenario(LabOptions options) {
    this.options = options;
  }

  List<RowResult> run() throws Exception {
    List<String> chapters =
        options.rows().stream().map(r -> r.chapter).distinct().sorted().toList();
    Progress.log("서버 시작: " + String.join(", ", chapters) + "장");
    List<RowRun> runs = new ArrayList<>();
    List<RowResult> results = new ArrayList<>();
    try (Servers servers = new Servers(options, chapters, null)) {
      brokerLabel = servers.brokerLabel;
      for (Row row : options.rows()) {
        runs.add(
            new RowRun(row, servers.get(row.chapter).port, options.clients(), false, true, true));
      }
      List<RowRun.Snapshot[]> marks = new ArrayList<>();
      for (RowRun run : runs) {
        RowRun.Snapshot[] m = new RowRun.Snapshot[8];
        Progress.log("입장: " + run.row.label + " · " + options.clients() + "명");
        m[0] = run.mark();
        try {
          run.joinAll(20, 60);
        } catch (Exception e) {
          // 한 행이 실패해도 나머지 행은 잽니다. 이 행은 표에 "입장 실패"로 남습니다.
          run.ctx.error("입장 실패: " + e);
          run.failed = true;
        }
        m[1] = run.mark();
        marks.add(m);
      }
      settle(runs);
      Progress.log("유휴: 모든 행이 함께 " + options.idleSeconds() + "초 동안 아무 말도 하지 않습니다");
      for (int i = 0; i < runs.size(); i++) {
        marks.get(i)[2] = runs.get(i).mark();
      }
      for (int s = 0; s < options.idleSeconds(); s += 10) {
        TimeUnit.SECONDS.sleep(Math.min(10, options.idleSeconds() - s));
        Progress.log(
            String.format(
                "  유휴 %d/%d초", Math.min(s + 10, options.idleSeconds()), options.idleSeconds()));
      }
      for (int i = 0; i < runs.size(); i++) {
        marks.get(i)[3] = runs.get(i).mark();
      }
      int seq = 1;
      for (int i = 0; i < runs.size(); i++) {
        RowRun run = runs.get(i);
        RowRun.Snapshot[] m = marks.get(i);
        Progress.log(
            String.format(
                "채팅: %s · 메시지 %d개, 초당 %.0f개", run.row.label, options.messages(), options.rate()));
        m[4] = run.mark();
        Deliveries ledger =
            run.failed
                ? new Deliveries(run.clientCount, seq, options.messages())
                : run.chat(seq, options.messages(), options.rate(), 30);
        seq += options.messages();
        m[5] = run.mark();
        Deliveries.Summary summary = ledger.summary();
        Progress.log(
            String.format(
                "  배달 %d/%d, 유실 %d, 중복 %d, p99 %.1f ms",
                summary.delivered(),
                ledger.expected(),
                summary.lost(),
                summary.duplicated(),
                summary.latency().percentile(99) / 1e6));
        Progress.log("퇴장: " + run.row.label);
        m[6] = run.mark();
        run.leaveAll(20);
        m[7] = run.mark();
        results.add(result(run, m, summary, servers));
        run.close();
      }
    } finally {
      for (RowRun run : runs) {
        run.close();
      }
    }
    return results;
  }

  /**
   * 입장의 꼬리(마지막 입장자의 JOIN과 참여자 목록이 모두에게 퍼지는 중)가 유휴 구간에 섞이지 않게, 폴링이 아닌 행들의 바이트 증가가 1초에 클라이언트당 20바이트
   * 아래(하트비트 수준)로 떨어질 때까지(최대 15초) 기다립니다. 폴링 행은 원래 쉬지 않고 물으므로 보지 않습니다.
   */
  private static void settle(List<RowRun> runs) {
    List<RowRun> pushed =
        runs.stream().filter(r -> !r.row.chapter.equals("01") && r.proxy != null).toList();
    long clients = pushed.stream().mapToLong(r -> r.clientCount).sum();
    long last = pushed.stream().mapToLong(r -> r.proxy.counts().total()).sum();
    for (int second = 0; second < 15; second++) {
      java.util.concurrent.locks.LockSupport.parkNanos(1_000_000_000L);
      long now = pushed.stream().mapToLong(r -> r.proxy.counts().total()).sum();
      if (now - last < 20 * clients) {
        return;
      }
      last = now;
    }
  }

  String brokerLabel() {
    return brokerLabel;
  }

  private RowResult result(
      RowRun run, RowRun.Snapshot[] m, Deliveries.Summary summary, Servers servers) {
    RowRun.Snapshot join = m[1].minus(m[0]);
    RowRun.Snapshot idle = m[3].minus(m[2]);
    RowRun.Snapshot chat = m[5].minus(m[4]);
    RowRun.Snapshot leave = m[7].minus(m[6]);
    long up = join.bytes().up() + idle.bytes().up() + chat.bytes().up() + leave.bytes().up();
    long down =
        join.bytes().down() + idle.bytes().down() + chat.bytes().down() + leave.bytes().down();
    long requests = join.requests() + idle.requests() + chat.requests() + leave.requests();
    double idleMinutes = idle.seconds() / 60.0;
    String note =
        run.ctx.errors.get() > 0
            ? "오류 " + run.ctx.errors.get() + "건: " + run.ctx.firstError.get()
            : "";
    if (idle.requests() > 0 && run.row.chapter.equals("01")) {
      note =
          (String.format(
                      "유휴 구간 HTTP 요청 %,d회, 1회당 평균 %.0f바이트(요청+응답).",
                      idle.requests(), idle.bytes().total() / (double) idle.requests())
                  + " "
                  + note)
              .trim();
    }
    if (run.row == Row.STOMP_BROKER) {
      note = (servers.brokerLabel + " " + note).trim();
    }
    return new RowResult(
        run.row.label,
        run.clientCount,
        requests,
        up,
        down,
        summary.delivered(),
        summary.delivered() == 0 ? 0 : (double) chat.bytes().total() / summary.delivered(),
        idle.bytes().total() / (double) run.clientCount / idleMinutes,
        summary.latency().percentile(50) / 1e6,
        summary.latency().percentile(99) / 1e6,
        summary.latency().max() / 1e6,
        summary.lost(),
        summary.duplicated(),
        note);
  }
}
