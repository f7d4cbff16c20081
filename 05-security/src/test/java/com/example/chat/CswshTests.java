package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.chat.StompTestClient.ErrorFrame;
import com.example.chat.StompTestClient.Transport;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.web.socket.WebSocketHttpHeaders;

/**
 * 교차 사이트 웹소켓 하이재킹(CSWSH): 다른 출처의 페이지가 피해자의 쿠키를 업고 웹소켓을 엽니다. 첫 번째 방어는 Origin 검사인데({@link
 * ChatStompTests#otherOriginHandshakeIsRefused}), 여기서는 일부러 {@code allowed-origins: "*"}로 잘못 설정해 그
 * 문을 열어 둡니다. 그래도 CONNECT의 CSRF 토큰이 두 번째 방어로 남아 있는지 봅니다.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "chat.websocket.allowed-origins=*")
class CswshTests {

  private static final String EVIL = "http://evil.example";

  @LocalServerPort int port;

  @Test
  @DisplayName("Origin 검사를 잘못 열어 두어도, 피해자의 쿠키만 가진 공격 페이지의 CONNECT는 CSRF_REJECTED로 닫힌다")
  void hijackWithTheVictimsCookieFails() throws Exception {
    // given: 지영이 로그인해 있고, 지영의 브라우저가 공격 페이지를 연다(브라우저는 쿠키를 저절로 붙입니다)
    ChatLogin victim = ChatLogin.as(port, "jiyoung");
    WebSocketHttpHeaders fromEvil = victim.cookieHeaders();
    fromEvil.setOrigin(EVIL);

    // when: 공격 페이지가 CSRF 토큰을 읽으려 하지만, 답에 CORS 허락이 없어 브라우저가 읽지 못하게 막는다
    HttpResponse<String> me =
        victim.http.send(
            HttpRequest.newBuilder(victim.uri("/api/me")).header("Origin", EVIL).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(me.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

    // when: 그래서 토큰 없이 CONNECT한다
    try (StompTestClient hijack =
        StompTestClient.attempt(Transport.WEBSOCKET, port, fromEvil, new StompHeaders())) {
      // then: 핸드셰이크는 되었지만 CONNECT가 거절되어 지영으로 대화할 수 없다
      ErrorFrame error = hijack.errorFrames.poll(StompTestClient.WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(error).as("ERROR 프레임").isNotNull();
      assertThat(error.body().code()).isEqualTo("CSRF_REJECTED");
    }
  }

  @Test
  @DisplayName("CONNECT 대신 STOMP 1.2의 STOMP 프레임으로 열어도 CSRF 검사를 건너뛸 수 없다")
  void stompFrameInsteadOfConnectIsCheckedToo() throws Exception {
    // given: 공격 페이지가 지영의 쿠키로 소켓을 열었다
    WebSocketHttpHeaders fromEvil = ChatLogin.as(port, "jiyoung").cookieHeaders();
    fromEvil.setOrigin(EVIL);
    try (RawStompSocket hijack = new RawStompSocket(port, fromEvil)) {
      // when: CONNECT와 같은 뜻인 STOMP 프레임을 CSRF 토큰 없이 보낸다
      hijack.send("STOMP", "", "accept-version:1.2", "host:localhost");

      // then: CONNECTED가 아니라 CSRF_REJECTED ERROR가 온다
      assertThat(hijack.await("ERROR")).contains("CSRF_REJECTED");
    }
  }
}
