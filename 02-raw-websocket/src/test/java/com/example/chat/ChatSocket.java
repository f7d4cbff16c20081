package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 테스트용 웹소켓 클라이언트(JDK {@link java.net.http.WebSocket}). 받은 프레임을 {@link BlockingQueue}에 모으고, 테스트는
 * {@code poll(timeout)}으로 기다립니다({@code Thread.sleep} 없이).
 */
final class ChatSocket implements WebSocket.Listener, AutoCloseable {

  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final long WAIT_SECONDS = 10;

  record Closed(int code, String reason) {}

  final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
  final CompletableFuture<Closed> closed = new CompletableFuture<>();

  /** 서버에게 받은 ping 수. JDK 클라이언트는 브라우저처럼 ping마다 pong을 알아서 돌려줍니다. */
  final AtomicInteger pings = new AtomicInteger();

  private final StringBuilder partial = new StringBuilder();
  private WebSocket socket;

  static ChatSocket connect(int port) throws Exception {
    ChatSocket client = new ChatSocket();
    client.socket =
        HTTP.newWebSocketBuilder()
            .buildAsync(URI.create("ws://localhost:" + port + "/ws/chat"), client)
            .get(WAIT_SECONDS, TimeUnit.SECONDS);
    return client;
  }

  /** 입장하고, 기록과 MEMBERS까지 받은 프레임을 돌려줍니다. */
  static ChatSocket joined(int port, String room, String nickname) throws Exception {
    ChatSocket client = connect(port);
    client.join(room, nickname);
    client.untilType("MEMBERS");
    return client;
  }

  void join(String room, String nickname) {
    sendJson(Map.of("type", "JOIN", "room", room, "sender", nickname));
  }

  void chat(String content) {
    sendJson(Map.of("type", "CHAT", "content", content));
  }

  void sendJson(Object frame) {
    send(JSON.writeValueAsString(frame));
  }

  void send(String text) {
    socket.sendText(text, true).join();
  }

  void sendBinary(byte[] bytes) {
    socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
  }

  /** 다음 프레임 하나. 제때 오지 않으면 실패합니다. */
  JsonNode next() throws InterruptedException {
    JsonNode frame = frames.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(frame).as("%d초 안에 프레임이 와야 합니다", WAIT_SECONDS).isNotNull();
    return frame;
  }

  /** 주어진 type의 프레임이 올 때까지 받은 프레임(그것 포함)을 모두 돌려줍니다. */
  List<JsonNode> untilType(String type) throws InterruptedException {
    List<JsonNode> seen = new ArrayList<>();
    JsonNode frame;
    do {
      frame = next();
      seen.add(frame);
    } while (!type.equals(frame.path("type").asString()));
    return seen;
  }

  /** 주어진 내용의 CHAT이 올 때까지 받고, 그 프레임을 돌려줍니다. */
  JsonNode untilContent(String content) throws InterruptedException {
    JsonNode frame;
    do {
      frame = next();
    } while (!content.equals(frame.path("content").asString()));
    return frame;
  }

  Closed awaitClose() throws Exception {
    return closed.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      frames.add(JSON.readTree(partial.toString()));
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
    pings.incrementAndGet();
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(new Closed(statusCode, reason));
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.completeExceptionally(error);
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }
  }
}
