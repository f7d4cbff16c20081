package com.example.chat;

import static com.example.chat.ChatStompTests.awaitMessage;
import static com.example.chat.TwoInstanceScenarios.awaitBroker;
import static com.example.chat.TwoInstanceScenarios.enter;
import static com.example.chat.TwoInstanceScenarios.freshRoom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.chat.StompTestClient.Room;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code deploy/}의 진짜 nginx(https://localhost:8443) 뒤에 인스턴스 둘(A: 8080, 이 테스트의 컨텍스트 / B: 8081)을 두고,
 * 사람이 보는 것을 프록시 너머에서 확인합니다({@code mvn verify -Pnginx}). 조용한 연결을 빨리 보려고 nginx의 읽기 시한은 5초, STOMP
 * heart-beat는 2초로 줄였습니다. 브로커는 내장 Artemis, 데이터베이스는 {@link TestDatabase}입니다.
 */
@Tag("nginx")
// 인스턴스를 멈추는 시험은 맨 끝에 둡니다. nginx는 응답하지 않은 인스턴스를 잠시(fail_timeout, 10초) 건너뛰므로, 그 뒤의 시험에서는
// 두 사람이 한 인스턴스에 몰릴 수 있습니다.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = {"server.port=8080", "chat.websocket.heartbeat=2s"})
class NginxProxyTests {

  private static ConfigurableApplicationContext instanceB;

  @Autowired ConfigurableApplicationContext instanceA;
  private final List<StompTestClient> clients = new ArrayList<>();

  @DynamicPropertySource
  static void broker(DynamicPropertyRegistry registry) {
    EmbeddedArtemis.register(registry);
  }

  @BeforeAll
  static void startNginx() throws Exception {
    NginxProxy.start("5s", 8080, 8081);
  }

  @BeforeEach
  void startInstanceB() {
    if (instanceB == null || !instanceB.isActive()) {
      instanceB =
          TwoInstanceScenarios.startLike(
              instanceA,
              "--server.port=8081",
              "--chat.websocket.heartbeat=2s",
              "--server.shutdown=immediate");
    }
    awaitBroker(instanceA);
    awaitBroker(instanceB);
  }

  @AfterAll
  static void stopAll() throws Exception {
    if (instanceB != null) {
      instanceB.close();
    }
    NginxProxy.stop();
  }

  @AfterEach
  void closeClients() {
    clients.forEach(StompTestClient::close);
  }

  @Test
  @DisplayName("https 페이지의 Origin으로 wss:// 프록시를 거친 두 사람이 서로 다른 인스턴스에 붙어 한 방에서 대화한다")
  void twoPeopleOnTwoInstancesThroughTheProxy() throws Exception {
    String room = freshRoom("proxy");
    // given: 프록시는 연결을 차례로 나누므로 두 사람은 서로 다른 인스턴스에 붙는다
    StompTestClient minsu = connected(websocket("민수", NginxProxy.ORIGIN));
    StompTestClient jiyoung = connected(websocket("지영", NginxProxy.ORIGIN));
    assertThat(instanceOf("민수")).isNotEqualTo(instanceOf("지영"));
    Room minsuRoom = enter(minsu, room, "민수");
    Room jiyoungRoom = enter(jiyoung, room, "민수", "지영");

    // when
    minsu.send("/app/rooms." + room + ".send", Map.of("content", "프록시 너머에서 안녕"));

    // then
    assertThat(
            awaitMessage(jiyoungRoom.messages(), m -> m.type() == ChatMessage.Type.CHAT).sender())
        .isEqualTo("민수");
    awaitMessage(minsuRoom.messages(), m -> "프록시 너머에서 안녕".equals(m.content()));
  }

  @Test
  @DisplayName("SockJS xhr-streaming(HTTP 요청 여러 개) 사람도 프록시를 거쳐 웹소켓 사람과 대화한다")
  void xhrStreamingThroughTheProxy() throws Exception {
    String room = freshRoom("xhr");
    // given: 세션 id로 인스턴스를 고정하지 않으면 xhr_send가 다른 인스턴스로 가서 404가 됩니다
    StompTestClient streaming = connected(xhrStreaming("스트리밍"));
    StompTestClient minsu = connected(websocket("민수", NginxProxy.ORIGIN));
    Room streamingRoom = enter(streaming, room, "스트리밍");
    Room minsuRoom = enter(minsu, room, "스트리밍", "민수");

    // when: 양쪽에서 한 번씩 말한다
    streaming.send("/app/rooms." + room + ".send", Map.of("content", "HTTP로 보내요"));
    minsu.send("/app/rooms." + room + ".send", Map.of("content", "웹소켓으로 답해요"));

    // then
    awaitMessage(minsuRoom.messages(), m -> "HTTP로 보내요".equals(m.content()));
    awaitMessage(streamingRoom.messages(), m -> "웹소켓으로 답해요".equals(m.content()));
  }

  @Test
  @DisplayName("nginx의 읽기 시한(5초)보다 오래 조용해도 heart-beat 덕에 연결이 살아 있고, 그 뒤에도 대화된다")
  void idleConnectionSurvivesTheProxyTimeout() throws Exception {
    String room = freshRoom("idle");
    // given: heart-beat를 2초마다 주고받는 두 사람
    StompTestClient quiet = connected(websocket("조용한이", NginxProxy.ORIGIN));
    StompTestClient other = connected(websocket("민수", NginxProxy.ORIGIN));
    Room quietRoom = enter(quiet, room, "조용한이");
    enter(other, room, "조용한이", "민수");

    // when: 8초 동안 아무도 말하지 않는다(그동안 연결이 한 번도 끊기지 않아야 합니다)
    Awaitility.await()
        .during(Duration.ofSeconds(8))
        .atMost(Duration.ofSeconds(10))
        .until(() -> quiet.session().isConnected() && quiet.transportErrors.isEmpty());

    // then: 조용하던 연결로도 글이 온다
    other.send("/app/rooms." + room + ".send", Map.of("content", "아직 있어요?"));
    awaitMessage(quietRoom.messages(), m -> "아직 있어요?".equals(m.content()));
  }

  @Test
  @DisplayName("다른 출처의 페이지는 프록시를 거쳐도 403으로 막힌다")
  void foreignOriginIsRefusedThroughTheProxy() throws Exception {
    StompTestClient evil = websocket("말로리", "https://evil.example");
    clients.add(evil);
    assertThatThrownBy(evil::session)
        .isInstanceOf(ExecutionException.class)
        .hasMessageContaining("403");
  }

  @Test
  @DisplayName("https 포트에 평문 http로 오면 멈추지 않고 https 주소로 보낸다")
  void plainHttpIsRedirected() throws Exception {
    HttpResponse<Void> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:8443/")).build(),
                HttpResponse.BodyHandlers.discarding());
    assertThat(response.statusCode()).isEqualTo(301);
    assertThat(response.headers().firstValue("Location")).hasValue("https://localhost:8443/");
  }

  @Test
  @DisplayName("Sec-WebSocket-Version이 틀린 업그레이드 요청은 앱이 426으로 거절하고, 그 답이 프록시를 지나 그대로 온다")
  void wrongWebSocketVersionGets426() throws Exception {
    try (SSLSocket socket =
        (SSLSocket) NginxProxy.trust().getSocketFactory().createSocket("localhost", 8443)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /ws/websocket HTTP/1.1\r\nHost: localhost:8443\r\nOrigin: https://localhost:8443\r\n"
                  + "Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 8\r\n"
                  + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String status =
          new BufferedReader(
                  new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();
      assertThat(status).startsWith("HTTP/1.1 426");
    }
  }

  @Test
  @DisplayName("한도(8KB)보다 큰 프레임은 프록시를 거쳐도 그 연결만 한국어 ERROR(MESSAGE_TOO_BIG)로 닫힌다")
  void oversizeFrameThroughTheProxy() throws Exception {
    try (RawStompSocket socket =
        new RawStompSocket(
            NginxProxy.websocketClient(),
            URI.create(NginxProxy.WSS),
            NginxProxy.origin(NginxProxy.ORIGIN))) {
      socket.send("CONNECT", "", "accept-version:1.2", "heart-beat:0,0", "nickname:민수");
      socket.await("CONNECTED");

      // when
      socket.send(
          "SEND", "{\"content\":\"" + "가".repeat(4000) + "\"}", "destination:/app/rooms.big.send");

      // then
      String error = socket.await("ERROR");
      assertThat(error)
          .contains("message:메시지가 너무 큽니다(최대 8192바이트).", "\"code\":\"MESSAGE_TOO_BIG\"");
    }
  }

  @Test
  @DisplayName("Chromium 두 개가 https://localhost:8443 페이지에서 wss://로 붙어 대화한다")
  @Tag("browser")
  void browsersChatThroughTheProxy() {
    String room = freshRoom("page");
    try (BrowserSession minsu =
            BrowserSession.open(NginxProxy.ORIGIN + "/", "--ignore-certificate-errors")
                .join("민수", room);
        BrowserSession jiyoung =
            BrowserSession.open(NginxProxy.ORIGIN + "/", "--ignore-certificate-errors")
                .join("지영", room)) {
      // then: 페이지는 SockJS의 websocket 전송(wss://)을 쓴다
      assertThat(
              minsu.script(
                  "return document.querySelector('[data-testid=\"sockjs-actual\"]').textContent"))
          .isEqualTo("websocket");
      minsu.waitForMembers("민수", "지영");

      // when/then
      minsu.send("프록시 너머의 브라우저예요");
      jiyoung.waitForChat("민수", "프록시 너머의 브라우저예요");
    }
  }

  @Test
  @Order(Integer.MAX_VALUE - 1)
  @DisplayName("한 주소에서 핸드셰이크를 너무 빨리 하면 넘친 요청만 429와 한국어 JSON을 받고, 이미 붙은 사람은 계속 대화한다")
  void proxyLimitsHandshakesPerAddress() throws Exception {
    String room = freshRoom("limit");
    StompTestClient minsu = connected(websocket("민수", NginxProxy.ORIGIN));
    StompTestClient jiyoung = connected(websocket("지영", NginxProxy.ORIGIN));
    enter(minsu, room, "민수");
    Room jiyoungRoom = enter(jiyoung, room, "민수", "지영");
    HttpClient https = HttpClient.newBuilder().sslContext(NginxProxy.trust()).build();
    HttpRequest info = HttpRequest.newBuilder(URI.create(NginxProxy.ORIGIN + "/ws/info")).build();

    // when: 한 주소에서 SockJS 핸드셰이크의 첫 요청(/ws/info)을 한꺼번에 100번 보낸다(한도: 초당 20개, 몰림 40개)
    List<HttpResponse<String>> answers = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      answers.add(https.send(info, HttpResponse.BodyHandlers.ofString()));
    }

    // then: 넘친 요청은 429와 한국어 JSON을 받는다
    List<HttpResponse<String>> refused =
        answers.stream().filter(response -> response.statusCode() == 429).toList();
    assertThat(refused).isNotEmpty();
    assertThat(refused.get(0).body()).contains("\"code\":\"PROXY_RATE_LIMITED\"", "잠시 뒤에 다시 해 주세요");

    // then: 이미 붙은 두 사람은 그대로 대화하고, 잠시 뒤에는 새 요청도 된다
    minsu.send("/app/rooms." + room + ".send", Map.of("content", "한도와 상관없이"));
    awaitMessage(jiyoungRoom.messages(), m -> "한도와 상관없이".equals(m.content()));
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> https.send(info, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
  }

  @Test
  @Order(Integer.MAX_VALUE)
  @DisplayName("한 인스턴스를 멈추면 그 사람은 다시 붙을 때 다른 인스턴스로 가고, 놓친 기록을 받는다")
  void stoppedInstanceMovesItsPeople() throws Exception {
    String room = freshRoom("failover");
    // given: 민수와 지영이 서로 다른 인스턴스에서 대화 중이다
    StompTestClient minsu = connected(websocket("민수", NginxProxy.ORIGIN));
    StompTestClient jiyoung = connected(websocket("지영", NginxProxy.ORIGIN));
    Room minsuRoom = enter(minsu, room, "민수");
    Room jiyoungRoom = enter(jiyoung, room, "민수", "지영");
    // B에 붙은 사람이 옮겨 갈 사람입니다(A는 이 테스트의 컨텍스트라 멈추지 않습니다)
    boolean minsuOnB = instanceOf("민수") == instanceB;
    String moving = minsuOnB ? "민수" : "지영";
    StompTestClient movingClient = minsuOnB ? minsu : jiyoung;
    StompTestClient staying = minsuOnB ? jiyoung : minsu;
    Room stayingRoom = minsuOnB ? jiyoungRoom : minsuRoom;
    assertThat(instanceOf(moving)).isNotSameAs(instanceOf(minsuOnB ? "지영" : "민수"));
    staying.send("/app/rooms." + room + ".send", Map.of("content", "멈추기 전"));
    awaitMessage(stayingRoom.messages(), m -> "멈추기 전".equals(m.content()));

    // when: B가 멈추고, 그동안 남은 사람이 말한다
    instanceB.close();
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !movingClient.session().isConnected());
    staying.send("/app/rooms." + room + ".send", Map.of("content", "멈춘 동안"));
    awaitMessage(stayingRoom.messages(), m -> "멈춘 동안".equals(m.content()));

    // then: 다시 붙으면 프록시가 남은 인스턴스(A)로 보내고, 들어오며 받은 기록에 놓친 글이 있다
    StompTestClient again = connected(websocket(moving, NginxProxy.ORIGIN));
    ChatMessage[] history =
        again.join(room).history().poll(StompTestClient.WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(history).extracting(ChatMessage::content).contains("멈추기 전", "멈춘 동안");
    assertThat(instanceOf(moving)).isSameAs(instanceA);
  }

  /**
   * 페이지처럼 {@code Origin}을 달고 {@code wss://}로 붙는 STOMP 클라이언트(CONNECTED는 기다리지 않음). heart-beat는 양쪽 2초로
   * 청합니다: 테스트의 nginx 읽기 시한(5초)보다 짧아야 조용한 연결이 살아남습니다.
   */
  private static StompTestClient websocket(String nickname, String origin) throws Exception {
    return StompTestClient.attempt(
        NginxProxy.websocketClient(), NginxProxy.WSS, NginxProxy.origin(origin), connect(nickname));
  }

  private static StompTestClient xhrStreaming(String nickname) throws Exception {
    return StompTestClient.attempt(
        NginxProxy.xhrStreamingClient(),
        NginxProxy.ORIGIN + "/ws",
        NginxProxy.origin(NginxProxy.ORIGIN),
        connect(nickname));
  }

  private static StompHeaders connect(String nickname) {
    StompHeaders headers = new StompHeaders();
    headers.add("nickname", nickname);
    headers.setHeartbeat(new long[] {2000, 2000});
    return headers;
  }

  private StompTestClient connected(StompTestClient client) throws Exception {
    clients.add(client);
    client.session();
    return client;
  }

  /** 그 사람의 연결을 가진 인스턴스. 두 인스턴스의 사용자 목록({@link SimpUserRegistry})에서 찾습니다. */
  private ConfigurableApplicationContext instanceOf(String nickname) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () -> {
              for (ConfigurableApplicationContext instance : List.of(instanceA, instanceB)) {
                if (instance.isActive()
                    && instance.getBean(SimpUserRegistry.class).getUser(nickname) != null) {
                  return instance;
                }
              }
              return null;
            },
            Objects::nonNull);
  }
}
