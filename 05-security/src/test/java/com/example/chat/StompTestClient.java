package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import org.springframework.web.socket.sockjs.client.RestClientXhrTransport;
import org.springframework.web.socket.sockjs.client.SockJsClient;
import org.springframework.web.socket.sockjs.client.WebSocketTransport;

/**
 * 테스트용 STOMP 클라이언트 한 명. 스프링의 {@link WebSocketStompClient}로 진짜 서버에 붙고, 받은 프레임을 {@link
 * BlockingQueue}에 모읍니다. simple broker는 RECEIPT를 보내지 않으므로, 기다릴 때는 큐를 {@code poll(시간)}합니다.
 */
final class StompTestClient implements AutoCloseable {

  /** 브라우저가 고를 수 있는 전송 방식 중 테스트에서 쓰는 것들. */
  enum Transport {
    WEBSOCKET,
    SOCKJS_WEBSOCKET,
    SOCKJS_XHR
  }

  /** 서버가 보낸 STOMP ERROR 프레임: {@code message} 헤더와 본문({@link ChatError}). */
  record ErrorFrame(String message, ChatError body) {}

  static final long WAIT_SECONDS = 5;

  final BlockingQueue<ErrorFrame> errorFrames = new LinkedBlockingQueue<>();
  final BlockingQueue<Throwable> transportErrors = new LinkedBlockingQueue<>();
  private final WebSocketStompClient client;
  private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
  private final CompletableFuture<StompSession> future;
  private volatile StompHeaders connectedHeaders;

  private StompTestClient(
      Transport transport, int port, WebSocketHttpHeaders handshake, StompHeaders connectHeaders) {
    this(
        webSocketClient(transport),
        transport == Transport.WEBSOCKET
            ? "ws://127.0.0.1:" + port + "/ws/websocket"
            : "http://127.0.0.1:" + port + "/ws",
        handshake,
        connectHeaders);
  }

  private StompTestClient(
      org.springframework.web.socket.client.WebSocketClient webSocketClient,
      String url,
      WebSocketHttpHeaders handshake,
      StompHeaders connectHeaders) {
    client = new WebSocketStompClient(webSocketClient);
    client.setMessageConverter(new JacksonJsonMessageConverter());
    scheduler.initialize();
    client.setTaskScheduler(scheduler);
    future = client.connectAsync(url, handshake, connectHeaders, new Handler());
  }

  /** 닉네임으로 연결하고 CONNECTED를 기다립니다. */
  static StompTestClient connect(Transport transport, int port, String nickname) throws Exception {
    StompHeaders headers = new StompHeaders();
    headers.add("nickname", nickname);
    StompTestClient client = new StompTestClient(transport, port, null, headers);
    client.session();
    return client;
  }

  static StompTestClient connect(int port, String nickname) throws Exception {
    return connect(Transport.WEBSOCKET, port, nickname);
  }

  /** 연결을 시도만 합니다(CONNECTED를 기다리지 않음). 거절되는 CONNECT를 시험할 때 씁니다. */
  static StompTestClient attempt(int port, StompHeaders connectHeaders) {
    return new StompTestClient(Transport.WEBSOCKET, port, null, connectHeaders);
  }

  /**
   * 핸드셰이크 HTTP 머리글(예: 로그인 쿠키, Origin)과 CONNECT 머리글을 직접 정해 연결을 시도합니다. 5장처럼 CONNECT가 로그인에 달린 장에서 씁니다.
   */
  static StompTestClient attempt(
      Transport transport, int port, WebSocketHttpHeaders handshake, StompHeaders connectHeaders) {
    return new StompTestClient(transport, port, handshake, connectHeaders);
  }

  /**
   * 웹소켓 클라이언트와 주소까지 직접 정해 연결을 시도합니다. 프록시 뒤의 {@code wss://}처럼, 자체 서명 인증서를 믿도록 만든 클라이언트로 붙을 때 씁니다.
   */
  static StompTestClient attempt(
      org.springframework.web.socket.client.WebSocketClient webSocketClient,
      String url,
      WebSocketHttpHeaders handshake,
      StompHeaders connectHeaders) {
    return new StompTestClient(webSocketClient, url, handshake, connectHeaders);
  }

  StompSession session() throws Exception {
    return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  StompHeaders connectedHeaders() throws Exception {
    session();
    // 스프링은 세션 future를 afterConnected보다 먼저 완료하므로, CONNECTED 머리글이 담길 때까지 기다립니다.
    return Awaitility.await()
        .atMost(Duration.ofSeconds(WAIT_SECONDS))
        .until(() -> connectedHeaders, Objects::nonNull);
  }

  /** 구독하고, 그 주소로 오는 본문을 {@code type}으로 바꿔 큐에 넣습니다. */
  <T> BlockingQueue<T> subscribe(String destination, Class<T> type) throws Exception {
    return subscribe(destination, type, payload -> {});
  }

  /** 위와 같고, 큐에 넣기 전에 {@code seen}에도 알립니다(예: 참여자 목록 만들기). */
  <T> BlockingQueue<T> subscribe(String destination, Class<T> type, Consumer<T> seen)
      throws Exception {
    BlockingQueue<T> queue = new LinkedBlockingQueue<>();
    session()
        .subscribe(
            destination,
            new StompFrameHandler() {
              @Override
              public Type getPayloadType(StompHeaders headers) {
                return type;
              }

              @Override
              public void handleFrame(StompHeaders headers, Object payload) {
                seen.accept(type.cast(payload));
                queue.add(type.cast(payload));
              }
            });
    return queue;
  }

  void send(String destination, Object payload) throws Exception {
    session().send(destination, payload);
  }

  /**
   * 방 하나에 들어가는 페이지의 순서: 실시간 글 → 내 큐들(참여자 목록, 기록, 오류, 귓속말)을 구독하고, 그다음 join. {@code members}에는 페이지가
   * 그릴 목록이 바뀔 때마다 들어갑니다({@link Roster}).
   */
  Room join(String room) throws Exception {
    BlockingQueue<String[]> members = new LinkedBlockingQueue<>();
    Roster roster = new Roster(room, members);
    Room joined =
        new Room(
            subscribe("/topic/rooms." + room, ChatMessage.class, roster::message),
            members,
            subscribe("/user/queue/members", MemberList.class, roster::snapshot),
            subscribe("/user/queue/history", ChatMessage[].class),
            subscribe("/user/queue/errors", ChatError.class),
            subscribe("/user/queue/whispers", ChatMessage.class));
    send("/app/rooms." + room + ".join", Map.of());
    return joined;
  }

  /** 한 방에서 받는 것들. {@code memberLists}는 서버가 보낸 목록 그대로, {@code members}는 그것에 JOIN·LEAVE를 더한 목록입니다. */
  record Room(
      BlockingQueue<ChatMessage> messages,
      BlockingQueue<String[]> members,
      BlockingQueue<MemberList> memberLists,
      BlockingQueue<ChatMessage[]> history,
      BlockingQueue<ChatError> errors,
      BlockingQueue<ChatMessage> whispers) {}

  @Override
  public void close() {
    if (future.isDone() && !future.isCompletedExceptionally()) {
      StompSession session = future.join();
      try {
        session.disconnect();
      } catch (RuntimeException alreadyClosed) {
        // 서버가 ERROR 뒤에 먼저 닫았으면 DISCONNECT를 보낼 곳이 없습니다.
      }
    }
    client.stop();
    scheduler.shutdown();
  }

  private static org.springframework.web.socket.client.WebSocketClient webSocketClient(
      Transport transport) {
    return switch (transport) {
      case WEBSOCKET -> new StandardWebSocketClient();
      case SOCKJS_WEBSOCKET ->
          new SockJsClient(List.of(new WebSocketTransport(new StandardWebSocketClient())));
      case SOCKJS_XHR -> new SockJsClient(List.of(new RestClientXhrTransport()));
    };
  }

  /** CONNECTED 헤더를 기억하고, ERROR 프레임과 끊김을 큐에 넣습니다. */
  private final class Handler extends StompSessionHandlerAdapter {
    @Override
    public void afterConnected(StompSession session, StompHeaders headers) {
      connectedHeaders = headers;
    }

    @Override
    public Type getPayloadType(StompHeaders headers) {
      return ChatError.class;
    }

    @Override
    public void handleFrame(StompHeaders headers, Object payload) {
      errorFrames.add(new ErrorFrame(headers.getFirst("message"), (ChatError) payload));
    }

    @Override
    public void handleTransportError(StompSession session, Throwable exception) {
      transportErrors.add(exception);
    }
  }

  /** 오류 큐({@code /user/queue/errors})로 온 오류를 꺼내고, 그 사이 ERROR 프레임 없이 연결이 살아 있는지 확인합니다. */
  ChatError awaitErrorKeepingSession(BlockingQueue<ChatError> errors) throws Exception {
    ChatError error = errors.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(error).as("오류 큐로 온 오류").isNotNull();
    assertThat(errorFrames).isEmpty();
    assertThat(session().isConnected()).isTrue();
    return error;
  }
}
