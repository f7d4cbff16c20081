package com.example.lab;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * 한 행을 실제로 돌리는 것: 프록시 하나, 가상 사용자 N명, 그리고 구간마다의 계량기 읽기.
 *
 * <p>구간(입장, 유휴, 채팅, 퇴장)의 시작과 끝에 프록시의 누적 바이트와 요청 수를 읽어 두고, 그 차이를 그 구간의 트래픽으로 씁니다. 그래서 다른 행이 채팅하는 동안
 * 이 행이 기다린 시간의 트래픽은 표에 들어가지 않습니다.
 */
final class RowRun implements AutoCloseable {

  final Row row;
  final int clientCount;
  final CountingProxy proxy;
  final RowContext ctx;
  private final List<LabClient> clients = new ArrayList<>();
  private final List<Snapshot> marks = new ArrayList<>();

  private static final double JOIN_FANOUT_PER_SECOND = 10_000;

  /** 부하 모드(프록시 없음)에서는 입장 속도를 조절합니다({@link #joinAll}). */
  private final boolean pacedJoins;

  /** 있으면 모든 글을 이 클라이언트가 보냅니다("인스턴스마다 구독 하나" 모형의 {@link FanoutBridge#sender}). */
  volatile LabClient sender;

  /** 입장에 실패한 행: 채팅을 건너뛰고 표에 실패로 남깁니다. */
  volatile boolean failed;

  /** viaProxy가 false면 서버에 바로 붙습니다(용량 측정: 프록시의 CPU를 빼려고). */
  RowRun(Row row, int serverPort, int clients, boolean deflate, boolean beats, boolean viaProxy)
      throws IOException {
    this.row = row;
    this.clientCount = clients;
    // 브로커에 바로 붙는 기준 행은 JOIN을 방송하지 않으므로 입장 속도를 맞출 까닭이 없습니다.
    this.pacedJoins = !viaProxy && row != Row.BROKER_DIRECT;
    this.proxy = viaProxy ? new CountingProxy(serverPort) : null;
    this.ctx = new RowContext("127.0.0.1", viaProxy ? proxy.port() : serverPort, row.room());
    this.ctx.memberList = viaProxy;
    // 통로: 압축 실험은 직접 짠 압축 클라이언트, 부하 모드(프록시 없음)는 가벼운 NIO 클라이언트, 기본 시나리오는 JDK WebSocket.
    TextSocket.Factory ws =
        deflate
            ? DeflateTextSocket.FACTORY
            : (viaProxy ? JdkTextSocket.FACTORY : NioTextSocket.FACTORY);
    for (int i = 0; i < clients; i++) {
      this.clients.add(row.client(ctx, i, Row.nickname(i, !viaProxy), ws, beats));
    }
  }

  Snapshot mark() {
    Snapshot snapshot =
        new Snapshot(
            proxy == null ? new CountingProxy.Counts(0, 0, 0) : proxy.counts(),
            ctx.httpRequests.get(),
            System.nanoTime());
    marks.add(snapshot);
    return snapshot;
  }

  /** 동시에 최대 parallel명씩 입장시키고, 모두 입장할 때까지 기다립니다. */
  void joinAll(int parallel, long timeoutSeconds) throws Exception {
    Semaphore slots = new Semaphore(parallel);
    List<CompletableFuture<Void>> joins = new ArrayList<>();
    long started = System.nanoTime();
    int done = 0;
    long paceStart = System.nanoTime();
    double fanout = 0;
    for (LabClient client : clients) {
      if (pacedJoins) {
        // 부하 모드: k번째 입장은 JOIN 메시지를 k명에게 보내게 하므로, 입장으로 생기는 배달이 초당 1만 개를 넘지 않게
        // 속도를 맞춥니다. 한꺼번에 들이면 서버의 보내기 큐가 쌓여 -Xmx256m 서버가 메모리 부족으로 죽습니다.
        fanout += done + 1;
        long due = paceStart + (long) (fanout / JOIN_FANOUT_PER_SECOND * 1e9);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
      }
      slots.acquire();
      CompletableFuture<Void> joined =
          client
              .join()
              .orTimeout(timeoutSeconds, TimeUnit.SECONDS)
              .whenComplete((r, e) -> slots.release());
      joins.add(joined);
      if (++done % 250 == 0) {
        Progress.log(String.format("  [%s] 입장 요청 %d/%d", row.key, done, clients.size()));
      }
    }
    CompletableFuture.allOf(joins.toArray(CompletableFuture[]::new)).get();
    Progress.log(
        String.format(
            "  [%s] %d명 입장 완료 (%.1f초)",
            row.key, clients.size(), (System.nanoTime() - started) / 1e9));
  }

  /** 순번 from부터 count개를 초당 rate개로 보내고(보내는 사람은 돌아가며), 모두 배달되거나 drainSeconds가 지날 때까지 기다립니다. */
  Deliveries chat(int from, int count, double rate, long drainSeconds) {
    return chatFrom(-1, from, count, rate, drainSeconds);
  }

  /** sender가 0 이상이면 그 한 사람만 보냅니다(스프링 부하 테스트 모양). */
  Deliveries chatFrom(int sender, int from, int count, double rate, long drainSeconds) {
    Deliveries ledger = new Deliveries(clients.size(), from, count);
    ctx.track(ledger);
    long start = System.nanoTime();
    long gap = (long) (1e9 / rate);
    for (int i = 0; i < count; i++) {
      long due = start + i * gap;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      int seq = from + i;
      ledger.sent(seq);
      LabClient via =
          this.sender != null
              ? this.sender
              : clients.get(sender >= 0 ? sender : i % clients.size());
      via.send(RowContext.content(seq));
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(drainSeconds);
    while (!ledger.complete() && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
    return ledger;
  }

  /**
   * 입장의 꼬리가 다 빠질 때까지 기다립니다. 1,000명이 한 방에 들어오면 JOIN 메시지만 약 50만 번 배달되어야 해서(1+2+…+1,000), 입장이 끝난 뒤에도
   * 서버의 보내기 큐에 한참 남아 있습니다. 표시용 메시지 하나를 보내 모두가 받을 때까지 기다린 뒤에 측정을 시작합니다.
   */
  void drainBacklog(long timeoutSeconds) {
    long started = System.nanoTime();
    Deliveries marker = chat(BACKLOG_MARKER, 1, 1, timeoutSeconds);
    Progress.log(
        String.format(
            "  [%s] 입장 꼬리 비우기: %.1f초 (표시 메시지 %d/%d명)",
            row.key, (System.nanoTime() - started) / 1e9, marker.delivered(), clients.size()));
  }

  /** 표시 메시지의 순번(측정 순번과 겹치지 않게 큰 값). */
  static final int BACKLOG_MARKER = 2_000_000_000;

  LabClient client(int index) {
    return clients.get(index);
  }

  void leaveAll(long timeoutSeconds) {
    List<CompletableFuture<Void>> leaves = new ArrayList<>();
    for (LabClient client : clients) {
      leaves.add(client.leave().exceptionally(e -> null));
    }
    try {
      CompletableFuture.allOf(leaves.toArray(CompletableFuture[]::new))
          .get(timeoutSeconds, TimeUnit.SECONDS);
    } catch (Exception e) {
      Progress.log("  [" + row.key + "] 퇴장이 " + timeoutSeconds + "초 안에 다 끝나지 않았습니다");
    }
  }

  @Override
  public void close() throws IOException {
    ctx.close();
    if (proxy != null) {
      proxy.close();
    }
  }

  /** 계량기 읽기 한 번: 누적 바이트, 누적 HTTP 요청 수, 시각. */
  record Snapshot(CountingProxy.Counts bytes, long requests, long nanos) {
    Snapshot minus(Snapshot earlier) {
      return new Snapshot(
          bytes.minus(earlier.bytes), requests - earlier.requests, nanos - earlier.nanos);
    }

    double seconds() {
      return nanos / 1e9;
    }
  }
}
