package com.example.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 한 장의 서버 신호와 끊는 기준: 무엇을 신호로 보고(2장은 ping, STOMP는 모든 프레임), 간격이 얼마이고, 얼마나 조용하면 끊기는지.
 *
 * <p>값을 실험실에 박아 두지 않고 장의 {@code application.yml}과 CONNECTED에서 읽습니다. 다른 사람이 간격이나 기준을 바꾸면 표가 따라 바뀌어야
 * "이 기준에 여유가 있는가"에 답할 수 있기 때문입니다. STOMP에서 서버→클라이언트 침묵으로 끊는 쪽은 브라우저의 stomp.js 2.3입니다: 정한 간격의 두 배 동안
 * 서버에게서 아무것도 받지 못하면 닫습니다.
 */
record StormBeats(String kind, long intervalMillis, long timeoutMillis, String rule) {

  private static final long FALLBACK_MILLIS = 10_000;

  static StormBeats of(Path root, String chapter, long negotiatedMillis) {
    if (chapter.equals("02")) {
      Path yml = root.resolve("02-raw-websocket/src/main/resources/application.yml");
      long interval = yamlMillis(yml, "ping-interval");
      long timeout = yamlMillis(yml, "pong-timeout");
      return new StormBeats(
          "ping",
          interval,
          timeout,
          timeout > 0 ? "pong-timeout " + timeout / 1000 + " s (서버가 끊음)" : "모름 (설정을 읽지 못함)");
    }
    long timeout = 2 * negotiatedMillis;
    return new StormBeats(
        "프레임 (heart-beat 포함)",
        negotiatedMillis,
        timeout,
        negotiatedMillis > 0 ? "2 × 간격 = " + timeout / 1000 + " s (stomp.js 2.3이 끊음)" : "없음");
  }

  /** 관찰을 늘릴 간격(나노초). 신호가 없으면 10초로 잡습니다. */
  long intervalNanos() {
    return (intervalMillis > 0 ? intervalMillis : FALLBACK_MILLIS) * 1_000_000;
  }

  /** {@code key: 10s} 꼴(초, 또는 ms)의 값, 없으면 0. */
  static long yamlMillis(Path yml, String key) {
    try {
      Matcher m =
          Pattern.compile("(?m)^\\s*" + Pattern.quote(key) + ":\\s*(\\d+)(ms|s)\\s*$")
              .matcher(Files.readString(yml));
      if (!m.find()) {
        return 0;
      }
      long value = Long.parseLong(m.group(1));
      return m.group(2).equals("s") ? value * 1000 : value;
    } catch (IOException e) {
      return 0;
    }
  }
}
