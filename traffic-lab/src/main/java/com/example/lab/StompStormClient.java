package com.example.lab;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * 3·4장({@code /ws/websocket})의 입장 폭주 클라이언트. CONNECT(heart-beat 10초) → 방 토픽, 옛 참여자 토픽, 새 참여자 큐,
 * 오류·기록 큐 구독 → (4장은 방 토픽 구독의 RECEIPT를 받으면) 준비 완료. JOIN은 시나리오가 부를 때 보냅니다.
 *
 * <p>참여자 목록이 오는 두 주소(바뀌기 전 {@code /topic/rooms.{방}.members}, 바뀐 뒤 {@code /user/queue/members})를 모두
 * 구독해서 서버가 어느 쪽이든 바이트를 셉니다. 서버가 모르는 주소의 구독은 오류 큐에 알림만 오고 연결은 그대로입니다. STOMP에서는 서버가 보낸 모든 프레임이
 * heart-beat 구실을 하므로(STOMP 1.2 "Heart-beating"), 신호 간격은 받은 프레임 사이의 간격입니다.
 */
final class StompStormClient extends StormClient {

  private final boolean waitForReceipt;
  private final StompFrame.Decoder decoder = new StompFrame.Decoder();
  private volatile ScheduledFuture<?> heartbeat;

  StompStormClient(RowContext ctx, StormTally tally, int index, boolean waitForReceipt) {
    super(ctx, tally, index);
    this.waitForReceipt = waitForReceipt;
  }

  @Override
  void opened(TextSocket socket) {
    socket.send(
        StompFrame.of(
                "CONNECT",
                "accept-version",
                "1.1,1.0",
                "heart-beat",
                "10000,10000",
                "nickname",
                nickname)
            .encode());
  }

  @Override
  void text(String text, int wireBytes, long nanos) {
    tally.beats.beat(index, nanos);
    boolean data = false;
    boolean members = false;
    for (StompFrame frame : decoder.feed(text)) {
      data = true;
      if (StormFrames.stompMemberList(frame)) {
        members = true;
        firstMemberList(frame.body(), nanos);
      }
      switch (frame.command()) {
        case "CONNECTED" -> connected(frame);
        case "RECEIPT" -> ready.complete(null);
        case "MESSAGE" -> message(frame, nanos);
        case "ERROR" -> lastError = frame.header("message"); // 닫힘은 onClosed에서 셉니다
        default -> {
          // 모르는 프레임은 무시합니다.
        }
      }
    }
    if (data) {
      tally.data(wireBytes, members, nanos); // heart-beat(줄바꿈만)는 "마지막 프레임"을 옮기지 않습니다
    }
  }

  private void connected(StompFrame frame) {
    String room = ctx.room;
    subscribe("sub-0", "/topic/rooms." + room, waitForReceipt);
    subscribe("sub-1", "/topic/rooms." + room + ".members", false);
    subscribe("sub-5", StormFrames.MEMBER_QUEUE, false);
    subscribe("sub-2", "/user/queue/errors", false);
    subscribe("sub-4", "/user/queue/history", false);
    String beat = frame.header("heart-beat");
    if (beat != null && beat.contains(",")) {
      long serverSends = Long.parseLong(beat.split(",")[0].trim());
      long serverWants = Long.parseLong(beat.split(",")[1].trim());
      tally.beatIntervalMillis.set(serverSends > 0 ? Math.max(serverSends, 10_000) : 0);
      if (serverWants > 0) {
        long every = Math.max(10_000, serverWants);
        heartbeat =
            ctx.timer.scheduleAtFixedRate(
                () -> socket.send("\n"), every, every, TimeUnit.MILLISECONDS);
      }
    }
    if (!waitForReceipt) {
      ready.complete(null); // 단순 브로커는 한 연결의 프레임을 차례로 처리하므로 구독이 JOIN보다 먼저입니다
    }
  }

  private void subscribe(String id, String destination, boolean receipt) {
    StompFrame frame = StompFrame.of("SUBSCRIBE", "id", id, "destination", destination);
    if (receipt) {
      frame.headers().put("receipt", "ready-" + index);
    }
    socket.send(frame.encode());
  }

  private void message(StompFrame frame, long nanos) {
    String subscription = frame.header("subscription");
    if ("sub-0".equals(subscription) || "sub-4".equals(subscription)) {
      StormFrames.joins(frame.body(), sender -> tally.joins.joined(index, sender, nanos));
      if ("sub-0".equals(subscription)) {
        maybeChat(frame.body(), nanos);
      }
    }
  }

  @Override
  void sendJoin() {
    socket.send(
        StompFrame.of("SEND", "destination", "/app/rooms." + ctx.room + ".join")
            .withBody("{}")
            .encode());
  }

  @Override
  void sendChat(String content) {
    socket.send(
        StompFrame.of("SEND", "destination", "/app/rooms." + ctx.room + ".send")
            .withBody("{\"content\":" + Json.quote(content) + "}")
            .encode());
  }

  @Override
  CompletableFuture<Void> leave() {
    ScheduledFuture<?> beat = heartbeat;
    if (beat != null) {
      beat.cancel(false);
    }
    TextSocket s = socket;
    if (s != null) {
      s.send(StompFrame.of("DISCONNECT").encode());
    }
    return super.leave();
  }
}
