package com.example.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class ReportWriterTests {

  private final List<RowResult> rows =
      List.of(
          new RowResult(
              "01 짧은 폴링 (1초)",
              50,
              3456,
              1_234_567,
              2_345_678,
              10_000,
              812.4,
              41_000,
              512.3,
              1010.0,
              1020.5,
              0,
              0,
              ""),
          new RowResult(
              "02 순수 WebSocket",
              50,
              50,
              12_345,
              1_456_789,
              10_000,
              150.2,
              0,
              1.2,
              5.5,
              9.9,
              0,
              0,
              "메모 \"따옴표\""));

  @Test
  @DisplayName("마크다운 표는 머리줄 다음에 행마다 한 줄이고 숫자는 천 단위로 끊는다")
  void markdownTable() {
    // when
    String md = ReportWriter.markdown(rows);

    // then
    List<String> lines = md.lines().toList();
    assertThat(lines.get(0)).isEqualTo(ReportWriter.HEADER);
    assertThat(lines.get(2))
        .isEqualTo(
            "| 01 짧은 폴링 (1초) | 50 | 3,456 | 1,234,567 | 2,345,678 | 812 | 41,000 | 512.3 | 1010.0"
                + " | 1020.5 | 0 | 0 |");
    assertThat(lines.get(3)).startsWith("| 02 순수 WebSocket | 50 | 50 | 12,345 |");
    assertThat(md).contains("- 02 순수 WebSocket: 메모");
  }

  @Test
  @DisplayName("CSV는 머리줄과 행마다 한 줄이며 따옴표를 망가뜨리지 않는다")
  void csv() {
    // when
    List<String> lines = ReportWriter.csv(rows).lines().toList();

    // then
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("row,clients,http_requests,bytes_up,bytes_down");
    assertThat(lines.get(1))
        .isEqualTo(
            "\"01 짧은 폴링 (1초)\",50,3456,1234567,2345678,10000,812.4,41000.0,512.30,1010.00,1020.50,0,0,\"\"");
    assertThat(lines.get(2)).endsWith(",0,0,\"메모 '따옴표'\"");
  }

  @Test
  @DisplayName("SVG 막대그래프는 올바른 XML이고 행마다 계열 수만큼 막대와 숫자가 있다")
  void svgChart() throws Exception {
    // when: 계열 둘(p50, p99)
    String svg =
        ReportWriter.svg(
            "지연", "ms", rows, List.of("p50", "p99"), RowResult::p50Millis, RowResult::p99Millis);

    // then
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    // 배경 1 + 범례 2 + 막대 2행×2계열
    assertThat(doc.getElementsByTagName("rect").getLength()).isEqualTo(1 + 2 + 4);
    assertThat(svg).contains("01 짧은 폴링 (1초)").contains("1,010").contains("5.5");
  }
}
