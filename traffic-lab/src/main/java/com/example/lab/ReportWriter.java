package com.example.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * 결과를 세 가지로 씁니다: 마크다운 표(화면과 {@code results.md}), CSV, SVG 막대그래프 세 장(메시지당 바이트, 분당 유휴 바이트, 지연).
 *
 * <p>그래프는 라이브러리 없이 SVG 글자로 직접 그립니다. 값의 차이가 수백 배라 막대 옆에 숫자를 함께 적습니다(짧은 막대도 읽을 수 있게).
 */
final class ReportWriter {

  static final String HEADER =
      "| 행 | 클라이언트 | HTTP 요청 | 올림 바이트 | 내림 바이트 | 메시지당 바이트 | 유휴 바이트/클라이언트·분"
          + " | p50 ms | p99 ms | 최대 ms | 유실 | 중복 |";

  private ReportWriter() {}

  static String markdown(List<RowResult> rows) {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (RowResult r : rows) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %,d | %,d | %,d | %,.0f | %,.0f | %.1f | %.1f | %.1f | %d | %d |%n",
              r.label(),
              r.clients(),
              r.httpRequests(),
              r.bytesUp(),
              r.bytesDown(),
              r.bytesPerMessage(),
              r.idleBytesPerClientMinute(),
              r.p50Millis(),
              r.p99Millis(),
              r.maxMillis(),
              r.lost(),
              r.duplicated()));
    }
    String notes =
        rows.stream()
            .filter(r -> !r.note().isBlank())
            .map(r -> "- " + r.label() + ": " + r.note())
            .reduce("", (a, b) -> a + b + "\n");
    return notes.isEmpty() ? out.toString() : out.append('\n').append(notes).toString();
  }

  static String csv(List<RowResult> rows) {
    StringBuilder out =
        new StringBuilder(
            "row,clients,http_requests,bytes_up,bytes_down,delivered,bytes_per_message,"
                + "idle_bytes_per_client_minute,p50_ms,p99_ms,max_ms,lost,duplicated,note\n");
    for (RowResult r : rows) {
      out.append(
          String.format(
              Locale.ROOT,
              "\"%s\",%d,%d,%d,%d,%d,%.1f,%.1f,%.2f,%.2f,%.2f,%d,%d,\"%s\"%n",
              r.label(),
              r.clients(),
              r.httpRequests(),
              r.bytesUp(),
              r.bytesDown(),
              r.delivered(),
              r.bytesPerMessage(),
              r.idleBytesPerClientMinute(),
              r.p50Millis(),
              r.p99Millis(),
              r.maxMillis(),
              r.lost(),
              r.duplicated(),
              r.note().replace("\"", "'")));
    }
    return out.toString();
  }

  /** 가로 막대그래프 하나. series가 둘 이상이면 행마다 막대를 묶어 그립니다(p50, p99처럼). */
  @SafeVarargs
  static String svg(
      String title,
      String unit,
      List<RowResult> rows,
      List<String> names,
      ToDoubleFunction<RowResult>... series) {
    String[] colors = {"#4e79a7", "#e15759", "#59a14f"};
    int labelWidth = 260;
    int barArea = 420;
    int barHeight = 16;
    int groupHeight = barHeight * series.length + 10;
    int height = 60 + rows.size() * groupHeight + 20;
    double max = 0;
    for (RowResult r : rows) {
      for (ToDoubleFunction<RowResult> s : series) {
        max = Math.max(max, s.applyAsDouble(r));
      }
    }
    max = max <= 0 ? 1 : max;
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\" font-size=\"12\">%n",
            labelWidth + barArea + 130,
            height));
    out.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    out.append(
        String.format(
            "<text x=\"10\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s</text>%n",
            escape(title)));
    for (int s = 0; s < series.length; s++) {
      out.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"32\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                  + "<text x=\"%d\" y=\"43\">%s</text>%n",
              labelWidth + s * 120,
              colors[s % colors.length],
              labelWidth + s * 120 + 16,
              escape(names.get(s) + " (" + unit + ")")));
    }
    int y = 56;
    for (RowResult r : rows) {
      out.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
              labelWidth - 8,
              y + barHeight * series.length / 2 + 4,
              escape(r.label())));
      for (int s = 0; s < series.length; s++) {
        double value = series[s].applyAsDouble(r);
        double width = Math.max(1, value / max * barArea);
        out.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>"
                    + "<text x=\"%.1f\" y=\"%d\">%s</text>%n",
                labelWidth,
                y,
                width,
                barHeight - 2,
                colors[s % colors.length],
                labelWidth + width + 4,
                y + barHeight - 4,
                format(value)));
        y += barHeight;
      }
      y += 10;
    }
    return out.append("</svg>\n").toString();
  }

  static String format(double value) {
    if (value >= 100) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    return String.format(Locale.ROOT, "%.1f", value);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** 실행 정보(언제, 어떤 컴퓨터, 어떤 명령) 몇 줄. 문서의 숫자가 어디서 왔는지 밝힙니다. */
  static String runInfo(LabOptions options, String extra) {
    return String.format(
        "- 실행 시각: %s%n- 컴퓨터: CPU 코어 %d개, %s %s, %s %s, 기록 시점의 부하 평균(1분) %s%n- 명령: `%s`%n%s",
        ZonedDateTime.now(ZoneOffset.UTC)
            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"),
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        loadAverage(),
        options.command(),
        extra);
  }

  /** /proc/loadavg의 첫 값(다른 작업이 CPU를 얼마나 쓰고 있었는지). 리눅스가 아니면 "-". */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "-";
    }
  }

  /** 기본 시나리오의 결과 파일들을 out 폴더에 씁니다. */
  static void writeDefault(LabOptions options, List<RowResult> rows, String brokerInfo)
      throws IOException {
    Path out = options.out();
    Files.createDirectories(out);
    String md =
        "# 트래픽 실험실 결과 (기본 시나리오)\n\n"
            + runInfo(
                options,
                String.format(
                    "- 시나리오: 행마다 %d명 입장 → 모든 행 함께 유휴 %d초 → 행마다 메시지 %d개(초당 %.0f개) → 퇴장%n"
                        + "- 4장 브로커: %s%n",
                    options.clients(),
                    options.idleSeconds(),
                    options.messages(),
                    options.rate(),
                    brokerInfo))
            + "\n"
            + markdown(rows)
            + "\n바이트는 실험실의 계수 프록시에서 잰 TCP 위의 바이트(HTTP 헤더, WebSocket 프레임, STOMP 프레임 포함)이며, "
            + "행의 네 구간(입장, 유휴, 채팅, 퇴장)의 합입니다. 메시지당 바이트 = 채팅 구간 바이트(양방향) ÷ 배달 수"
            + "(받는 사람마다 1). 유휴 바이트 = 유휴 구간 바이트(양방향) ÷ 클라이언트 수 ÷ 유휴 시간(분). 지연은 보낸 순간부터 "
            + "각 받는 사람이 받기까지입니다.\n\n"
            + "![메시지당 바이트](bytes-per-message.svg)\n\n"
            + "![유휴 바이트](idle-bytes-per-minute.svg)\n\n"
            + "![지연](latency.svg)\n";
    Files.writeString(out.resolve("results.md"), md);
    Files.writeString(out.resolve("results.csv"), csv(rows));
    Files.writeString(
        out.resolve("bytes-per-message.svg"),
        svg("배달된 메시지 하나당 바이트(양방향, 채팅 구간)", "B", rows, List.of("바이트"), RowResult::bytesPerMessage));
    Files.writeString(
        out.resolve("idle-bytes-per-minute.svg"),
        svg(
            "말이 없을 때 클라이언트 하나가 1분에 쓰는 바이트",
            "B/분",
            rows,
            List.of("바이트"),
            RowResult::idleBytesPerClientMinute));
    Files.writeString(
        out.resolve("latency.svg"),
        svg(
            "배달 지연(보냄 → 각 받는 사람)",
            "ms",
            rows,
            List.of("p50", "p99"),
            RowResult::p50Millis,
            RowResult::p99Millis));
  }
}
