package com.example.lab;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * 클라이언트마다 서버의 "살아 있음" 신호(2장의 ping, STOMP의 모든 프레임) 사이가 가장 길게 벌어진 때를 잽니다.
 *
 * <p>서버는 상대가 조용한 시간으로 연결을 끊습니다. 2장의 ping은 그 연결의 다른 메시지 뒤에 줄을 서서 나가므로, 보내기 큐가 밀리면 ping이 늦게 닿고 그만큼
 * pong도 늦습니다. 그래서 클라이언트가 본 ping 사이의 간격이 곧 서버가 보는 침묵의 길이입니다. 관찰을 시작한 뒤에 끝난 간격만 세고, 관찰이 끝날 때 아직 열려 있는
 * 간격(마지막 신호에서 끝까지)도 셉니다: 폭주에 묻혀 신호가 아예 오지 않은 연결을 놓치지 않으려고요.
 */
final class HeartbeatGaps {

  private static final long ENDED = -1;
  private final AtomicLongArray last;
  private final AtomicLong maxGap = new AtomicLong();
  private final AtomicLong beats = new AtomicLong();
  private volatile long from = Long.MAX_VALUE;

  HeartbeatGaps(int clients) {
    this.last = new AtomicLongArray(clients);
  }

  /** 이 시각 뒤에 끝나는 간격부터 셉니다(폭주의 첫 JOIN). */
  void observeFrom(long nanos) {
    from = nanos;
  }

  void beat(int client, long nanos) {
    if (last.get(client) == ENDED) {
      return;
    }
    long previous = last.getAndSet(client, nanos);
    if (nanos >= from) {
      beats.incrementAndGet();
      if (previous != 0) {
        maxGap.accumulateAndGet(nanos - previous, Math::max);
      }
    }
  }

  /** 연결이 닫혔습니다: 마지막 신호부터 닫힌 때까지를 간격으로 세고, 이 클라이언트는 더 재지 않습니다(닫힌 뒤의 침묵은 늦음이 아닙니다). */
  void ended(int client, long nanos) {
    long previous = last.getAndSet(client, ENDED);
    if (previous > 0 && nanos >= from) {
      maxGap.accumulateAndGet(nanos - previous, Math::max);
    }
  }

  /** 모든 클라이언트가 신호를 한 번 이상 받았는지(관찰 전의 기준점이 있는지). */
  boolean allSeen() {
    for (int i = 0; i < last.length(); i++) {
      if (last.get(i) == 0) { // 닫힌 연결(ENDED)은 기준점이 있던 것으로 봅니다
        return false;
      }
    }
    return true;
  }

  /** 관찰을 시작한 뒤 받은 신호 수. */
  long beatsObserved() {
    return beats.get();
  }

  /** end까지의 가장 긴 간격(나노초). 한 번도 신호를 받지 못한 클라이언트는 관찰 시작부터 잽니다. */
  long maxGap(long end) {
    long max = maxGap.get();
    for (int i = 0; i < last.length(); i++) {
      long seen = last.get(i);
      if (seen == ENDED) {
        continue;
      }
      long open = end - (seen == 0 ? from : seen);
      max = Math.max(max, open);
    }
    return max;
  }
}
