package com.example.lab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * 서버가 남긴 JFR 기록({@code -XX:StartFlightRecording})에서 "CPU 시간이 어디에 쓰였나"를 요약합니다.
 *
 * <p>실행 표본(jdk.ExecutionSample)마다 스택을 위에서부터 훑어, 처음 만나는 "알아볼 만한" 패키지(톰캣, 스프링 메시징, Jackson, JDK 네트워크
 * …)로 묶어 셉니다. 그리고 스택 맨 위 메서드 상위 몇 개를 함께 보여 줍니다.
 */
final class JfrProfile {

  private static final String[][] GROUPS = {
    {"tools.jackson", "Jackson(JSON 직렬화)"},
    {"com.fasterxml.jackson", "Jackson(JSON 직렬화)"},
    {"org.springframework.messaging.simp.stomp", "스프링 STOMP 인코딩/디코딩"},
    {"org.springframework.messaging.simp.broker", "스프링 simple broker(구독 찾기)"},
    {"org.springframework.messaging.tcp", "스프링 브로커 릴레이(TCP)"},
    {"reactor.netty", "Reactor Netty(브로커 릴레이)"},
    {"io.netty", "Netty(브로커 릴레이)"},
    {"org.springframework.messaging", "스프링 메시징(채널, 핸들러)"},
    {"org.springframework.web.socket", "스프링 WebSocket 세션"},
    {"org.apache.tomcat.websocket", "톰캣 WebSocket 프레임"},
    {"org.apache.tomcat.util.net", "톰캣 NIO 소켓"},
    {"org.apache.catalina", "톰캣 서블릿"},
    {"org.apache.coyote", "톰캣 HTTP"},
    {"com.example.chat", "채팅 코드(ChatRoom 등)"},
    {"sun.nio.ch", "JDK 소켓 입출력"},
    {"java.util.concurrent", "JDK 동시성(큐, 락)"},
    {"java.lang.invoke", "JDK 리플렉션/람다"},
    {"java.", "JDK 기타"},
    {"jdk.", "JDK 기타"},
    {"sun.", "JDK 기타"},
  };

  private JfrProfile() {}

  static String summarize(Path recording, int top) throws IOException {
    Map<String, Integer> groups = new HashMap<>();
    Map<String, Integer> methods = new HashMap<>();
    int samples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")
          || event.getStackTrace() == null) {
        continue;
      }
      List<RecordedFrame> frames = event.getStackTrace().getFrames();
      if (frames.isEmpty()) {
        continue;
      }
      samples++;
      RecordedFrame first = frames.get(0);
      methods.merge(
          first.getMethod().getType().getName() + "." + first.getMethod().getName(),
          1,
          Integer::sum);
      groups.merge(group(frames), 1, Integer::sum);
    }
    StringBuilder out = new StringBuilder();
    out.append(String.format("실행 표본 %d개%n%n| 어디에서 | 비율 |%n|---|---:|%n", samples));
    append(out, groups, samples, top);
    out.append("\n| 스택 맨 위 메서드 | 비율 |\n|---|---:|\n");
    append(out, methods, samples, top);
    return out.toString();
  }

  private static String group(List<RecordedFrame> frames) {
    for (RecordedFrame frame : frames) {
      String type = frame.getMethod().getType().getName();
      for (String[] group : GROUPS) {
        if (!group[0].startsWith("java")
            && !group[0].startsWith("jdk")
            && !group[0].startsWith("sun")
            && type.startsWith(group[0])) {
          return group[1];
        }
      }
    }
    String type = frames.get(0).getMethod().getType().getName();
    for (String[] group : GROUPS) {
      if (type.startsWith(group[0])) {
        return group[1];
      }
    }
    return "기타";
  }

  private static void append(StringBuilder out, Map<String, Integer> counts, int total, int top) {
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(top)
        .forEach(
            e ->
                out.append(
                    String.format(
                        Locale.ROOT,
                        "| `%s` | %.1f%% |%n",
                        e.getKey(),
                        100.0 * e.getValue() / Math.max(1, total))));
  }
}
