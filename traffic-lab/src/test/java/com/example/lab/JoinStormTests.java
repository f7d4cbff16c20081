package com.example.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JoinStormTests {

  private static final long S = 1_000_000_000L;

  @Test
  @DisplayName("끊는 기준을 넘은 간격은 음수가 아니라 \"없음: 기준을 … s 넘음\"으로 적는다")
  void exceededMarginIsWrittenInWords() {
    // given / when: 기준 20초, 가장 긴 간격 39.48초와 12.63초
    String exceeded = StormBeatTable.margin(20 - 39.48);
    String kept = StormBeatTable.margin(20 - 12.63);

    // then
    assertThat(exceeded).isEqualTo("없음: 기준을 19.48 s 넘음");
    assertThat(kept).isEqualTo("7.37");
  }

  @Test
  @DisplayName("2장은 type이 MEMBERS인 프레임의 선 위 바이트만 참여자 목록으로 센다")
  void rawMemberListBytes() {
    // given
    StormTally tally = new StormTally(2);
    try (RowContext ctx = new RowContext("127.0.0.1", 1, "r")) {
      RawStormClient client = new RawStormClient(ctx, tally, 0);

      // when: MEMBERS 프레임(머리 포함 40바이트) 하나, JOIN 프레임(30바이트) 하나, ping(2바이트) 하나
      client.onFrame(0x1, 40);
      client.onText("{\"type\":\"MEMBERS\",\"version\":3,\"members\":[\"user0000\"]}");
      client.onFrame(0x1, 30);
      client.onText("{\"id\":2,\"type\":\"JOIN\",\"sender\":\"user0001\",\"content\":\"MEMBERS\"}");
      client.onFrame(0x9, 2);
    }

    // then
    assertThat(tally.memberListBytes.sum()).isEqualTo(40);
    assertThat(tally.memberListFrames.sum()).isEqualTo(1);
    assertThat(tally.bytes.sum()).isEqualTo(72);
    assertThat(tally.frames.sum()).isEqualTo(3);
    assertThat(tally.joins.complete()).isTrue();
  }

  @Test
  @DisplayName("STOMP는 옛 참여자 토픽과 새 참여자 큐로 온 MESSAGE만 참여자 목록으로 센다")
  void stompMemberListFrames() {
    // given
    StompFrame oldTopic = message("/topic/rooms.lobby.members", "[\"a\"]");
    StompFrame newQueue = message("/user/queue/members", "{\"room\":\"lobby\",\"members\":[]}");
    StompFrame roomTopic = message("/topic/rooms.lobby", "{\"type\":\"JOIN\"}");
    StompFrame send = StompFrame.of("SEND", "destination", "/user/queue/members");

    // then
    assertThat(StormFrames.stompMemberList(oldTopic)).isTrue();
    assertThat(StormFrames.stompMemberList(newQueue)).isTrue();
    assertThat(StormFrames.stompMemberList(roomTopic)).isFalse();
    assertThat(StormFrames.stompMemberList(send)).isFalse();
  }

  @Test
  @DisplayName("STOMP 클라이언트는 참여자 목록 메시지를 실어 온 웹소켓 메시지의 바이트를 통째로 센다")
  void stompClientCountsWholeMessage() {
    // given
    StormTally tally = new StormTally(3);
    String frame =
        message("/user/queue/members", "{\"room\":\"r\",\"members\":[\"user0001\",\"user0002\"]}")
            .encode();
    int wire = frame.getBytes(StandardCharsets.UTF_8).length + 4;
    try (RowContext ctx = new RowContext("127.0.0.1", 1, "r")) {
      StompStormClient client = new StompStormClient(ctx, tally, 0, false);

      // when: 목록 하나, 그리고 heart-beat(줄바꿈) 하나
      client.onFrame(0x1, wire);
      client.onText(frame);
      client.onFrame(0x1, 3);
      client.onText("\n");
    }

    // then: 목록은 그 바이트만, heart-beat는 전체에만 들어가고, 첫 목록으로 뒤의 두 사람을 안다
    assertThat(tally.memberListBytes.sum()).isEqualTo(wire);
    assertThat(tally.bytes.sum()).isEqualTo(wire + 3);
    assertThat(tally.joins.missing()).isEqualTo(1); // 1번이 2번을 아직 모름
  }

  @Test
  @DisplayName("모두가 자기 뒤 사람의 JOIN을 받은 순간에 조용해지고, 앞사람과 중복은 세지 않는다")
  void quietWhenEveryLaterJoinArrived() {
    // given: 세 명이면 0←1, 0←2, 1←2 세 개를 기다린다
    JoinCoverage coverage = new JoinCoverage(3);

    // when
    coverage.joined(0, 1, 1 * S);
    coverage.joined(1, 0, 2 * S); // 앞사람: 세지 않음
    coverage.joined(0, 1, 3 * S); // 중복
    coverage.joined(0, 2, 4 * S);
    long before = coverage.completedAt();
    coverage.joined(1, 2, 5 * S);

    // then
    assertThat(coverage.expected()).isEqualTo(3);
    assertThat(before).isEqualTo(-1);
    assertThat(coverage.complete()).isTrue();
    assertThat(coverage.completedAt()).isEqualTo(5 * S);
  }

  @Test
  @DisplayName("입장 기록(배열) 안의 JOIN과 참여자 목록의 닉네임에서 번호를 꺼낸다")
  void joinsFromHistoryAndMembers() {
    // given
    String history =
        "[{\"id\":1,\"type\":\"JOIN\",\"sender\":\"user0003\"},"
            + "{\"id\":2,\"type\":\"CHAT\",\"sender\":\"user0004\"},"
            + "{\"id\":3,\"type\":\"JOIN\",\"sender\":\"손님0005\"}]";
    List<Integer> joins = new ArrayList<>();
    List<Integer> members = new ArrayList<>();

    // when
    StormFrames.joins(history, joins::add);
    StormFrames.members(
        "{\"type\":\"MEMBERS\",\"room\":\"r\",\"members\":[\"user0001\",\"user0012\"]}",
        members::add);

    // then
    assertThat(joins).containsExactly(3);
    assertThat(members).containsExactly(1, 12);
  }

  @Test
  @DisplayName("신호 간격은 폭주 전 마지막 신호부터 재고, 끝날 때 열린 간격과 닫힌 연결까지 넣는다")
  void heartbeatGaps() {
    // given: 0번은 폭주(10초) 전 8초에 ping, 1번은 9초에 ping, 2번은 9초에 ping
    HeartbeatGaps gaps = new HeartbeatGaps(3);
    gaps.beat(0, 8 * S);
    gaps.beat(1, 9 * S);
    gaps.beat(2, 9 * S);
    gaps.observeFrom(10 * S);

    // when: 0번은 30초에야 다음 ping, 1번은 19초와 29초, 2번은 15초에 닫힘; 관찰은 32초에 끝
    gaps.beat(0, 30 * S);
    gaps.beat(1, 19 * S);
    gaps.beat(1, 29 * S);
    gaps.ended(2, 15 * S);
    gaps.beat(2, 31 * S); // 닫힌 뒤에는 세지 않음

    // then
    assertThat(gaps.beatsObserved()).isEqualTo(3);
    assertThat(gaps.maxGap(32 * S)).isEqualTo(22 * S);
    assertThat(gaps.maxGap(60 * S)).isEqualTo(31 * S); // 1번의 열린 간격(29초 → 60초)
  }

  @Test
  @DisplayName("닫기 프레임의 코드와 이유를 읽는다")
  void closeReason() {
    // given: 1003 + "느림"
    byte[] reason = "느림".getBytes(StandardCharsets.UTF_8);
    byte[] payload = new byte[2 + reason.length];
    payload[0] = 0x03;
    payload[1] = (byte) 0xeb;
    System.arraycopy(reason, 0, payload, 2, reason.length);

    // when / then
    assertThat(NioTextSocket.closeReason(payload, 0, payload.length))
        .isEqualTo("close frame 1003 느림");
    assertThat(NioTextSocket.closeReason(payload, 0, 0)).isEqualTo("close frame");
  }

  @Test
  @DisplayName("보고서는 목표를 판정하고, 재지 못한 값은 측정 못 함과 까닭으로 적는다")
  void reportRendering() {
    // given
    StormResult good = result("02 순수 WebSocket", 9_000_000, 0.8, 1.2, Map.of(), 1000, 10_000, 10.5);
    StormResult bad =
        result(
            "03 STOMP (WebSocket)",
            520_000_000,
            -1,
            61.0,
            Map.of("close frame 1011 | 느림", 3),
            997,
            0,
            -1);

    // when
    String md =
        JoinStormReport.render(
            "- 정보\n", List.of(good, bad, StormResult.failed("04", "04 브로커", 1000, "boom")), 120);

    // then
    assertThat(md)
        .contains(
            "| 02 순수 WebSocket | 1,000 | 9,000,000 (1,000) | 20,000,000 | 50,000 | 0.80 | 1.20 | 0"
                + " | 1,000 / 1,000 (0.05) | 달성 |")
        .contains("측정 못 함 (120초 상한 또는 10초 동안 아무것도 오지 않음, 못 받은 JOIN 7개)")
        .contains("3 × `close frame 1011 \\| 느림`")
        .contains("못 함: 목록 520.0 MB > 10 MB, 조용해지지 않음, 세션 3개 닫힘, 채팅 997/1000")
        .contains("| 02 순수 WebSocket | ping | 10.00 | 10.50 | 0.50 | 10.50 |")
        .contains("| 03 STOMP (WebSocket) | ping | - | 측정 못 함 (서버가 신호를 보내지 않음) | - |")
        .contains("| 04 브로커 | 1,000 | 실패: `boom` |")
        .contains("## 무엇을 쟀나");
  }

  private static StormResult result(
      String label,
      long memberBytes,
      double joins,
      double last,
      Map<String, Integer> closed,
      int chat,
      long interval,
      double gap) {
    return new StormResult(
        "0x",
        label,
        1000,
        memberBytes,
        1000,
        20_000_000,
        50_000,
        joins,
        7,
        last,
        closed,
        chat,
        0.05,
        "ping",
        interval,
        gap,
        gap,
        "pong-timeout 20 s",
        20_000,
        22,
        120,
        3.5,
        1.2,
        null);
  }

  private static StompFrame message(String destination, String body) {
    return StompFrame.of("MESSAGE", "subscription", "sub-5", "destination", destination)
        .withBody(body);
  }
}
