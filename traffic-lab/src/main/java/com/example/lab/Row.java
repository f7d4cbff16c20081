package com.example.lab;

import java.util.Arrays;
import java.util.List;

/**
 * 결과 표의 행: 어느 장을 어떤 전송 방식으로 재는지, 그리고 그 방식의 클라이언트를 만드는 법.
 *
 * <p>3장은 같은 서버를 두 방식(WebSocket, SockJS xhr-streaming)으로, 1장은 짧은/긴 폴링으로 잽니다. 행마다 방 이름과 프록시가 따로라 바이트가
 * 섞이지 않습니다.
 */
enum Row {
  SHORT_POLLING("01-short", "01", "01 짧은 폴링 (1초)"),
  LONG_POLLING("01-long", "01", "01 긴 폴링"),
  RAW_WEBSOCKET("02", "02", "02 순수 WebSocket"),
  STOMP_WEBSOCKET("03", "03", "03 STOMP (WebSocket)"),
  STOMP_SOCKJS("03-sockjs", "03", "03 STOMP (SockJS xhr-streaming)"),
  STOMP_BROKER("04", "04", "04 STOMP + 외부 브로커"),
  BROKER_DIRECT("broker", "04", "RabbitMQ 직접 (STOMP over TCP, 스프링 없음)"),
  FANOUT("fanout", "03", "인스턴스마다 구독 하나 (RabbitMQ → 3장 서버가 뿌림)");

  final String key;
  final String chapter;
  final String label;

  Row(String key, String chapter, String label) {
    this.key = key;
    this.chapter = chapter;
    this.label = label;
  }

  static Row byKey(String key) {
    for (Row row : values()) {
      if (row.key.equals(key) && defaultRows().contains(row)) {
        return row;
      }
    }
    throw new IllegalArgumentException(
        "모르는 행: " + key + " (01-short, 01-long, 02, 03, 03-sockjs, 04)");
  }

  /** 기본 시나리오의 행: 4장 옆의 두 기준 행(지연 모드 전용)을 뺀 것. */
  static List<Row> defaultRows() {
    return Arrays.stream(values()).filter(r -> r != BROKER_DIRECT && r != FANOUT).toList();
  }

  String room() {
    return "lab-" + key;
  }

  /** 이 행의 가상 사용자 하나. ws는 WebSocket 통로를 여는 방법입니다(JDK, 압축, NIO). */
  LabClient client(
      RowContext ctx, int index, String nickname, TextSocket.Factory ws, boolean beats) {
    return switch (this) {
      case SHORT_POLLING -> new PollingClient(ctx, index, nickname, false, 1000);
      case LONG_POLLING -> new PollingClient(ctx, index, nickname, true, 0);
      case RAW_WEBSOCKET -> new RawWebSocketClient(ctx, index, nickname, ws);
      case STOMP_WEBSOCKET ->
          new StompClient(ctx, index, nickname, ws, "/ws/websocket", beats, false);
      case STOMP_SOCKJS ->
          new StompClient(ctx, index, nickname, SockJsTextSocket.FACTORY, "/ws", beats, false);
      case STOMP_BROKER -> new StompClient(ctx, index, nickname, ws, "/ws/websocket", beats, true);
      case BROKER_DIRECT -> new DirectStompClient(ctx, index, nickname, beats);
      case FANOUT -> new StompClient(ctx, index, nickname, ws, "/ws/websocket", beats, false);
    };
  }

  /**
   * 가상 사용자의 닉네임. 기본 시나리오는 한글(바이트가 실제와 같게), 부하 모드는 ASCII입니다: 2~4장은 입장할 때마다 참여자 목록 전체를 모두에게
   * 보내서(1,000명이면 목록 하나가 10KB) 입장 구간에 실험실이 한글 UTF-8 해독에 CPU를 크게 씁니다. 측정 구간(채팅)에는 영향이 없습니다.
   */
  static String nickname(int index, boolean ascii) {
    return String.format(ascii ? "user%04d" : "손님%04d", index);
  }
}
