package com.example.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * 네 장의 실제 jar를 띄워 기본 시나리오를 아주 작게(3명, 유휴 2초, 메시지 12개) 돌립니다. 4장은 실험실 안의 Artemis에 붙습니다.
 *
 * <p>속도는 보지 않고 모양만 봅니다: 여섯 행이 다 있고, 모두에게 빠짐없이 한 번씩 배달되었고, 바이트가 실제로 세어졌는지. jar는 루트 빌드(reactor)가 이
 * 모듈보다 먼저 만듭니다.
 */
class TrafficLabEndToEndTests {

  @Test
  @DisplayName("작은 기본 시나리오: 여섯 행 모두 유실 0, 중복 0으로 모두에게 배달되고 결과 파일이 생긴다")
  void smallDefaultRunHasEveryRowAndLosesNothing() throws Exception {
    // given: 3명, 유휴 2초, 메시지 12개, 내장 Artemis, 결과는 target 아래로
    Path out = Path.of("target/e2e-results").toAbsolutePath();
    LabOptions options =
        LabOptions.parse(
            "--clients=3",
            "--idle=2",
            "--messages=12",
            "--rate=30",
            "--broker=artemis",
            "--out=" + out);

    // when
    DefaultScenario scenario = new DefaultScenario(options);
    List<RowResult> rows = scenario.run();
    ReportWriter.writeDefault(options, rows, scenario.brokerLabel());

    // then: 행마다 3명 × 12개가 한 번씩
    assertThat(rows)
        .extracting(RowResult::label)
        .containsExactlyElementsOf(Row.defaultRows().stream().map(r -> r.label).toList());
    assertThat(rows)
        .allSatisfy(
            row -> {
              assertThat(row.delivered()).as(row.label()).isEqualTo(36);
              assertThat(row.lost()).as(row.label()).isZero();
              assertThat(row.duplicated()).as(row.label()).isZero();
              assertThat(row.bytesDown()).as(row.label()).isPositive();
              assertThat(row.bytesPerMessage()).as(row.label()).isPositive();
              assertThat(row.httpRequests()).as(row.label()).isPositive();
            });
    assertThat(rows.get(5).note()).contains("Artemis");
    assertThat(out.resolve("results.md")).content().contains(ReportWriter.HEADER);
    assertThat(Files.readAllLines(out.resolve("results.csv"))).hasSize(1 + 6);
    assertThat(out.resolve("bytes-per-message.svg")).exists();
    assertThat(out.resolve("idle-bytes-per-minute.svg")).exists();
    assertThat(out.resolve("latency.svg")).exists();
  }
}
