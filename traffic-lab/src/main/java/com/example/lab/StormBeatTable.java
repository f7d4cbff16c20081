package com.example.lab;

import java.util.List;
import java.util.Locale;

/**
 * 입장 폭주 결과의 뒤쪽 두 표: 서버 신호(ping, heart-beat) 간격과 서버 자원. 끊는 기준과 견줄 "여유"를 여기서 셉니다. 신호가 없거나 오지 않았으면 숫자를
 * 지어내지 않고 측정 못 함과 까닭을 씁니다.
 */
final class StormBeatTable {

  private static final String UNMEASURED = JoinStormReport.UNMEASURED;

  private StormBeatTable() {}

  static String render(List<StormResult> results) {
    StringBuilder md = new StringBuilder();
    md.append("\n## 서버 신호(heart-beat) 간격\n\n| 장 | 신호 | 설정 간격 s | 가장 긴 간격 s | 늦음 s |")
        .append(
            " 가장 긴 무소식 s | 끊는 기준 | 여유 s | 관찰 s |\n|---|---|---:|---:|---:|---:|---|---:|---:|\n");
    for (StormResult r : results) {
      if (r.error() == null) {
        md.append(beatRow(r));
      }
    }
    md.append(
        "\n## 서버 자원 (폭주 동안)\n\n| 장 | 최대 힙 MB | 서버 CPU 초 | 실험실 CPU 초 |\n|---|---:|---:|---:|\n");
    for (StormResult r : results) {
      if (r.error() == null) {
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s |%n",
                r.label(),
                number(r.peakHeapMb(), "%.0f"),
                number(r.serverCpuSeconds(), "%.1f"),
                number(r.labCpuSeconds(), "%.1f")));
      }
    }
    return md.toString();
  }

  private static String beatRow(StormResult r) {
    String gap;
    String late;
    String margin;
    if (r.beatIntervalMillis() <= 0 || r.maxBeatGapSeconds() < 0) {
      gap = UNMEASURED + (r.beatIntervalMillis() <= 0 ? " (서버가 신호를 보내지 않음)" : " (신호가 오지 않음)");
      late = "-";
      margin = "-";
    } else {
      double interval = r.beatIntervalMillis() / 1000.0;
      gap = seconds(r.maxBeatGapSeconds());
      late = seconds(Math.max(0, r.maxBeatGapSeconds() - interval));
      margin =
          r.timeoutMillis() <= 0 ? "-" : margin(r.timeoutMillis() / 1000.0 - r.maxBeatGapSeconds());
    }
    return String.format(
        Locale.ROOT,
        "| %s | %s | %s | %s | %s | %s | %s | %s | %.0f |%n",
        r.label(),
        r.beatKind(),
        r.beatIntervalMillis() <= 0 ? "-" : seconds(r.beatIntervalMillis() / 1000.0),
        gap,
        late,
        r.maxSilenceSeconds() < 0 ? UNMEASURED : seconds(r.maxSilenceSeconds()),
        r.timeoutRule(),
        margin,
        r.observedSeconds());
  }

  /** 여유가 없으면 음수 대신 "기준 넘음"과 넘은 초를 씁니다(음수는 자리 채움 숫자로 읽히기 쉽습니다). */
  static String margin(double seconds) {
    return seconds < 0 ? "없음: 기준을 " + seconds(-seconds) + " s 넘음" : seconds(seconds);
  }

  private static String seconds(double value) {
    return JoinStormReport.seconds(value);
  }

  private static String number(double value, String format) {
    return value < 0 ? UNMEASURED + " (JMX로 읽지 못함)" : String.format(Locale.ROOT, format, value);
  }
}
