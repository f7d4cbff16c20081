package com.example.lab;

import java.util.Arrays;
import java.util.BitSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 한 묶음의 메시지(순번 {@code from} 부터 {@code count}개)가 모든 받는 사람에게 도착했는지 장부에 적습니다.
 *
 * <p>보낼 때 시각을 적고, 받은 사람마다 "받았음" 비트를 켭니다. 같은 사람에게 같은 순번이 또 오면 중복, 끝까지 켜지지 않은 비트는 유실입니다. 지연은 보낸 순간부터
 * 각 받는 사람의 수신까지(같은 JVM의 {@code System.nanoTime})입니다.
 */
final class Deliveries {

  private final int clients;
  private final int from;
  private final int count;
  private final long[] sentAt;
  private final BitSet[] seen;
  private final AtomicLong unique = new AtomicLong();
  private final AtomicLong duplicated = new AtomicLong();
  private final AtomicLong lastReceived = new AtomicLong();
  private long[] latencies = new long[1024];
  private int latencyCount;

  Deliveries(int clients, int from, int count) {
    this.clients = clients;
    this.from = from;
    this.count = count;
    this.sentAt = new long[count];
    this.seen = new BitSet[clients];
    for (int i = 0; i < clients; i++) {
      seen[i] = new BitSet(count);
    }
  }

  boolean covers(int seq) {
    return seq >= from && seq < from + count;
  }

  void sent(int seq) {
    sentAt[seq - from] = System.nanoTime();
  }

  void received(int client, int seq, long nanos) {
    if (client < 0 || client >= clients || !covers(seq)) {
      return;
    }
    BitSet bits = seen[client];
    boolean first;
    synchronized (bits) {
      first = !bits.get(seq - from);
      bits.set(seq - from);
    }
    if (!first) {
      duplicated.incrementAndGet();
      return;
    }
    unique.incrementAndGet();
    lastReceived.accumulateAndGet(nanos, Math::max);
    long sent = sentAt[seq - from];
    if (sent != 0) {
      addLatency(nanos - sent);
    }
  }

  private synchronized void addLatency(long nanos) {
    if (latencyCount == latencies.length) {
      latencies = Arrays.copyOf(latencies, latencies.length * 2);
    }
    latencies[latencyCount++] = nanos;
  }

  long expected() {
    return (long) clients * count;
  }

  boolean complete() {
    return unique.get() >= expected();
  }

  /** 첫 메시지를 보낸 순간부터 마지막 배달까지 초당 배달 수. */
  double deliveriesPerSecond() {
    long first = sentAt.length == 0 ? 0 : sentAt[0];
    long last = lastReceived.get();
    return last <= first ? 0 : unique.get() / ((last - first) / 1e9);
  }

  long delivered() {
    return unique.get();
  }

  Summary summary() {
    long[] copy;
    synchronized (this) {
      copy = Arrays.copyOf(latencies, latencyCount);
    }
    return new Summary(
        unique.get(), expected() - unique.get(), duplicated.get(), new Percentiles(copy));
  }

  /** 묶음의 결과: 도착(중복 제외), 유실, 중복, 지연 분포(나노초). */
  record Summary(long delivered, long lost, long duplicated, Percentiles latency) {}
}
