package com.example.lab;

import java.util.BitSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 입장 폭주에서 "방이 조용해졌는지"를 정합니다: k번째로 JOIN을 보낸 사람은 자기 뒤에 보낸 모든 사람의 JOIN을 받아야 합니다.
 *
 * <p>받는 길은 둘입니다. 방송으로 오거나, 서버가 순서를 바꿔 처리했다면(두 JOIN이 거의 동시에 도착) 내 입장 기록 안에 이미 들어 있습니다. 어느 쪽이든 한 번만
 * 셉니다. 마지막 빈칸이 채워진 순간이 "모든 JOIN 도착" 시각입니다.
 */
final class JoinCoverage {

  private final int clients;
  private final BitSet[] seen;
  private final AtomicLong missing;
  private volatile long completedAt = -1;

  JoinCoverage(int clients) {
    this.clients = clients;
    this.seen = new BitSet[clients];
    for (int i = 0; i < clients; i++) {
      seen[i] = new BitSet(clients);
    }
    this.missing = new AtomicLong(expected());
  }

  /** 모두가 받아야 할 JOIN의 수: (N−1) + (N−2) + … + 0. */
  long expected() {
    return (long) clients * (clients - 1) / 2;
  }

  /** client가 sender의 JOIN을 nanos에 받았습니다. 앞사람의 JOIN이나 모르는 이름(sender < 0)은 세지 않습니다. */
  void joined(int client, int sender, long nanos) {
    if (client < 0 || client >= clients || sender <= client || sender >= clients) {
      return;
    }
    BitSet bits = seen[client];
    synchronized (bits) {
      if (bits.get(sender)) {
        return;
      }
      bits.set(sender);
    }
    if (missing.decrementAndGet() == 0) {
      completedAt = nanos;
    }
  }

  /** 아직 오지 않은 JOIN 몇 개(진행 기록용): "받을 사람←보낸 사람". */
  String examples(int limit) {
    StringBuilder out = new StringBuilder();
    int found = 0;
    for (int client = 0; client < clients && found < limit; client++) {
      BitSet bits = seen[client];
      synchronized (bits) {
        for (int sender = bits.nextClearBit(client + 1);
            sender < clients && found < limit;
            sender = bits.nextClearBit(sender + 1)) {
          out.append(found++ == 0 ? "" : ", ").append(client).append('←').append(sender);
        }
      }
    }
    return out.toString();
  }

  long missing() {
    return missing.get();
  }

  boolean complete() {
    return missing.get() == 0;
  }

  /** 마지막 JOIN이 도착한 시각(System.nanoTime), 아직이면 -1. */
  long completedAt() {
    return completedAt;
  }
}
