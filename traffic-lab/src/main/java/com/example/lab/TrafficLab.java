package com.example.lab;

import java.util.List;

/**
 * 트래픽 실험실의 입구. 옵션을 읽고 시나리오 하나를 돌려 결과를 표준 출력(마크다운 표)과 {@code docs/traffic/}에 씁니다.
 *
 * <p>진행 상황은 표준 오류로 나갑니다. 각 장의 jar가 먼저 있어야 합니다: 루트에서 {@code mvn -q -DskipTests package}.
 */
public final class TrafficLab {

  private TrafficLab() {}

  public static void main(String[] args) throws Exception {
    LabOptions options;
    try {
      options = LabOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(LabOptions.usage());
      return;
    }
    System.out.println(run(options));
  }

  private static String write(LabOptions options, String file, String markdown)
      throws java.io.IOException {
    java.nio.file.Files.createDirectories(options.out());
    java.nio.file.Files.writeString(options.out().resolve(file), markdown);
    return markdown;
  }

  /** 시나리오를 돌리고 화면에 낼 마크다운을 돌려줍니다(테스트도 이 메서드를 부릅니다). */
  static String run(LabOptions options) throws Exception {
    long started = System.nanoTime();
    String output =
        switch (options.mode()) {
          case "default" -> {
            DefaultScenario scenario = new DefaultScenario(options);
            List<RowResult> rows = scenario.run();
            ReportWriter.writeDefault(options, rows, scenario.brokerLabel());
            yield ReportWriter.markdown(rows);
          }
          case "capacity" -> write(options, "capacity.md", new LoadScenarios(options).capacity());
          case "latency" -> write(options, "latency.md", new LoadScenarios(options).latency());
          case "spring-shape" ->
              write(options, "spring-shape.md", new LoadScenarios(options).springShape());
          case "deflate" -> write(options, "deflate.md", new DeflateScenario(options).run());
          case "soak" ->
              write(options, "soak.md", "# 소크 테스트 (--soak)\n\n" + new SoakScenario(options).run());
          case "join-storm" ->
              write(options, "join-storm.md", new JoinStormScenario(options).run());
          case "chromium-check" ->
              write(options, "chromium-headers.md", new ChromiumCheck(options).run());
          default -> throw new IllegalArgumentException("모르는 모드: " + options.mode());
        };
    Progress.log(
        String.format("끝: %.0f초, 결과는 %s", (System.nanoTime() - started) / 1e9, options.out()));
    return output;
  }
}
