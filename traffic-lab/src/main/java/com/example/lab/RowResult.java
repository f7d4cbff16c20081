package com.example.lab;

/**
 * 결과 표의 한 줄. 바이트는 프록시에서 잰 값이며, 행의 네 구간(입장, 유휴, 채팅, 퇴장)의 합입니다.
 *
 * @param bytesPerMessage 채팅 구간에 오간 바이트(양방향)를 배달된 메시지 수(받는 사람마다 1)로 나눈 값
 * @param idleBytesPerClientMinute 유휴 구간 바이트(양방향) ÷ 클라이언트 수 ÷ 유휴 시간(분)
 * @param p50Millis 보낸 순간부터 각 받는 사람이 받기까지, 중앙값
 */
record RowResult(
    String label,
    int clients,
    long httpRequests,
    long bytesUp,
    long bytesDown,
    long delivered,
    double bytesPerMessage,
    double idleBytesPerClientMinute,
    double p50Millis,
    double p99Millis,
    double maxMillis,
    long lost,
    long duplicated,
    String note) {}
