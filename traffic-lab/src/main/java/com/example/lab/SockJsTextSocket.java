package com.example.lab;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * SockJS의 xhr-streaming 전송을 손으로 구현한 통로입니다(WebSocket이 막힌 회사망에서 sockjs-client가 고르는 대안).
 *
 * <p>{@code GET /ws/info} → 받기용 {@code POST /ws/{server}/{session}/xhr_streaming}(응답이 끝나지 않고 {@code
 * h} 2048개 전주곡, {@code o}, {@code a["…"]} 메시지, {@code h} 하트비트가 줄 단위로 흘러옵니다) + 보내기마다 {@code POST
 * …/xhr_send}(본문은 JSON 문자열 배열). 서버가 128KB마다 받기 응답을 끝내면 같은 세션으로 다시 엽니다. 보내기는 하나씩, 그 사이 쌓인 것은 한 배열로
 * 묶어 보냅니다(sockjs-client와 같음).
 */
final class SockJsTextSocket implements TextSocket {

  static final Factory FACTORY = SockJsTextSocket::open;
  private static final Random RANDOM = new Random();

  private final RowContext ctx;
  private final String base;
  private final Listener listener;
  private final CompletableFuture<TextSocket> opened = new CompletableFuture<>();
  private final List<String> pending = new ArrayList<>();
  private final List<CompletableFuture<Void>> pendingDone = new ArrayList<>();
  private boolean sending;
  private volatile boolean closing;
  private volatile Stream<String> stream;
  private volatile CompletableFuture<Void> lastSend = CompletableFuture.completedFuture(null);

  private SockJsTextSocket(RowContext ctx, String path, Listener listener) {
    this.ctx = ctx;
    this.listener = listener;
    String session = Long.toString(Math.abs(RANDOM.nextLong()), 36);
    this.base = ctx.httpBase() + path + "/" + (100 + RANDOM.nextInt(900)) + "/" + session;
  }

  static CompletableFuture<TextSocket> open(RowContext ctx, String path, Listener listener) {
    SockJsTextSocket socket = new SockJsTextSocket(ctx, path, listener);
    socket
        .request(ctx.httpBase() + path + "/info?t=" + System.currentTimeMillis(), "GET", null)
        .thenCompose(
            info ->
                ctx.http.sendAsync(
                    socket.build(socket.base + "/xhr_streaming", "POST", ""), ofLines()))
        .thenAccept(socket::read)
        .exceptionally(
            e -> {
              socket.opened.completeExceptionally(e);
              return null;
            });
    return socket.opened;
  }

  private CompletableFuture<HttpResponse<String>> request(String url, String method, String body) {
    return ctx.http.sendAsync(build(url, method, body), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest build(String url, String method, String body) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url));
    BrowserHeaders.fetch(ctx.httpBase(), body != null).forEach(builder::header);
    if (body == null) {
      builder.GET().timeout(Duration.ofSeconds(30));
    } else {
      builder.header("Content-Type", "text/plain;charset=UTF-8");
      builder.POST(HttpRequest.BodyPublishers.ofString(body));
    }
    ctx.httpRequests.incrementAndGet();
    return builder.build();
  }

  /** 받기 응답을 줄 단위로 읽습니다. 응답이 끝나면(128KB 한도) 같은 세션으로 다시 엽니다. */
  private void read(HttpResponse<Stream<String>> response) {
    if (response.statusCode() != 200) {
      opened.completeExceptionally(new IllegalStateException("xhr_streaming " + response));
      return;
    }
    stream = response.body();
    Thread reader =
        new Thread(
            () -> {
              boolean closedByServer = false;
              try (Stream<String> lines = response.body()) {
                for (String line : (Iterable<String>) lines::iterator) {
                  if (line.equals("o")) {
                    opened.complete(this);
                  } else if (line.startsWith("a")) {
                    Json.strings(line.substring(1)).forEach(listener::onText);
                  } else if (line.startsWith("c")) {
                    closedByServer = true;
                    listener.onClosed("sockjs " + line);
                  }
                }
              } catch (RuntimeException e) {
                if (!closing) {
                  listener.onClosed(e.toString());
                }
                return;
              }
              if (!closing && !closedByServer) {
                ctx.http
                    .sendAsync(build(base + "/xhr_streaming", "POST", ""), ofLines())
                    .thenAccept(this::read)
                    .exceptionally(
                        e -> {
                          listener.onClosed(e.toString());
                          return null;
                        });
              }
            },
            "lab-sockjs-reader");
    reader.setDaemon(true);
    reader.start();
  }

  private static HttpResponse.BodyHandler<Stream<String>> ofLines() {
    return HttpResponse.BodyHandlers.ofLines();
  }

  @Override
  public CompletableFuture<Void> send(String text) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    synchronized (this) {
      pending.add(text);
      pendingDone.add(done);
      lastSend = done;
      if (!sending) {
        flush();
      }
    }
    return done;
  }

  /** 쌓인 메시지를 한 번의 xhr_send로 보냅니다. this를 잠근 채로 부릅니다. */
  private void flush() {
    StringBuilder body = new StringBuilder("[");
    for (int i = 0; i < pending.size(); i++) {
      body.append(i == 0 ? "" : ",").append(Json.quote(pending.get(i)));
    }
    List<CompletableFuture<Void>> batch = new ArrayList<>(pendingDone);
    pending.clear();
    pendingDone.clear();
    sending = true;
    request(base + "/xhr_send", "POST", body.append(']').toString())
        .whenComplete(
            (response, e) -> {
              for (CompletableFuture<Void> done : batch) {
                if (e != null || response.statusCode() / 100 != 2) {
                  done.completeExceptionally(
                      new IllegalStateException("xhr_send " + (e != null ? e : response)));
                } else {
                  done.complete(null);
                }
              }
              synchronized (this) {
                if (pending.isEmpty()) {
                  sending = false;
                } else {
                  flush();
                }
              }
            });
  }

  @Override
  public CompletableFuture<Void> close() {
    closing = true;
    return lastSend
        .orTimeout(5, java.util.concurrent.TimeUnit.SECONDS)
        .exceptionally(e -> null)
        .thenRun(
            () -> {
              Stream<String> s = stream;
              if (s != null) {
                s.close();
              }
            });
  }
}
