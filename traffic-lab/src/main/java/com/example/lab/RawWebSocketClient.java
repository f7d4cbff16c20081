package com.example.lab;

import java.util.concurrent.CompletableFuture;

/**
 * 2장(TextWebSocketHandler)의 JSON 프레임을 주고받는 클라이언트. {@code /ws/chat}에 붙어 JOIN을 보내고, 기록과 MEMBERS 다음에
 * 오는 내 JOIN 메시지로 입장을 확인합니다. 연결을 닫는 것이 퇴장입니다.
 */
final class RawWebSocketClient implements LabClient, TextSocket.Listener {

  private final RowContext ctx;
  private final int index;
  private final String nickname;
  private final TextSocket.Factory factory;
  private final CompletableFuture<Void> joined = new CompletableFuture<>();
  private volatile TextSocket socket;
  private volatile boolean leaving;

  RawWebSocketClient(RowContext ctx, int index, String nickname, TextSocket.Factory factory) {
    this.ctx = ctx;
    this.index = index;
    this.nickname = nickname;
    this.factory = factory;
  }

  @Override
  public CompletableFuture<Void> join() {
    factory
        .open(ctx, "/ws/chat", this)
        .thenCompose(
            opened -> {
              socket = opened;
              return opened.send(
                  "{\"type\":\"JOIN\",\"room\":"
                      + Json.quote(ctx.room)
                      + ",\"sender\":"
                      + Json.quote(nickname)
                      + "}");
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
    LabClient.dispatch(ctx, index, nickname, text, joined);
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
    socket.send("{\"type\":\"CHAT\",\"content\":" + Json.quote(content) + "}");
  }

  @Override
  public CompletableFuture<Void> leave() {
    leaving = true;
    TextSocket s = socket;
    return s == null ? CompletableFuture.completedFuture(null) : s.close();
  }
}
