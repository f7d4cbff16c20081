package com.example.chat;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * STOMP 프레임을 글자 그대로 보내는 웹소켓. 라이브러리가 막아 주는 잘못(CONNECT 없이 SEND, 너무 큰 프레임, 하트비트 끊김)을 서버가 어떻게 다루는지 볼 때
 * 씁니다. 받은 프레임은 글자 그대로 큐에 모읍니다(하트비트 줄바꿈은 뺍니다).
 */
final class RawStompSocket implements AutoCloseable {

  final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
  final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();
  private final WebSocketSession session;

  RawStompSocket(int port) throws Exception {
    this(port, new WebSocketHttpHeaders());
  }

  /** 핸드셰이크 머리글(예: 로그인 쿠키, Origin)을 정해 엽니다. */
  RawStompSocket(int port, WebSocketHttpHeaders handshake) throws Exception {
    this(new StandardWebSocketClient(), url(port), handshake);
  }

  /** 웹소켓 클라이언트와 주소까지 정해 엽니다(예: 프록시 뒤의 {@code wss://}). */
  RawStompSocket(
      org.springframework.web.socket.client.WebSocketClient client,
      java.net.URI url,
      WebSocketHttpHeaders handshake)
      throws Exception {
    session =
        client
            .execute(new Collector(), handshake, url)
            .get(StompTestClient.WAIT_SECONDS, TimeUnit.SECONDS);
  }

  static java.net.URI url(int port) {
    return java.net.URI.create("ws://127.0.0.1:" + port + "/ws/websocket");
  }

  /** 명령, 헤더들("이름:값"), 본문으로 프레임 하나를 보냅니다. */
  void send(String command, String body, String... headers) throws Exception {
    StringBuilder frame = new StringBuilder(command).append('\n');
    for (String header : headers) {
      frame.append(header).append('\n');
    }
    frame.append('\n').append(body).append('\0');
    session.sendMessage(new TextMessage(frame.toString()));
  }

  void connect(String nickname, String heartbeat) throws Exception {
    send("CONNECT", "", "accept-version:1.2", "heart-beat:" + heartbeat, "nickname:" + nickname);
  }

  /** {@code command}로 시작하는 프레임이 올 때까지 기다립니다. */
  String await(String command) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(StompTestClient.WAIT_SECONDS);
    while (System.nanoTime() < deadline) {
      String frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (frame != null && frame.startsWith(command + "\n")) {
        return frame;
      }
    }
    throw new AssertionError(command + " 프레임이 오지 않았습니다");
  }

  @Override
  public void close() throws Exception {
    if (session.isOpen()) {
      session.close();
    }
  }

  private final class Collector extends TextWebSocketHandler {
    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
      String frame = message.getPayload();
      if (!frame.isBlank()) {
        frames.add(frame.stripLeading());
      }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
      closed.complete(status);
    }
  }
}
