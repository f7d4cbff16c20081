package com.example.lab;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * 스프링을 거치지 않고 브로커에 바로 붙는 구독자 한 명: "RabbitMQ 직접" 기준 행.
 *
 * <p>4장의 릴레이가 브라우저 한 명을 위해 브로커에 하는 일과 같은 모양입니다. STOMP로 붙고(guest, 가상 호스트 /), 방 토픽 하나를 구독하고(RabbitMQ는
 * 구독마다 큐를 하나 만듭니다), 보내기는 그 토픽에 바로 SEND합니다. 본문은 4장이 방송하는 CHAT 메시지와 같은 JSON 모양이라 배달 장부가 같은 방식으로 셉니다.
 * 구독의 RECEIPT가 오면 입장한 것으로 칩니다. 데이터베이스, 순번, 도배 방지는 없습니다: 이 행은 브로커가 낼 수 있는 바닥입니다.
 */
final class DirectStompClient implements LabClient, TextSocket.Listener {

  private final RowContext ctx;
  private final int index;
  private final String nickname;
  private final boolean heartbeats;
  private final StompFrame.Decoder decoder = new StompFrame.Decoder();
  private final CompletableFuture<Void> joined = new CompletableFuture<>();
  private volatile TextSocket socket;
  private volatile ScheduledFuture<?> heartbeat;
  private volatile boolean leaving;

  DirectStompClient(RowContext ctx, int index, String nickname, boolean heartbeats) {
    this.ctx = ctx;
    this.index = index;
    this.nickname = nickname;
    this.heartbeats = heartbeats;
  }

  private String topic() {
    return "/topic/rooms." + ctx.room;
  }

  @Override
  public CompletableFuture<Void> join() {
    TcpStompSocket.open(ctx, this)
        .thenCompose(
            opened -> {
              socket = opened;
              return opened.send(
                  StompFrame.of(
                          "CONNECT",
                          "accept-version",
                          "1.2",
                          "host",
                          "/",
                          "login",
                          "guest",
                          "passcode",
                          "guest",
                          "heart-beat",
                          heartbeats ? "10000,10000" : "0,0")
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
        case "CONNECTED" -> connected();
        case "RECEIPT" -> joined.complete(null);
        case "MESSAGE" -> LabClient.dispatch(ctx, index, nickname, frame.body(), joined);
        case "ERROR" -> {
          ctx.error(nickname + ": STOMP ERROR " + frame.header("message") + " " + frame.body());
          joined.completeExceptionally(new IllegalStateException(frame.header("message")));
        }
        default -> {
          // 모르는 프레임은 무시합니다.
        }
      }
    }
  }

  private void connected() {
    socket.send(
        StompFrame.of("SUBSCRIBE", "id", "sub-0", "destination", topic(), "receipt", "ready")
            .encode());
    if (heartbeats) {
      heartbeat =
          ctx.timer.scheduleAtFixedRate(
              () -> socket.send("\n"), 10_000, 10_000, TimeUnit.MILLISECONDS);
    }
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
    String json =
        "{\"type\":\"CHAT\",\"sender\":"
            + Json.quote(nickname)
            + ",\"content\":"
            + Json.quote(content)
            + "}";
    socket.send(
        StompFrame.of("SEND", "destination", topic(), "content-type", "application/json")
            .withBody(json)
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
