package com.example.lab;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * STOMP 1.2 프레임 하나(명령, 헤더, 본문)와 그 직렬화/해석입니다.
 *
 * <p>웹소켓 메시지 하나에 프레임이 여러 개 오거나 하나가 나뉘어 올 수 있어서, {@link Decoder}가 받은 텍스트를 모아 NUL(\0)에서 자릅니다. 프레임 사이의
 * 줄바꿈은 하트비트이거나 RabbitMQ가 붙이는 꼬리라 건너뜁니다.
 */
record StompFrame(String command, Map<String, String> headers, String body) {

  static StompFrame of(String command, String... headerPairs) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 0; i + 1 < headerPairs.length; i += 2) {
      headers.put(headerPairs[i], headerPairs[i + 1]);
    }
    return new StompFrame(command, headers, "");
  }

  StompFrame withBody(String text) {
    return new StompFrame(command, headers, text);
  }

  String header(String name) {
    return headers.get(name);
  }

  /** stomp.js처럼 본문이 있으면 content-length(바이트)를 붙여 씁니다. */
  String encode() {
    StringBuilder out = new StringBuilder(command).append('\n');
    headers.forEach((k, v) -> out.append(k).append(':').append(v).append('\n'));
    if (!body.isEmpty()) {
      out.append("content-length:")
          .append(body.getBytes(StandardCharsets.UTF_8).length)
          .append('\n');
    }
    return out.append('\n').append(body).append('\0').toString();
  }

  /** 받은 텍스트를 이어 붙여 완성된 프레임을 꺼냅니다. 한 연결에 하나씩 씁니다(스레드 안전하지 않음). */
  static final class Decoder {
    private final StringBuilder buffer = new StringBuilder();

    List<StompFrame> feed(String text) {
      buffer.append(text);
      List<StompFrame> frames = new ArrayList<>();
      while (true) {
        int start = 0;
        while (start < buffer.length()
            && (buffer.charAt(start) == '\n' || buffer.charAt(start) == '\r')) {
          start++;
        }
        int nul = buffer.indexOf("\0", start);
        if (nul < 0) {
          buffer.delete(0, start);
          return frames;
        }
        frames.add(parse(buffer.substring(start, nul)));
        buffer.delete(0, nul + 1);
      }
    }

    /** 줄을 손으로 자릅니다(정규식 split은 부하 측정 때 실험실 CPU를 눈에 띄게 먹습니다). */
    private static StompFrame parse(String raw) {
      int headerEnd = raw.indexOf("\n\n");
      String body = headerEnd < 0 ? "" : raw.substring(headerEnd + 2);
      int end = headerEnd < 0 ? raw.length() : headerEnd;
      int lineEnd = raw.indexOf('\n');
      if (lineEnd < 0 || lineEnd > end) {
        lineEnd = end;
      }
      String command = raw.substring(0, lineEnd).strip();
      Map<String, String> headers = new LinkedHashMap<>();
      int start = lineEnd + 1;
      while (start < end) {
        int next = raw.indexOf('\n', start);
        if (next < 0 || next > end) {
          next = end;
        }
        int colon = raw.indexOf(':', start);
        if (colon > start && colon < next) {
          String value = raw.substring(colon + 1, next);
          if (value.endsWith("\r")) {
            value = value.substring(0, value.length() - 1);
          }
          headers.putIfAbsent(raw.substring(start, colon), value);
        }
        start = next + 1;
      }
      return new StompFrame(command, headers, body);
    }
  }
}
