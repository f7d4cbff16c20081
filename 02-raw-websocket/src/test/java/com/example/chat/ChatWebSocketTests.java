package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** 실제 웹소켓 클라이언트로 무작위 포트의 서버에 붙어, 대화·기록·참여자·퇴장·출처 검사를 확인합니다. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChatWebSocketTests {

  @LocalServerPort int port;

  @Test
  @DisplayName("두 사람이 같은 방에서 주고받은 메시지를 둘 다 같은 id로 받는다")
  void twoUsersChat() throws Exception {
    // given: 민수와 지영이 같은 방에 입장했다
    try (ChatSocket minsu = ChatSocket.joined(port, "ws-chat", "민수");
        ChatSocket jiyoung = ChatSocket.joined(port, "ws-chat", "지영")) {

      // when: 민수가 말한다
      minsu.chat("  안녕하세요  ");

      // then: 둘 다 서버가 보낸 사람·id·시각을 찍은 같은 메시지를 받는다
      JsonNode seenByJiyoung = jiyoung.untilContent("안녕하세요");
      JsonNode seenByMinsu = minsu.untilContent("안녕하세요");
      assertThat(seenByJiyoung.path("type").asString()).isEqualTo("CHAT");
      assertThat(seenByJiyoung.path("sender").asString()).isEqualTo("민수");
      assertThat(seenByJiyoung.path("room").asString()).isEqualTo("ws-chat");
      assertThat(seenByJiyoung.path("sentAt").asString()).endsWith("Z");
      assertThat(seenByJiyoung.path("id").asLong()).isEqualTo(seenByMinsu.path("id").asLong());

      // when: 지영이 답한다
      jiyoung.chat("반가워요 😀");

      // then: 민수가 받는다
      assertThat(minsu.untilContent("반가워요 😀").path("sender").asString()).isEqualTo("지영");
    }
  }

  @Test
  @DisplayName("입장하면 그 방의 기록을 오래된 순으로 받고, 이어서 참여자 목록을 받는다")
  void historyThenMembersOnJoin() throws Exception {
    // given: 민수가 먼저 두 마디를 남겼다
    try (ChatSocket minsu = ChatSocket.joined(port, "ws-history", "민수")) {
      minsu.chat("첫째");
      minsu.chat("둘째");
      minsu.untilContent("둘째");

      // when: 지영이 입장한다
      try (ChatSocket jiyoung = ChatSocket.connect(port)) {
        jiyoung.join("ws-history", "지영");
        List<JsonNode> frames = jiyoung.untilType("MEMBERS");

        // then: 기록(민수 입장, 첫째, 둘째, 지영 입장)이 id 순서대로 온 뒤 MEMBERS가 온다
        List<JsonNode> history = frames.subList(0, frames.size() - 1);
        assertThat(history)
            .extracting(f -> f.path("type").asString() + ":" + f.path("sender").asString())
            .containsExactly("JOIN:민수", "CHAT:민수", "CHAT:민수", "JOIN:지영");
        assertThat(history).extracting(f -> f.path("id").asLong()).isSorted();
        JsonNode members = frames.get(frames.size() - 1);
        assertThat(members(members)).containsExactly("민수", "지영");
        // then: 목록의 version은 그 목록이 반영한 마지막 글(지영의 JOIN)의 id다
        assertThat(members.path("room").asString()).isEqualTo("ws-history");
        assertThat(members.path("version").asLong())
            .isEqualTo(history.get(history.size() - 1).path("id").asLong());
      }
    }
  }

  @Test
  @DisplayName("누가 들어오고 나가면 방의 모두가 JOIN·LEAVE를 받고, 목록 전체는 들어온 사람만 받는다")
  void presenceOnJoinAndLeave() throws Exception {
    // given: 민수가 방에 있다
    try (ChatSocket minsu = ChatSocket.joined(port, "ws-presence", "민수")) {

      // when: 지영이 들어온다
      ChatSocket jiyoung = ChatSocket.joined(port, "ws-presence", "지영");

      // then: 민수는 지영의 JOIN을 받는다
      List<JsonNode> frames = minsu.untilType("JOIN");
      assertThat(frames.get(0).path("sender").asString()).isEqualTo("지영");

      // when: 지영이 연결을 닫는다(= 퇴장)
      jiyoung.close();

      // then: 민수는 LEAVE를 받는다
      frames = minsu.untilType("LEAVE");
      assertThat(frames.get(0).path("content").asString()).isEqualTo("지영 님이 퇴장했습니다.");

      // then: 그동안 민수에게 목록(MEMBERS)은 다시 오지 않았다. 민수의 글이 돌아오기 전까지 받은 것을 본다
      minsu.chat("확인");
      List<JsonNode> rest = minsu.untilType("CHAT");
      assertThat(frames).extracting(f -> f.path("type").asString()).doesNotContain("MEMBERS");
      assertThat(rest).extracting(f -> f.path("type").asString()).containsExactly("CHAT");
    }
  }

  @Test
  @DisplayName("다른 사이트의 페이지(Origin)에서 여는 핸드셰이크는 403으로 거절된다")
  void foreignOriginRejected() {
    // given: 다른 사이트의 페이지인 척 Origin을 단 클라이언트
    WebSocket.Builder builder =
        HttpClient.newHttpClient().newWebSocketBuilder().header("Origin", "https://evil.example");

    // when / then: 핸드셰이크가 403으로 끝나 연결이 열리지 않는다
    assertThatThrownBy(() -> builder.buildAsync(chatUri(), new WebSocket.Listener() {}).join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(
            WebSocketHandshakeException.class,
            e -> assertThat(e.getResponse().statusCode()).isEqualTo(403));
  }

  @Test
  @DisplayName("같은 출처와 설정에 적힌 localhost 출처는 핸드셰이크가 허용된다")
  void sameOriginAndLocalhostAllowed() {
    // given / when: 이 서버 자신의 출처, 그리고 다른 포트의 localhost 개발 서버 출처
    for (String origin : List.of("http://localhost:" + port, "http://localhost:5173")) {
      WebSocket socket =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .header("Origin", origin)
              .buildAsync(chatUri(), new WebSocket.Listener() {})
              .join();

      // then: 연결이 열린다
      assertThat(socket.isInputClosed()).as(origin).isFalse();
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }
  }

  private URI chatUri() {
    return URI.create("ws://localhost:" + port + "/ws/chat");
  }

  private static List<String> members(JsonNode frame) {
    assertThat(frame.path("type").asString()).isEqualTo("MEMBERS");
    return frame.path("members").valueStream().map(JsonNode::asString).toList();
  }
}
