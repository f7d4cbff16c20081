package com.example.lab;

import java.util.Map;

/**
 * 한 장의 입장 폭주 결과(표의 한 줄). 시간은 첫 JOIN을 보낸 순간부터의 초이고, 재지 못한 값은 -1입니다.
 *
 * @param joinsSeconds 모든 클라이언트가 기다리던 JOIN을 다 받은 때, 상한 안에 끝나지 않았으면 -1
 * @param joinsMissing 상한이 지났을 때 아직 오지 않은 JOIN 수
 * @param lastFrameSeconds 채팅 확인 전에 받은 마지막 데이터 프레임(heart-beat 제외)
 * @param chatSeconds 채팅을 보낸 순간부터 받은 마지막 사람까지
 * @param beatIntervalMillis 서버가 신호를 보내는 간격(2장 ping-interval, STOMP는 CONNECTED로 정한 값), 0이면 신호 없음
 * @param maxBeatGapSeconds 관찰 동안 어느 클라이언트든 본 가장 긴 신호 간격
 * @param maxSilenceSeconds 관찰 동안 어느 클라이언트든 서버에게서 아무 프레임도 받지 못한 가장 긴 시간
 * @param timeoutMillis 그만큼 조용하면 연결을 끊는 시간(2장 pong-timeout, 3장 heart-beat의 세 배), 0이면 모름
 * @param error 장 전체가 실패했으면 그 까닭, 아니면 null
 */
record StormResult(
    String chapter,
    String label,
    int clients,
    long memberListBytes,
    long memberListFrames,
    long bytes,
    long frames,
    double joinsSeconds,
    long joinsMissing,
    double lastFrameSeconds,
    Map<String, Integer> closed,
    int chatReceived,
    double chatSeconds,
    String beatKind,
    long beatIntervalMillis,
    double maxBeatGapSeconds,
    double maxSilenceSeconds,
    String timeoutRule,
    long timeoutMillis,
    double observedSeconds,
    double peakHeapMb,
    double serverCpuSeconds,
    double labCpuSeconds,
    String error) {

  static StormResult failed(String chapter, String label, int clients, String error) {
    return new StormResult(
        chapter, label, clients, 0, 0, 0, 0, -1, 0, -1, Map.of(), 0, -1, "-", 0, -1, -1, "-", 0, 0,
        -1, -1, -1, error);
  }

  int closedCount() {
    return closed.values().stream().mapToInt(Integer::intValue).sum();
  }
}
