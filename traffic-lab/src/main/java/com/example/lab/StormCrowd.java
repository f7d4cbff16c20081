package com.example.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * 입장 폭주의 클라이언트 N명을 입장 직전 상태로 만듭니다(연결, STOMP는 CONNECT와 구독까지). 연결은 폭주에 넣지 않으므로 용량 측정처럼 50명씩 천천히 붙입니다.
 * 시나리오가 쓰는 "조건이 될 때까지 기다리기"도 여기 있습니다.
 */
final class StormCrowd {

  private StormCrowd() {}

  static int closed(StormTally tally) {
    return tally.closedReasons().values().stream().mapToInt(Integer::intValue).sum();
  }

  /** 동시에 50명씩 연결합니다(용량 측정과 같은 폭). 연결은 폭주에 넣지 않습니다. */
  static List<StormClient> connect(String chapter, RowContext ctx, StormTally tally, int n)
      throws Exception {
    probe(chapter, ctx);
    Semaphore slots = new Semaphore(50);
    List<StormClient> clients = new ArrayList<>();
    List<CompletableFuture<Void>> ready = new ArrayList<>();
    String path = chapter.equals("02") ? "/ws/chat" : "/ws/websocket";
    for (int i = 0; i < n; i++) {
      StormClient client =
          chapter.equals("02")
              ? new RawStormClient(ctx, tally, i)
              : new StompStormClient(ctx, tally, i, chapter.equals("04"));
      clients.add(client);
      slots.acquire();
      ready.add(
          client
              .connect(path)
              .orTimeout(60, TimeUnit.SECONDS)
              .whenComplete((r, e) -> slots.release()));
    }
    CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).get();
    Progress.log("  " + n + "명 연결됨");
    return clients;
  }

  /**
   * 측정할 클라이언트보다 먼저 한 명이 붙어 봅니다. 4장은 서버가 준비된 뒤에도 브로커 연결(시스템 세션)이 잠깐 늦을 수 있고, 그 틈의 CONNECT는 닫힙니다. 이
   * 확인용 연결은 따로 세고(표에 넣지 않음) 바로 닫습니다.
   */
  private static void probe(String chapter, RowContext ctx) throws Exception {
    long deadline = System.nanoTime() + secs(30);
    while (true) {
      StormClient probe =
          chapter.equals("02")
              ? new RawStormClient(ctx, new StormTally(1), 0)
              : new StompStormClient(ctx, new StormTally(1), 0, chapter.equals("04"));
      try {
        probe
            .connect(chapter.equals("02") ? "/ws/chat" : "/ws/websocket")
            .get(10, TimeUnit.SECONDS);
        probe.leave().get(10, TimeUnit.SECONDS);
        return;
      } catch (Exception e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Progress.log("  확인용 연결 실패, 1초 뒤 다시: " + e.getMessage());
        waitUntil(() -> false, System.nanoTime() + secs(1));
      }
    }
  }

  static void waitUntil(BooleanSupplier done, long deadline) {
    while (!done.getAsBoolean() && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
  }

  private static long secs(long seconds) {
    return TimeUnit.SECONDS.toNanos(seconds);
  }
}
