package com.example.lab;

import java.net.URI;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * JDK의 {@code java.net.http.WebSocket}으로 여는 통로입니다. 확장(permessage-deflate)은 협상하지 못하므로, 압축 실험은 {@link
 * DeflateTextSocket}이 맡습니다.
 */
final class JdkTextSocket implements TextSocket, WebSocket.Listener {

  static final Factory FACTORY = JdkTextSocket::open;

  private final Listener listener;
  private final StringBuilder partial = new StringBuilder();
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private volatile WebSocket webSocket;
  private CompletableFuture<Void> sending = CompletableFuture.completedFuture(null);

  private JdkTextSocket(Listener listener) {
    this.listener = listener;
  }

  static CompletableFuture<TextSocket> open(RowContext ctx, String path, Listener listener) {
    JdkTextSocket socket = new JdkTextSocket(listener);
    WebSocket.Builder builder = ctx.http.newWebSocketBuilder();
    BrowserHeaders.webSocket(ctx.httpBase()).forEach(builder::header);
    ctx.httpRequests.incrementAndGet();
    return builder
        .buildAsync(URI.create(ctx.wsBase() + path), socket)
        .thenApply(
            ws -> {
              socket.webSocket = ws;
              return socket;
            });
  }

  @Override
  public void onOpen(WebSocket ws) {
    ws.request(Long.MAX_VALUE);
  }

  @Override
  public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
    if (!last) {
      partial.append(data);
      return null;
    }
    String text;
    if (partial.length() > 0) {
      text = partial.append(data).toString();
      partial.setLength(0);
    } else {
      text = data.toString();
    }
    listener.onText(text);
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
    closed.complete(null);
    listener.onClosed(statusCode + " " + reason);
    return null;
  }

  @Override
  public void onError(WebSocket ws, Throwable error) {
    closed.complete(null);
    listener.onClosed(error.toString());
  }

  @Override
  public synchronized CompletableFuture<Void> send(String text) {
    sending =
        sending
            .exceptionally(e -> null)
            .thenCompose(ignored -> webSocket.sendText(text, true))
            .thenApply(ws -> null);
    return sending;
  }

  @Override
  public CompletableFuture<Void> close() {
    WebSocket ws = webSocket;
    if (ws == null) {
      return CompletableFuture.completedFuture(null);
    }
    synchronized (this) {
      return sending
          .exceptionally(e -> null)
          .thenCompose(ignored -> ws.sendClose(WebSocket.NORMAL_CLOSURE, ""))
          .thenCompose(ignored -> closed)
          .orTimeout(5, TimeUnit.SECONDS)
          .handle(
              (r, e) -> {
                ws.abort();
                return null;
              });
    }
  }
}
