package com.example.lab;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * 입장 폭주 하나의 계량기: 모든 클라이언트가 받은 바이트와 프레임, 그 가운데 참여자 목록의 몫, JOIN 도착, 서버의 신호 간격, 서버가 닫은 연결.
 *
 * <p>클라이언트들은 선택기 스레드에서 이 계량기에 적기만 하고, 시나리오는 다 끝난 뒤에 읽습니다. 바이트는 선 위의 그대로(웹소켓 프레임 머리 포함)입니다.
 */
final class StormTally {

  final LongAdder bytes = new LongAdder();
  final LongAdder frames = new LongAdder();
  final LongAdder memberListBytes = new LongAdder();
  final LongAdder memberListFrames = new LongAdder();
  final JoinCoverage joins;
  final HeartbeatGaps beats;
  final HeartbeatGaps silence;
  final AtomicInteger chatReceived = new AtomicInteger();
  final AtomicLong chatLastAt = new AtomicLong();
  private final AtomicLong lastDataAt = new AtomicLong();
  private final Map<String, Integer> closed = new TreeMap<>();

  /** STOMP에서 CONNECTED로 정해진 서버→클라이언트 heart-beat 간격(ms). 2장은 설정 파일에서 읽습니다. */
  final AtomicLong beatIntervalMillis = new AtomicLong();

  StormTally(int clients) {
    this.joins = new JoinCoverage(clients);
    this.beats = new HeartbeatGaps(clients);
    this.silence = new HeartbeatGaps(clients);
  }

  void observeFrom(long nanos) {
    beats.observeFrom(nanos);
    silence.observeFrom(nanos);
  }

  /** 웹소켓 프레임 하나(텍스트든 제어든). 모든 프레임이 "서버가 아직 말하고 있음"입니다. */
  void frame(int client, int wireBytes, long nanos) {
    bytes.add(wireBytes);
    frames.increment();
    silence.beat(client, nanos);
  }

  /** 텍스트 메시지 하나. heart-beat가 아닌 데이터면 마지막 프레임 시각을 옮기고, 참여자 목록이면 그 몫에 더합니다. */
  void data(int wireBytes, boolean memberList, long nanos) {
    lastDataAt.accumulateAndGet(nanos, Math::max);
    if (memberList) {
      memberListBytes.add(wireBytes);
      memberListFrames.increment();
    }
  }

  long lastDataAt() {
    return lastDataAt.get();
  }

  void chat(long nanos) {
    chatReceived.incrementAndGet();
    chatLastAt.accumulateAndGet(nanos, Math::max);
  }

  synchronized void closed(String reason) {
    closed.merge(reason, 1, Integer::sum);
  }

  synchronized Map<String, Integer> closedReasons() {
    return new TreeMap<>(closed);
  }
}
