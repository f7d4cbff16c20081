package com.example.lab;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * 3·4장 페이지가 하는 일을 따라 하는 작은 STOMP 클라이언트입니다(stomp.js 2.3처럼 CONNECT에 하트비트 10초, 본문에 content-length).
 *
 * <p>CONNECT(닉네임 헤더) → CONNECTED → 방 토픽, 참여자 토픽, 오류·귓속말·기록 큐를 구독 → join을 보냅니다(4장은 방 토픽 구독의 RECEIPT가
 * 온 뒤에). 4장은 구독이 브로커에 닿기 전에 JOIN이 방송될 수 있어서 RECEIPT를 기다립니다(단순 브로커는 RECEIPT를 보내지 않지만, 한 연결의 프레임을 차례로
 * 처리하므로 기다릴 것이 없습니다). 기록은 join의 답으로 옵니다.
 */
final class StompClient implements LabClient, TextSocket.Listener {

  private final RowContext ctx;
  private final int index;
  private final String nickname;
  private final TextSocket.Factory factory;
  private final String path;
  private final boolean heartbeats;
  private final boolean waitForReceipt;
  private final StompFrame.Decoder decoder = new StompFrame.Decoder();
  private final CompletableFuture<Void> joined = new CompletableFuture<>();
  private final AtomicInteger joinGate;
  private volatile TextSocket socket;
  private volatile ScheduledFuture<?> heartbeat;
  private volatile boolean leaving;

  StompClient(
      RowContext ctx,
      int index,
      String nickname,
      TextSocket.Factory factory,
      String path,
      boolean heartbeats,
      boolean waitForReceipt) {
    this.ctx = ctx;
    this.index = index;
    this.nickname = nickname;
    this.factory = factory;
    this.path = path;
    this.heartbeats = heartbeats;
    this.waitForReceipt = waitForReceipt;
    this.joinGate = new AtomicInteger(waitForReceipt ? 1 : 0);
  }

  @Override
  public CompletableFuture<Void> join() {
    factory
        .open(ctx, path, this)
        .thenCompose(
            opened -> {
              socket = opened;
              return opened.send(
                  StompFrame.of(
                          "CONNECT",
                          "accept-version",
                          "1.1,1.0",
                          "heart-beat",
                          heartbeats ? "10000,10000" : "0,0",
                          "nickname",
                          nickname)
                      .encode());
            })
        .exceptionally(
            e -> {
              joined.completeExceptionally(e);
              return null;
            });
    return joined;
  }

  @Override
  public void onText(String text) {
    for (StompFrame frame : decoder.feed(text)) {
      switch (frame.command()) {
        case "CONNECTED" -> connected(frame);
        case "MESSAGE" -> message(frame);
        case "RECEIPT" -> openGate();
        case "ERROR" -> {
          if (leaving) {
            // DISCONNECT에 RECEIPT를 청하지 않으면 스프링은 ERROR "Session closed."로 답합니다(정상).
            continue;
          }
          ctx.error(nickname + ": STOMP ERROR " + frame.header("message") + " " + frame.body());
          joined.completeExceptionally(new IllegalStateException(frame.header("message")));
        }
        default -> {
          // 모르는 프레임은 무시합니다.
        }
      }
    }
  }

  private void connected(StompFrame frame) {
    String room = ctx.room;
    subscribe("sub-0", "/topic/rooms." + room, waitForReceipt);
    if (ctx.memberList) {
      subscribe("sub-1", "/user/queue/members", false);
    }
    subscribe("sub-2", "/user/queue/errors", false);
    subscribe("sub-3", "/user/queue/whispers", false);
    subscribe("sub-4", "/user/queue/history", false);
    if (joinGate.get() == 0) {
      sendJoin();
    }
    String beat = frame.header("heart-beat");
    if (heartbeats && beat != null && beat.contains(",")) {
      long serverWants = Long.parseLong(beat.split(",")[1].trim());
      if (serverWants > 0) {
        long every = Math.max(10_000, serverWants);
        heartbeat =
            ctx.timer.scheduleAtFixedRate(
                () -> socket.send("\n"), every, every, TimeUnit.MILLISECONDS);
      }
    }
  }

  private void subscribe(String id, String destination, boolean receipt) {
    StompFrame frame = StompFrame.of("SUBSCRIBE", "id", id, "destination", destination);
    if (receipt) {
      frame.headers().put("receipt", "ready-" + index);
    }
    socket.send(frame.encode());
  }

  private void message(StompFrame frame) {
    String subscription = frame.header("subscription");
    if ("sub-0".equals(subscription)) {
      LabClient.dispatch(ctx, index, nickname, frame.body(), joined);
    } else if ("sub-1".equals(subscription)) {
      // 참여자 목록은 들어온 사람에게만 한 번 옵니다: {"room":…,"version":…,"members":[…]}. 배열만 남깁니다.
      ctx.lastMembers = Json.array(frame.body(), "members");
      // 구독 순서가 어긋나 내 JOIN을 놓쳤더라도, 참여자 목록에 내가 있으면 입장한 것입니다.
      if (ctx.lastMembers.contains(Json.quote(nickname))) {
        joined.complete(null);
      }
    } else if ("sub-2".equals(subscription)) {
      ctx.error(nickname + ": " + frame.body());
    } else if ("sub-4".equals(subscription)) {
      // 기록은 join을 처리한 뒤에 오고 내 JOIN까지 들어 있으므로, 방 토픽에서 내 JOIN을 놓쳤어도(4장) 입장한 것입니다.
      joined.complete(null);
    }
  }

  private void openGate() {
    if (joinGate.decrementAndGet() == 0) {
      sendJoin();
    }
  }

  private void sendJoin() {
    socket.send(
        StompFrame.of("SEND", "destination", "/app/rooms." + ctx.room + ".join")
            .withBody("{}")
            .encode());
  }

  @Override
  public void onClosed(String reason) {
    if (!leaving) {
      ctx.error(nickname + ": 연결이 닫힘 " + reason);
      joined.completeExceptionally(new IllegalStateException("closed: " + reason));
    }
  }

  @Override
  public void send(String content) {
    socket.send(
        StompFrame.of("SEND", "destination", "/app/rooms." + ctx.room + ".send")
            .withBody("{\"content\":" + Json.quote(content) + "}")
            .encode());
  }

  @Override
  public CompletableFuture<Void> leave() {
    leaving = true;
    ScheduledFuture<?> beat = heartbeat;
    if (beat != null) {
      beat.cancel(false);
    }
    TextSocket s = socket;
    if (s == null) {
      return CompletableFuture.completedFuture(null);
    }
    s.send(StompFrame.of("DISCONNECT").encode());
    return s.close();
  }
}
