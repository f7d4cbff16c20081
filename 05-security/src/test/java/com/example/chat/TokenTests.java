package com.example.chat;

import static com.example.chat.ChatStompTests.awaitMessage;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.chat.StompTestClient.ErrorFrame;
import com.example.chat.StompTestClient.Room;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * 브라우저가 아닌 클라이언트의 길: HTTP Basic으로 토큰(JWT)을 받고, 쿠키 없이 CONNECT의 {@code Authorization: Bearer}로 붙습니다.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TokenTests {

  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  @LocalServerPort int port;
  @Autowired ChatTokens tokens;
  @Autowired SecurityProperties properties;

  @Test
  @DisplayName("아이디와 비밀번호로 받은 토큰으로 쿠키 없이 붙어 계정의 이름으로 대화한다")
  void tokenClientChats() throws Exception {
    // given: 말로리가 HTTP Basic으로 토큰을 받는다
    HttpResponse<String> response = ChatLogin.requestToken(port, "mallory", "mallory1234");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode issued = ChatLogin.JSON.readTree(response.body());
    assertThat(Instant.parse(issued.path("expiresAt").asString())).isAfter(Instant.now());

    // when: 쿠키 없이 토큰만 CONNECT에 실어 붙고 글을 쓴다
    try (StompTestClient mallory =
            ChatStompTests.connected(ChatLogin.bearer(port, issued.path("token").asString()));
        StompTestClient jiyoung = ChatLogin.as(port, "jiyoung").connect()) {
      mallory.join("token");
      Room jiyoungRoom = jiyoung.join("token");
      mallory.send("/app/rooms.token.send", Map.of("content", "토큰으로 왔어요"));

      // then: 지영에게 계정의 이름으로 도착한다
      ChatMessage received =
          awaitMessage(jiyoungRoom.messages(), m -> "토큰으로 왔어요".equals(m.content()));
      assertThat(received.sender()).isEqualTo("말로리");
    }
  }

  @Test
  @DisplayName("틀린 비밀번호로 토큰을 달라고 하면 401과 한국어 JSON(LOGIN_FAILED)을 받는다")
  void wrongPasswordGetsNoToken() throws Exception {
    // when
    HttpResponse<String> response = ChatLogin.requestToken(port, "mallory", "guess");

    // then
    assertThat(response.statusCode()).isEqualTo(401);
    JsonNode error = ChatLogin.JSON.readTree(response.body());
    assertThat(error.path("code").asString()).isEqualTo("LOGIN_FAILED");
    assertThat(error.path("content").asString()).isEqualTo("아이디 또는 비밀번호가 맞지 않습니다.");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "서명을 그대로 두고 주인을 바꾼 토큰, 서명이 맞지 않음",
    "다른 키로 서명한 토큰, 서명이 맞지 않음",
    "alg: none 토큰, 서명 없는 토큰(alg: none)",
    "JWT가 아닌 글자, 토큰 형식이 틀림"
  })
  @DisplayName("믿을 수 없는 토큰의 CONNECT는 한국어 ERROR(BAD_TOKEN)로 닫히고, 다른 사람은 계속 대화한다")
  void untrustedTokensAreRefused(String kind, String reason) throws Exception {
    String token =
        switch (kind) {
          case "서명을 그대로 두고 주인을 바꾼 토큰" -> swapSubject(tokens.issue("mallory").token(), "jiyoung");
          case "다른 키로 서명한 토큰" -> otherKey().issue("jiyoung").token();
          case "alg: none 토큰" -> unsigned("jiyoung");
          default -> "not-a-jwt";
        };
    try (Bystanders others = Bystanders.join(port, "bad-token");
        StompTestClient attempt = ChatLogin.bearer(port, token)) {
      // then
      ErrorFrame error = attempt.errorFrames.poll(StompTestClient.WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(error).as(kind + "의 ERROR 프레임").isNotNull();
      assertThat(error.body().code()).isEqualTo("BAD_TOKEN");
      assertThat(error.message()).startsWith("토큰을 믿을 수 없습니다(" + reason);
      others.assertStillChatting();
    }
  }

  @Test
  @DisplayName("만료된 토큰의 CONNECT는 한국어 ERROR(TOKEN_EXPIRED)로 닫힌다")
  void expiredTokenIsRefused() throws Exception {
    String expired = tokens.issue("mallory", Instant.now().minusSeconds(1)).token();
    try (StompTestClient attempt = ChatLogin.bearer(port, expired)) {
      ErrorFrame error = attempt.errorFrames.poll(StompTestClient.WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(error).as("ERROR 프레임").isNotNull();
      assertThat(error.body().code()).isEqualTo("TOKEN_EXPIRED");
      assertThat(error.message()).isEqualTo("토큰이 만료되었습니다. 새 토큰을 받아 다시 연결해 주세요.");
    }
  }

  @Test
  @DisplayName("연결한 뒤에 토큰이 만료되어도 그 연결은 이어지고, 같은 토큰의 다음 CONNECT는 거절된다")
  void expiryDuringConnection() throws Exception {
    // given: 2초 뒤에 만료되는 토큰으로 말로리가 붙어 있다
    ChatTokens.Issued issued = tokens.issue("mallory", Instant.now().plusSeconds(2));
    try (StompTestClient mallory =
            ChatStompTests.connected(ChatLogin.bearer(port, issued.token()));
        StompTestClient jiyoung = ChatLogin.as(port, "jiyoung").connect()) {
      mallory.join("expiry");
      Room jiyoungRoom = jiyoung.join("expiry");

      // when: 만료 시각이 지난다
      Awaitility.await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> Instant.now().isAfter(issued.expiresAt()));

      // then: 이미 붙은 연결로 보낸 글은 그대로 닿는다(토큰은 CONNECT 때 한 번만 봅니다)
      mallory.send("/app/rooms.expiry.send", Map.of("content", "만료 뒤에도"));
      awaitMessage(jiyoungRoom.messages(), m -> "만료 뒤에도".equals(m.content()));

      // then: 같은 토큰으로 새로 붙으면 거절된다
      try (StompTestClient again = ChatLogin.bearer(port, issued.token())) {
        ErrorFrame error = again.errorFrames.poll(StompTestClient.WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(error).as("ERROR 프레임").isNotNull();
        assertThat(error.body().code()).isEqualTo("TOKEN_EXPIRED");
      }
    }
  }

  @Test
  @DisplayName("민수의 쿠키로 지영의 토큰을 내밀면 BAD_TOKEN으로 거절된다")
  void tokenOfSomeoneElseOnALoggedInSocket() throws Exception {
    ChatLogin minsu = ChatLogin.as(port, "minsu");
    org.springframework.messaging.simp.stomp.StompHeaders headers =
        new org.springframework.messaging.simp.stomp.StompHeaders();
    headers.add("Authorization", "Bearer " + tokens.issue("jiyoung").token());
    try (StompTestClient attempt = minsu.attempt(headers)) {
      ErrorFrame error = attempt.errorFrames.poll(StompTestClient.WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(error).as("ERROR 프레임").isNotNull();
      assertThat(error.body().code()).isEqualTo("BAD_TOKEN");
      assertThat(error.message()).contains("로그인한 사람과 토큰의 주인이 다릅니다");
    }
  }

  private ChatTokens otherKey() {
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    return new ChatTokens(
        new SecurityProperties(
            List.of(),
            Base64.getEncoder().encodeToString(key),
            Duration.ofMinutes(1),
            5,
            Duration.ofMinutes(5)));
  }

  /** 가운데 조각(claims)의 sub만 바꿉니다. 서명은 옛 내용의 것이라 맞지 않습니다. */
  private static String swapSubject(String token, String subject) {
    String[] parts = token.split("\\.");
    String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String forged = claims.replace("\"sub\":\"mallory\"", "\"sub\":\"" + subject + "\"");
    assertThat(forged).isNotEqualTo(claims);
    return parts[0]
        + "."
        + URL.encodeToString(forged.getBytes(StandardCharsets.UTF_8))
        + "."
        + parts[2];
  }

  /** 서명 없는 토큰: 머리에 alg: none, 서명 칸은 비어 있습니다. */
  private static String unsigned(String subject) {
    long exp = Instant.now().plusSeconds(600).getEpochSecond();
    String header = "{\"alg\":\"none\"}";
    String claims =
        "{\"iss\":\"" + ChatTokens.ISSUER + "\",\"sub\":\"" + subject + "\",\"exp\":" + exp + "}";
    return URL.encodeToString(header.getBytes(StandardCharsets.UTF_8))
        + "."
        + URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8))
        + ".";
  }
}
