package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** 진짜 폼 로그인({@code POST /login})과 HTTP API의 답. 잠금을 빨리 보려고 세 번 틀리면 잠그게 줄였습니다. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "chat.security.max-failed-logins=3")
class LoginTests {

  @LocalServerPort int port;

  @ParameterizedTest(name = "{0}")
  @CsvSource({"틀린 비밀번호, minsu, wrong-password", "없는 아이디, nobody, minsu1234"})
  @DisplayName("로그인에 실패하면 같은 한국어 문구의 로그인 페이지로 돌아가고, 채팅 API는 여전히 401이다")
  void failedLogin(String kind, String username, String password) throws Exception {
    ChatLogin login = new ChatLogin(port);

    // when
    HttpResponse<String> response = login.submit(username, password);

    // then: 어느 쪽이 틀렸는지 알려 주지 않습니다(있는 아이디를 캐낼 수 없게)
    assertThat(response.headers().firstValue("Location"))
        .as(kind)
        .hasValue(login.uri("/login.html?error=bad").toString());
    JsonNode me = login.get("/api/me");
    assertThat(me.path("code").asString()).isEqualTo("UNAUTHENTICATED");
  }

  @Test
  @DisplayName("한 아이디로 연달아 틀리면 잠기고, 잠긴 동안에는 맞는 비밀번호도 거절되며, 다른 아이디는 로그인된다")
  void tooManyFailuresLock() throws Exception {
    ChatLogin attacker = new ChatLogin(port);
    // given: jiyoung으로 세 번 틀린다
    for (int i = 0; i < 3; i++) {
      attacker.submit("jiyoung", "guess-" + i);
    }

    // when: 이제 맞는 비밀번호를 낸다
    HttpResponse<String> locked = attacker.submit("jiyoung", "jiyoung1234");

    // then: 잠겼다는 페이지로 가고, 로그인되지 않았다
    assertThat(locked.headers().firstValue("Location").orElseThrow())
        .isEqualTo(attacker.uri("/login.html?error=locked&minutes=5").toString());
    assertThat(attacker.get("/api/me").path("code").asString()).isEqualTo("UNAUTHENTICATED");

    // then: 토큰 API도 같은 잠금을 따르고 한국어로 답한다
    HttpResponse<String> token = ChatLogin.requestToken(port, "jiyoung", "jiyoung1234");
    assertThat(token.statusCode()).isEqualTo(429);
    assertThat(ChatLogin.JSON.readTree(token.body()).path("content").asString())
        .isEqualTo("로그인에 여러 번 실패해 이 아이디를 잠갔습니다. 5분 뒤에 다시 해 주세요.");

    // then: 같은 컴퓨터의 다른 아이디는 로그인된다
    assertThat(ChatLogin.as(port, "minsu").get("/api/me").path("displayName").asString())
        .isEqualTo("민수");
  }

  @Test
  @DisplayName("로그인하지 않고 브라우저로 채팅 페이지를 열면 로그인 페이지로, API를 부르면 401과 한국어 JSON을 받는다")
  void pagesNeedLogin() throws Exception {
    ChatLogin anonymous = new ChatLogin(port);

    // when
    HttpResponse<Void> page =
        anonymous.http.send(
            HttpRequest.newBuilder(anonymous.uri("/")).header("Accept", "text/html").build(),
            HttpResponse.BodyHandlers.discarding());
    HttpResponse<String> token = ChatLogin.requestToken(port, "", "");

    // then
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location"))
        .hasValue(anonymous.uri("/login.html").toString());
    assertThat(anonymous.get("/api/me").path("content").asString()).startsWith("로그인이 필요합니다.");
    assertThat(token.statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("로그인하면 /api/me가 계정의 이름과 관리자 여부와 CONNECT에 실을 CSRF 머리글을 준다")
  void meDescribesTheAccount() throws Exception {
    // when
    JsonNode admin = ChatLogin.as(port, "admin").get("/api/me");

    // then
    assertThat(admin.path("displayName").asString()).isEqualTo("관리자");
    assertThat(admin.path("admin").asBoolean()).isTrue();
    assertThat(admin.path("csrf").path("headerName").asString()).isEqualTo("X-CSRF-TOKEN");
    assertThat(ChatLogin.as(port, "mallory").get("/api/me").path("admin").asBoolean()).isFalse();
  }
}
