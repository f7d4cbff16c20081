package com.example.lab;

import java.util.List;
import java.util.Locale;

/**
 * permessage-deflate 실험(--deflate): 같은 채팅을 압축 없이, 그리고 브라우저처럼 압축을 청해서 돌려 메시지당 바이트를 비교합니다.
 *
 * <p>STOMP 프레임은 매번 거의 같은 헤더(destination, subscription, message-id, content-type…)를 싣는데, DEFLATE는
 * 연결마다 사전을 이어 쓰므로(context takeover) 두 번째 메시지부터 그 반복이 몇 바이트로 줄어듭니다. 압축한 쪽은 직접 짠 소켓 클라이언트({@link
 * DeflateTextSocket}), 압축하지 않은 쪽은 JDK 클라이언트입니다(둘 다 같은 브라우저 같은 핸드셰이크 헤더를 싣습니다).
 */
final class DeflateScenario {

  private final LabOptions options;

  DeflateScenario(LabOptions options) {
    this.options = options;
  }

  String run() throws Exception {
    int clients = Math.min(options.clients(), 20);
    int messages = options.messages();
    StringBuilder md = new StringBuilder("# permessage-deflate 실험 (--deflate)\n\n");
    md.append(
        ReportWriter.runInfo(
            options,
            String.format(
                Locale.ROOT,
                "- 행마다 %d명, 메시지 %d개(초당 %.0f개), 계수 프록시 경유%n%n",
                clients,
                messages,
                options.rate())));
    md.append(
        "| 행 | 압축 | 협상된 연결 | 채팅 구간 올림 B/보낸 메시지 | 채팅 구간 내림 B/배달 | 메시지당 바이트(양방향) | 유실 | 중복 |\n");
    md.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
    try (Servers servers = new Servers(options, List.of("02", "03"), null)) {
      int seq = 1;
      for (Row row : List.of(Row.RAW_WEBSOCKET, Row.STOMP_WEBSOCKET)) {
        for (boolean deflate : new boolean[] {false, true}) {
          Progress.log("압축 실험: " + row.label + (deflate ? " · permessage-deflate" : " · 압축 없음"));
          long negotiatedBefore = DeflateTextSocket.NEGOTIATED.get();
          try (RowRun run =
              new RowRun(row, servers.get(row.chapter).port, clients, deflate, true, true)) {
            run.joinAll(20, 60);
            RowRun.Snapshot before = run.mark();
            Deliveries ledger = run.chat(seq, messages, options.rate(), 30);
            seq += messages;
            RowRun.Snapshot chat = run.mark().minus(before);
            Deliveries.Summary s = ledger.summary();
            md.append(
                String.format(
                    Locale.ROOT,
                    "| %s | %s | %d | %.0f | %.0f | %.0f | %d | %d |%n",
                    row.label,
                    deflate ? "permessage-deflate" : "없음",
                    DeflateTextSocket.NEGOTIATED.get() - negotiatedBefore,
                    chat.bytes().up() / (double) messages,
                    chat.bytes().down() / (double) Math.max(1, s.delivered()),
                    chat.bytes().total() / (double) Math.max(1, s.delivered()),
                    s.lost(),
                    s.duplicated()));
            run.leaveAll(20);
          }
        }
      }
    }
    return md.toString();
  }
}
