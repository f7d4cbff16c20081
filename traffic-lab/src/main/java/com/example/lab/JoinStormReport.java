package com.example.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * 입장 폭주 결과를 마크다운 표 셋(바이트와 시간, 서버 신호 간격, 서버 자원)과 칸 설명으로 씁니다. 재지 못한 값은 숫자를 지어내지 않고 "측정 못 함"과 그 까닭을
 * 적습니다.
 */
final class JoinStormReport {

  static final long MEMBER_BUDGET_BYTES = 10_000_000;
  static final double QUIET_SECONDS = 2.0;
  static final String UNMEASURED = "측정 못 함";

  private JoinStormReport() {}

  static String render(String runInfo, List<StormResult> results, int capSeconds) {
    StringBuilder md = new StringBuilder("# 입장 폭주 측정 (--join-storm)\n\n").append(runInfo);
    md.append("\n## 바이트와 시간\n\n| 장 | 클라이언트 | 참여자 목록 바이트 (프레임) | 받은 바이트 | 받은 프레임 |")
        .append(" 모든 JOIN 도착 s | 마지막 프레임 s | 서버가 닫은 세션 | 채팅 받은 사람 (s) | 목표 |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---|---:|---|\n");
    for (StormResult r : results) {
      if (r.error() != null) {
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %,d | 실패: `%s` | | | | | | | |%n",
                r.label(),
                r.clients(),
                r.error()));
        continue;
      }
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %,d (%,d) | %,d | %,d | %s | %s | %s | %,d / %,d (%s) | %s |%n",
              r.label(),
              r.clients(),
              r.memberListBytes(),
              r.memberListFrames(),
              r.bytes(),
              r.frames(),
              r.joinsSeconds() < 0
                  ? UNMEASURED
                      + " ("
                      + capSeconds
                      + "초 상한 또는 10초 동안 아무것도 오지 않음, 못 받은 JOIN "
                      + r.joinsMissing()
                      + "개)"
                  : seconds(r.joinsSeconds()),
              r.lastFrameSeconds() < 0
                  ? UNMEASURED + " (데이터 프레임 없음)"
                  : seconds(r.lastFrameSeconds()),
              closed(r.closed()),
              r.chatReceived(),
              r.clients(),
              r.chatSeconds() < 0 ? "-" : seconds(r.chatSeconds()),
              goal(r)));
    }
    md.append(StormBeatTable.render(results));
    return md.append(JoinStormNotes.TEXT).toString();
  }

  /** 목표를 지켰으면 "달성", 아니면 어긴 것들. */
  static String goal(StormResult r) {
    List<String> misses = new ArrayList<>();
    if (r.memberListBytes() > MEMBER_BUDGET_BYTES) {
      misses.add(String.format(Locale.ROOT, "목록 %.1f MB > 10 MB", r.memberListBytes() / 1e6));
    }
    double quiet = Math.max(r.joinsSeconds(), r.lastFrameSeconds());
    if (r.joinsSeconds() < 0) {
      misses.add("조용해지지 않음");
    } else if (quiet > QUIET_SECONDS) {
      misses.add(String.format(Locale.ROOT, "조용해지기까지 %.1f s > 2 s", quiet));
    }
    if (r.closedCount() > 0) {
      misses.add("세션 " + r.closedCount() + "개 닫힘");
    }
    if (r.chatReceived() < r.clients()) {
      misses.add("채팅 " + r.chatReceived() + "/" + r.clients());
    }
    return misses.isEmpty() ? "달성" : "못 함: " + String.join(", ", misses);
  }

  static String closed(Map<String, Integer> closed) {
    if (closed.isEmpty()) {
      return "0";
    }
    List<String> parts = new ArrayList<>();
    closed.forEach(
        (reason, count) ->
            parts.add(String.format("%,d × `%s`", count, reason.replace("|", "\\|"))));
    return String.join("; ", parts);
  }

  static String seconds(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
