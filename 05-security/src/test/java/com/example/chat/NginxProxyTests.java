package com.example.chat;

import static com.example.chat.ChatStompTests.awaitMessage;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.chat.StompTestClient.Room;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.socket.WebSocketHttpHeaders;

/**
 * {@code deploy/}의 진짜 nginx(https://localhost:8443) 뒤에서 로그인과 CSRF가 그대로 되는지 봅니다({@code mvn verify
 * -Pnginx}). 이 장은 서버가 한 대이므로 nginx의 두 자리 모두 이 테스트의 서버를 가리킵니다.
 */
@Tag("nginx")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NginxProxyTests {

  private static boolean started;

  @LocalServerPort int port;

  @BeforeEach
  void startNginx() throws Exception {
    if (!started) {
      NginxProxy.start("65s", port, port);
      started = true;
    }
  }

  @AfterAll
  static void stopNginx() throws Exception {
    NginxProxy.stop();
  }

  @Test
  @DisplayName("https로 로그인하면 세션 쿠키에 Secure가 붙고, 그 쿠키와 CSRF 토큰으로 wss:// 너머에서 대화한다")
  void loginAndChatThroughTheProxy() throws Exception {
    // given: 프록시의 https 주소로 로그인한다
    ChatLogin minsu =
        new ChatLogin(
            port, NginxProxy.ORIGIN, HttpClient.newBuilder().sslContext(NginxProxy.trust()));
    HttpResponse<String> login = minsu.submit("minsu", "minsu1234");

    // then: 로그인 뒤 가는 곳도 https이고, 바뀐 세션 쿠키에는 Secure가 붙는다(앱이 X-Forwarded-Proto를 믿으므로)
    assertThat(login.headers().firstValue("Location")).hasValue(NginxProxy.ORIGIN + "/");
    assertThat(login.headers().allValues("Set-Cookie"))
        .anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=").contains("Secure"));

    // when: 페이지처럼 Origin과 쿠키를 달고 wss://로 열어, CSRF 토큰을 실은 CONNECT를 보낸다
    WebSocketHttpHeaders handshake = minsu.cookieHeaders();
    handshake.setOrigin(NginxProxy.ORIGIN);
    try (StompTestClient client =
        StompTestClient.attempt(
            NginxProxy.websocketClient(), NginxProxy.WSS, handshake, minsu.csrfConnectHeaders())) {
      Room room = client.join("proxy");
      client.send("/app/rooms.proxy.send", Map.of("content", "https 너머에서"));

      // then: 계정의 이름으로 글이 돈다
      assertThat(awaitMessage(room.messages(), m -> "https 너머에서".equals(m.content())).sender())
          .isEqualTo("민수");
    }
  }

  @Test
  @DisplayName("프록시 없이 http로 로그인하면 세션 쿠키에 Secure가 없다(Secure는 https였다는 전달 머리글에서 나온다)")
  void directHttpLoginHasNoSecureCookie() throws Exception {
    HttpResponse<String> login = new ChatLogin(port).submit("minsu", "minsu1234");

    assertThat(login.headers().allValues("Set-Cookie"))
        .anySatisfy(
            cookie -> assertThat(cookie).startsWith("JSESSIONID=").doesNotContain("Secure"));
  }
}
