package com.example.lab;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * 1장의 페이지(app.js)가 하는 일을 그대로 흉내 내는 폴링 클라이언트입니다.
 *
 * <p>입장(POST members) → {@code GET messages?after=마지막id}를 짧은 폴링이면 응답 뒤 1초마다, 긴 폴링이면 응답 즉시 다시({@code
 * /wait}). 참여자 목록은 입장할 때 한 번만 묻습니다(페이지와 같음). 모든 요청에 {@link BrowserHeaders}를 싣습니다.
 */
final class PollingClient implements LabClient {

  private final RowContext ctx;
  private final int index;
  private final String nickname;
  private final boolean longPolling;
  private final long intervalMillis;
  private final CompletableFuture<Void> joined = new CompletableFuture<>();
  private volatile String token;
  private volatile long lastId;
  private volatile boolean stopped;
  private volatile CompletableFuture<?> inFlight;

  PollingClient(RowContext ctx, int index, String nickname, boolean longPolling, long interval) {
    this.ctx = ctx;
    this.index = index;
    this.nickname = nickname;
    this.longPolling = longPolling;
    this.intervalMillis = interval;
  }

  @Override
  public CompletableFuture<Void> join() {
    call("POST", "members", "{\"nickname\":" + Json.quote(nickname) + "}", Duration.ofSeconds(30))
        .thenAccept(
            response -> {
              if (response.statusCode() != 201) {
                joined.completeExceptionally(
                    new IllegalStateException("join " + response.statusCode() + response.body()));
                return;
              }
              token = Json.string(response.body(), "token");
              // 페이지처럼 참여자 목록은 입장할 때 한 번만 묻습니다(그 뒤는 JOIN·LEAVE로 고칩니다).
              call("GET", "members", null, Duration.ofSeconds(30));
              poll();
            })
        .exceptionally(e -> fail(e));
    return joined;
  }

  private void poll() {
    if (stopped) {
      return;
    }
    String path = (longPolling ? "messages/wait" : "messages") + "?after=" + lastId;
    CompletableFuture<?> request =
        call("GET", path, null, Duration.ofSeconds(60))
            .thenAccept(
                response -> {
                  if (response.statusCode() != 200) {
                    ctx.error(nickname + ": poll " + response.statusCode() + " " + response.body());
                  } else {
                    receive(response.body());
                  }
                  joined.complete(null);
                  if (longPolling) {
                    poll();
                  } else if (!stopped) {
                    ctx.timer.schedule(this::poll, intervalMillis, TimeUnit.MILLISECONDS);
                  }
                })
            .exceptionally(
                e -> {
                  if (!stopped) {
                    ctx.error(nickname + ": poll " + e);
                    ctx.timer.schedule(this::poll, 1, TimeUnit.SECONDS);
                  }
                  return null;
                });
    inFlight = request;
  }

  private void receive(String body) {
    for (String message : Json.objects(body)) {
      long id = Json.number(message, "id", 0);
      if (id > lastId) {
        lastId = id;
      }
      String type = Json.string(message, "type");
      if ("CHAT".equals(type)) {
        ctx.chat(index, Json.string(message, "content"));
      }
    }
  }

  @Override
  public void send(String content) {
    call("POST", "messages", "{\"content\":" + Json.quote(content) + "}", Duration.ofSeconds(30))
        .thenAccept(
            response -> {
              if (response.statusCode() != 201) {
                ctx.error(nickname + ": send " + response.statusCode() + " " + response.body());
              }
            });
  }

  @Override
  public CompletableFuture<Void> leave() {
    stopped = true;
    CompletableFuture<?> pending = inFlight;
    if (pending != null) {
      pending.cancel(true);
    }
    if (token == null) {
      return CompletableFuture.completedFuture(null);
    }
    return call("DELETE", "members/me", null, Duration.ofSeconds(30)).handle((response, e) -> null);
  }

  private CompletableFuture<HttpResponse<String>> call(
      String method, String path, String body, Duration timeout) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(ctx.httpBase() + "/api/rooms/" + ctx.room + "/" + path))
            .timeout(timeout);
    BrowserHeaders.fetch(ctx.httpBase(), !method.equals("GET")).forEach(builder::header);
    if (token != null) {
      builder.header("X-Member-Token", token);
    }
    if (body != null) {
      builder.header("Content-Type", "application/json");
      builder.method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      builder.method(method, HttpRequest.BodyPublishers.noBody());
    }
    if (method.equals("GET")) {
      builder.GET();
    }
    ctx.httpRequests.incrementAndGet();
    return ctx.http.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  private Void fail(Throwable e) {
    joined.completeExceptionally(e);
    return null;
  }
}
