package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.chat.ChatHttp.Member;
import com.example.chat.ChatHttp.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 규약의 모든 한도를 서버가 지키고, 그 요청을 보낸 사람에게만 한국어 오류와 4xx로 답하는지 실제 HTTP로 확인합니다. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadInputTests {

  @LocalServerPort int port;

  private ChatHttp http() {
    return new ChatHttp(port);
  }

  private static void assertError(Reply reply, int status, String code, String content) {
    assertThat(reply.status()).as("상태 코드 (본문 %s)", reply.body()).isEqualTo(status);
    assertThat(reply.body().get("type").asString()).isEqualTo("ERROR");
    assertThat(reply.code()).isEqualTo(code);
    assertThat(reply.content()).isEqualTo(content);
  }

  @Test
  @DisplayName("규칙에 맞지 않는 방 이름은 400 INVALID_ROOM이다(입장, 폴링, 긴 폴링 모두)")
  void rejectsBadRoomName() {
    // given
    ChatHttp http = http();
    String message = "방 이름은 영어 소문자, 숫자, '-'로 된 1~32자여야 합니다.";

    // when / then: 대문자, 33자, 밑줄
    assertError(
        http.request("POST", "Lobby/members", null, ChatHttp.json("nickname", "민수")),
        400,
        "INVALID_ROOM",
        message);
    assertError(http.poll("a".repeat(33), 0, null), 400, "INVALID_ROOM", message);
    assertError(http.longPoll("my_room", 0, null), 400, "INVALID_ROOM", message);
  }

  @Test
  @DisplayName("빈 닉네임, 너무 긴 닉네임, 제어 문자가 든 닉네임은 각각 400과 그 이유를 받는다")
  void rejectsBadNicknames() {
    // given
    ChatHttp http = http();

    // when / then
    assertError(join(http, "   "), 400, "NICKNAME_EMPTY", "닉네임을 입력해 주세요.");
    assertError(join(http, "가".repeat(21)), 400, "NICKNAME_TOO_LONG", "닉네임은 20자 이하여야 합니다(지금 21자).");
    assertError(join(http, "민\u0007수"), 400, "NICKNAME_INVALID", "닉네임에는 제어 문자를 쓸 수 없습니다.");
    assertError(
        http.request("POST", "nick-room/members", null, "{}"),
        400,
        "NICKNAME_EMPTY",
        "닉네임을 입력해 주세요.");

    // then: 거절된 입장은 방에 아무 흔적도 남기지 않는다
    assertThat(http.members("nick-room")).isEmpty();
    assertThat(http.poll("nick-room", 0, null).body()).isEmpty();
  }

  private static Reply join(ChatHttp http, String nickname) {
    return http.request("POST", "nick-room/members", null, ChatHttp.json("nickname", nickname));
  }

  @Test
  @DisplayName("빈 메시지와 1000자를 넘는 메시지는 400이고 방에 저장되지 않는다")
  void rejectsBadContent() {
    // given
    ChatHttp http = http();
    Member minsu = http.join("content-room", "민수");

    // when / then
    assertError(http.say(minsu, " \n "), 400, "CONTENT_EMPTY", "빈 메시지는 보낼 수 없습니다.");
    assertError(
        http.say(minsu, "가".repeat(1001)),
        400,
        "CONTENT_TOO_LONG",
        "메시지는 1000자 이하여야 합니다(지금 1001자).");
    assertThat(http.say(minsu, "가".repeat(1000)).status()).isEqualTo(201);
    assertThat(http.poll("content-room", 0, null).ids()).containsExactly(1L, 2L);
  }

  @Test
  @DisplayName("토큰이 없거나, 모르는 토큰이거나, 다른 방의 토큰이면 401 UNKNOWN_MEMBER다")
  void rejectsMissingOrUnknownToken() {
    // given
    ChatHttp http = http();
    Member minsu = http.join("token-room", "민수");
    Member elsewhere = http.join("other-room", "지영");
    String message = "입장 정보가 없거나 만료되었습니다. 다시 입장해 주세요.";
    String hello = ChatHttp.json("content", "안녕");

    // when / then: 보내기
    Reply missing = http.request("POST", "token-room/messages", null, hello);
    assertError(missing, 401, "UNKNOWN_MEMBER", message);
    assertThat(missing.headers().firstValue("WWW-Authenticate")).contains("X-Member-Token");
    assertError(
        http.request("POST", "token-room/messages", "no-such-token", hello),
        401,
        "UNKNOWN_MEMBER",
        message);
    assertError(
        http.request("POST", "token-room/messages", elsewhere.token(), hello),
        401,
        "UNKNOWN_MEMBER",
        message);
    // 퇴장, 토큰을 실은 폴링
    assertError(
        http.request("DELETE", "token-room/members/me", null, null),
        401,
        "UNKNOWN_MEMBER",
        message);
    assertError(http.poll("token-room", 0, "no-such-token"), 401, "UNKNOWN_MEMBER", message);
    assertError(http.longPoll("token-room", 0, "no-such-token"), 401, "UNKNOWN_MEMBER", message);

    // then: 민수는 그대로 방에 있다
    assertThat(http.members("token-room")).containsExactly("민수");
    assertThat(http.say(minsu, "저는 괜찮아요").status()).isEqualTo(201);
  }

  @Test
  @DisplayName("JSON이 아니거나 빈 본문은 400 MALFORMED_MESSAGE, JSON이 아닌 Content-Type은 415다")
  void rejectsMalformedJson() {
    // given
    ChatHttp http = http();
    Member minsu = http.join("json-room", "민수");
    String message = "메시지 형식이 올바르지 않습니다: JSON 본문을 읽을 수 없습니다. 예: {\"content\": \"안녕하세요\"}";

    // when / then
    assertError(
        http.request("POST", "json-room/messages", minsu.token(), "{\"content\": "),
        400,
        "MALFORMED_MESSAGE",
        message);
    assertError(
        http.request("POST", "json-room/messages", minsu.token(), "{\"content\": {\"a\": 1}}"),
        400,
        "MALFORMED_MESSAGE",
        message);
    assertError(
        http.request("POST", "json-room/members", null, "민수"), 400, "MALFORMED_MESSAGE", message);
    assertError(
        http.request("POST", "json-room/members", null, null), 400, "MALFORMED_MESSAGE", message);
    assertError(
        http.request("POST", "json-room/members", null, "nickname=민수", "text/plain"),
        415,
        "MALFORMED_MESSAGE",
        "메시지 형식이 올바르지 않습니다: Content-Type: application/json 으로 보내 주세요.");
    assertThat(http.poll("json-room", 0, null).ids()).containsExactly(1L);
  }

  @Test
  @DisplayName("after가 숫자가 아니면 짧은 폴링도 긴 폴링도 400 MALFORMED_MESSAGE다")
  void rejectsNonNumericAfter() {
    // given
    ChatHttp http = http();
    String message = "메시지 형식이 올바르지 않습니다: 'after' 값은 0 이상의 정수여야 합니다.";

    // when / then
    assertError(
        http.request("GET", "lobby/messages?after=abc", null, null),
        400,
        "MALFORMED_MESSAGE",
        message);
    assertError(
        http.request("GET", "lobby/messages/wait?after=1.5", null, null),
        400,
        "MALFORMED_MESSAGE",
        message);
  }

  @Test
  @DisplayName("너무 빨리 보내면 429 RATE_LIMITED를 받고, 다른 사람은 계속 말할 수 있다")
  void rateLimitsOnlyTheFloodingMember() {
    // given: 1초에 10개까지인 서버(기본값)에 두 사람이 있다
    ChatHttp http = http();
    Member flooder = http.join("rate-room", "도배");
    Member jiyoung = http.join("rate-room", "지영");

    // when: 한 사람이 쉬지 않고 보낸다
    List<Integer> statuses = new ArrayList<>();
    Reply limited = null;
    for (int i = 0; i < 100 && limited == null; i++) {
      Reply reply = http.say(flooder, "도배 " + i);
      statuses.add(reply.status());
      if (reply.status() == 429) {
        limited = reply;
      }
    }

    // then
    assertThat(limited).as("100번 안에 429가 와야 합니다: %s", statuses).isNotNull();
    assertError(limited, 429, "RATE_LIMITED", "메시지를 너무 빨리 보내고 있습니다. 1초에 10개까지 보낼 수 있습니다.");
    assertThat(http.say(jiyoung, "저는 보낼 수 있어요").status()).isEqualTo(201);
  }

  @Test
  @DisplayName("잘못된 요청이 쏟아진 뒤에도 다른 사람들의 대화는 그대로 이어진다")
  void keepsServingOthers() {
    // given
    ChatHttp http = http();
    Member minsu = http.join("calm-room", "민수");
    Member jiyoung = http.join("calm-room", "지영");

    // when: 잘못된 요청 여러 개
    http.request("POST", "calm-room/messages", minsu.token(), "{{{");
    http.request("POST", "calm-room/messages", null, ChatHttp.json("content", "누구?"));
    http.request("GET", "calm-room/messages?after=x", null, null);
    http.say(minsu, "");

    // then: 정상 대화는 id 빈틈 없이 이어진다
    http.say(minsu, "안녕");
    http.say(jiyoung, "반가워요");
    Reply history = http.poll("calm-room", 0, jiyoung.token());
    assertThat(history.ids()).containsExactly(1L, 2L, 3L, 4L);
    assertThat(history.body().get(3).get("content").asString()).isEqualTo("반가워요");
  }
}
