package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Collectors;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.web.socket.WebSocketHttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 테스트에서 브라우저처럼 로그인합니다: 진짜 {@code POST /login}으로 세션 쿠키를 받고, {@code GET /api/me}로 CONNECT에 실을 CSRF
 * 토큰을 받습니다. 쿠키는 JDK {@link HttpClient}의 {@link CookieManager}가 들고 있습니다.
 */
final class ChatLogin {

  static final JsonMapper JSON = JsonMapper.builder().build();

  final int port;
  final HttpClient http;
  private final String base;
  private final CookieManager cookies = new CookieManager();

  ChatLogin(int port) {
    this(port, "http://127.0.0.1:" + port, HttpClient.newBuilder());
  }

  /**
   * {@code base}(예: 프록시의 {@code https://localhost:8443})로 로그인합니다. TLS 설정은 {@code http}에 담아 넘깁니다.
   */
  ChatLogin(int port, String base, HttpClient.Builder http) {
    this.port = port;
    this.base = base;
    this.http = http.version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies).build();
  }

  /** 로그인하고, 성공(채팅 페이지로 가는 302)을 확인합니다. */
  static ChatLogin as(int port, String username) throws Exception {
    ChatLogin login = new ChatLogin(port);
    HttpResponse<String> response = login.submit(username, username + "1234");
    assertThat(response.headers().firstValue("Location"))
        .as("로그인 뒤 가는 곳")
        .hasValue(login.uri("/").toString());
    return login;
  }

  /** 로그인 폼을 냅니다(CSRF 토큰은 로그인 페이지처럼 {@code /api/csrf}에서 받습니다). */
  HttpResponse<String> submit(String username, String password) throws Exception {
    String csrf = get("/api/csrf").path("token").asString();
    String form =
        "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrf);
    return http.send(
        HttpRequest.newBuilder(uri("/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  JsonNode get(String path) throws Exception {
    HttpResponse<String> response =
        http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  /** 핸드셰이크에 붙일 머리글: 이 로그인의 세션 쿠키. */
  WebSocketHttpHeaders cookieHeaders() {
    WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
    headers.add(
        "Cookie",
        cookies.getCookieStore().getCookies().stream()
            .map(cookie -> cookie.getName() + "=" + cookie.getValue())
            .collect(Collectors.joining("; ")));
    return headers;
  }

  /** 페이지처럼 CSRF 토큰을 CONNECT 머리글에 실어 연결하고 CONNECTED를 기다립니다. */
  StompTestClient connect() throws Exception {
    return connect(StompTestClient.Transport.WEBSOCKET);
  }

  StompTestClient connect(StompTestClient.Transport transport) throws Exception {
    return connect(transport, csrfConnectHeaders());
  }

  /** 이 로그인의 쿠키로, CONNECT 머리글을 직접 정해 연결합니다(CONNECTED를 기다리지 않음). */
  StompTestClient attempt(StompHeaders connectHeaders) {
    return StompTestClient.attempt(
        StompTestClient.Transport.WEBSOCKET, port, cookieHeaders(), connectHeaders);
  }

  private StompTestClient connect(StompTestClient.Transport transport, StompHeaders headers)
      throws Exception {
    StompTestClient client = StompTestClient.attempt(transport, port, cookieHeaders(), headers);
    client.session();
    return client;
  }

  /** 이 로그인의 쿠키로 날 STOMP 소켓을 열고, CSRF 토큰을 실은 CONNECT의 CONNECTED까지 기다립니다(하트비트 없음). */
  RawStompSocket rawConnect() throws Exception {
    RawStompSocket socket = new RawStompSocket(port, cookieHeaders());
    JsonNode csrf = get("/api/me").path("csrf");
    socket.send(
        "CONNECT",
        "",
        "accept-version:1.2",
        "heart-beat:0,0",
        csrf.path("headerName").asString() + ":" + csrf.path("token").asString());
    socket.await("CONNECTED");
    return socket;
  }

  StompHeaders csrfConnectHeaders() throws Exception {
    JsonNode csrf = get("/api/me").path("csrf");
    StompHeaders headers = new StompHeaders();
    headers.add(csrf.path("headerName").asString(), csrf.path("token").asString());
    return headers;
  }

  /** HTTP Basic으로 {@code POST /api/token}을 부릅니다(CLI 클라이언트가 하는 일). */
  static HttpResponse<String> requestToken(int port, String username, String password)
      throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/token"))
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /** 쿠키 없이 {@code Authorization: Bearer} 토큰만으로 CONNECT를 시도합니다. */
  static StompTestClient bearer(int port, String token) {
    StompHeaders headers = new StompHeaders();
    headers.add("Authorization", "Bearer " + token);
    return StompTestClient.attempt(port, headers);
  }

  URI uri(String path) {
    return URI.create(base + path);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
