package com.example.chat;

import static com.example.chat.ChatStompTests.awaitMembers;
import static com.example.chat.ChatStompTests.awaitMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.chat.StompTestClient.Room;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * 잘못된 입력마다 그 클라이언트에게만 한국어 오류가 가고, 다른 사람들은 계속 대화할 수 있는지 봅니다.
 *
 * <p>순서·크기를 어기면 STOMP ERROR 프레임(연결이 닫힘), 주소나 글 내용이 틀리면 {@code /user/queue/errors}(연결 유지)입니다. 3장과 같은
 * 검사를 로그인한 연결로 합니다. 주소 검사는 3장의 닉네임 문지기 대신 {@link MessageSecurityConfig}의 규칙표가 하지만, 오류는 같습니다.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "chat.limits.messages-per-second=5")
class BadInputTests {

  @LocalServerPort int port;

  @Test
  @DisplayName("CONNECT 없이 SEND하면 ERROR를 받고 연결이 닫힌다")
  void sendBeforeConnect() throws Exception {
    // given: 웹소켓만 열었다
    try (RawStompSocket socket = new RawStompSocket(port)) {
      // when: CONNECT 없이 SEND한다
      socket.send("SEND", "{\"content\":\"몰래\"}", "destination:/app/rooms.lobby.send");

      // then: 한국어 ERROR 뒤에 연결이 닫힌다
      assertThat(socket.await("ERROR")).contains("message:먼저 방에 입장해 주세요.");
      assertThat(socket.closed.get(StompTestClient.WAIT_SECONDS, TimeUnit.SECONDS).getCode())
          .isEqualTo(1002);
    }
  }

  @Test
  @DisplayName("허용 한도보다 큰 프레임은 MESSAGE_TOO_BIG ERROR로 거절한다")
  void oversizeFrame() throws Exception {
    // given: 연결한 소켓
    try (RawStompSocket socket = ChatLogin.as(port, "minsu").rawConnect()) {

      // when: 8KB 한도를 넘는 SEND를 보낸다
      socket.send(
          "SEND", "{\"content\":\"" + "가".repeat(4000) + "\"}", "destination:/app/rooms.big.send");

      // then: 한도를 알려 주는 ERROR
      String error = socket.await("ERROR");
      assertThat(error).contains("message:메시지가 너무 큽니다(최대 8192바이트).");
      assertThat(error).contains("\"code\":\"MESSAGE_TOO_BIG\"");
    }
    assertOthersKeepChatting();
  }

  @Test
  @DisplayName("/topic으로 직접 SEND해 서버를 건너뛰려 하면 거절하고, 방 사람들은 아무것도 받지 않는다")
  void sendingStraightToTopicIsRejected() throws Exception {
    // given: 지영이 방을 듣고 있다
    try (StompTestClient jiyoung = ChatLogin.as(port, "jiyoung").connect();
        StompTestClient mallory = ChatLogin.as(port, "mallory").connect()) {
      Room room = jiyoung.join("bypass");
      awaitMembers(room, "지영");

      // when: 말로리가 보낸 사람을 꾸민 글을 브로커 주소로 바로 보낸다
      BlockingQueue<ChatError> errors = mallory.subscribe("/user/queue/errors", ChatError.class);
      mallory.send("/topic/rooms.bypass", Map.of("sender", "지영", "content", "가짜"));

      // then: 말로리만 오류를 받고(연결은 유지), 지영에게는 아무것도 가지 않는다
      ChatError error = mallory.awaitErrorKeepingSession(errors);
      assertThat(error.content()).isEqualTo("보낼 수 없는 주소입니다: /topic/rooms.bypass");
      assertThat(error.code()).isEqualTo("INVALID_DESTINATION");
      jiyoung.send("/app/rooms.bypass.send", Map.of("content", "진짜"));
      assertThat(awaitMessage(room.messages(), m -> m.type() == ChatMessage.Type.CHAT).content())
          .isEqualTo("진짜");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/app/rooms.lobby.shout", "/queue/anything", "/app/rooms.a.b.send"})
  @DisplayName("없는 주소로 SEND하면 INVALID_DESTINATION 오류를 받고 연결은 그대로다")
  void unknownSendDestination(String destination) throws Exception {
    try (StompTestClient client = ChatLogin.as(port, "minsu").connect()) {
      // when: 표에 없는 주소로 보낸다
      BlockingQueue<ChatError> errors = client.subscribe("/user/queue/errors", ChatError.class);
      client.send(destination, Map.of("content", "안녕"));

      // then: 그 주소를 알려 주는 오류(브로커에 넘기지 않았으므로 연결은 살아 있다)
      ChatError error = client.awaitErrorKeepingSession(errors);
      assertThat(error.content()).isEqualTo("보낼 수 없는 주소입니다: " + destination);
    }
    assertOthersKeepChatting();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/topic/rooms.*", "/topic/rooms.Lobby", "/topic/rooms.#"})
  @DisplayName("방 이름이 규칙에 맞지 않거나 와일드카드면 구독을 거절한다")
  void invalidRoomSubscription(String destination) throws Exception {
    try (StompTestClient client = ChatLogin.as(port, "minsu").connect()) {
      // when: 여러 방을 한꺼번에 엿들으려 한다(브로커의 와일드카드 구독)
      BlockingQueue<ChatError> errors = client.subscribe("/user/queue/errors", ChatError.class);
      client.subscribe(destination, ChatMessage.class);

      // then: 방 이름 규칙을 알려 주는 오류
      ChatError error = client.awaitErrorKeepingSession(errors);
      assertThat(error.code()).isEqualTo("INVALID_ROOM");
      assertThat(error.content()).startsWith("방 이름은");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/user/지영/queue/whispers", "/queue/whispers-user0", "/user/queue/secret"})
  @DisplayName("다른 사람의 큐는 구독할 수 없다")
  void otherUsersQueueIsForbidden(String destination) throws Exception {
    // given: 지영이 접속해 있다
    try (StompTestClient jiyoung = ChatLogin.as(port, "jiyoung").connect();
        StompTestClient mallory = ChatLogin.as(port, "mallory").connect()) {
      // when: 말로리가 지영의 귓속말 큐를 구독하려 한다
      BlockingQueue<ChatError> errors = mallory.subscribe("/user/queue/errors", ChatError.class);
      mallory.subscribe(destination, ChatMessage.class);

      // then: 말로리만 오류를 받는다
      ChatError error = mallory.awaitErrorKeepingSession(errors);
      assertThat(error.code()).isEqualTo("FORBIDDEN_DESTINATION");
      assertThat(error.content()).isEqualTo("다른 사람의 주소는 구독할 수 없습니다: " + destination);
      assertThat(jiyoung.errorFrames).isEmpty();
    }
  }

  @Test
  @DisplayName("JSON이 아닌 본문은 errors 큐로 알리고 연결은 그대로 둔다")
  void malformedJson() throws Exception {
    // given: 방에 들어와 errors 큐를 구독한 소켓
    try (RawStompSocket socket = ChatLogin.as(port, "minsu").rawConnect()) {
      socket.send("SUBSCRIBE", "", "id:errors", "destination:/user/queue/errors");
      socket.send("SUBSCRIBE", "", "id:room", "destination:/topic/rooms.json");
      socket.send("SEND", "{}", "destination:/app/rooms.json.join");

      // when: 닫히지 않은 JSON을 보낸다
      socket.send("SEND", "{\"content\": 안녕", "destination:/app/rooms.json.send");

      // then: 형식 오류가 errors 큐로 오고, 이어서 보낸 글은 잘 간다
      String error = socket.await("MESSAGE");
      while (!error.contains("subscription:errors")) {
        error = socket.await("MESSAGE");
      }
      assertThat(error).contains("\"code\":\"MALFORMED_MESSAGE\"", "메시지 형식이 올바르지 않습니다");
      socket.send("SEND", "{\"content\":\"다시\"}", "destination:/app/rooms.json.send");
      String next = socket.await("MESSAGE");
      while (!next.contains("\"type\":\"CHAT\"")) {
        next = socket.await("MESSAGE");
      }
      assertThat(next).contains("\"content\":\"다시\"");
      assertThat(socket.closed).isNotDone();
    }
  }

  @Test
  @DisplayName("빈 글과 1000자를 넘는 글은 그 사람에게만 오류로 알린다")
  void invalidContent() throws Exception {
    try (StompTestClient minsu = ChatLogin.as(port, "minsu").connect();
        StompTestClient jiyoung = ChatLogin.as(port, "jiyoung").connect()) {
      Room minsuRoom = minsu.join("content");
      Room jiyoungRoom = jiyoung.join("content");
      awaitMembers(minsuRoom, "민수", "지영");

      // when: 민수가 빈 글과 너무 긴 글을 보낸다
      minsu.send("/app/rooms.content.send", Map.of("content", "   "));
      minsu.send("/app/rooms.content.send", Map.of("content", "a".repeat(1001)));

      // then: 민수만 두 오류를 받는다
      assertThat(minsuRoom.errors().poll(StompTestClient.WAIT_SECONDS, TimeUnit.SECONDS).code())
          .isEqualTo("CONTENT_EMPTY");
      assertThat(minsuRoom.errors().poll(StompTestClient.WAIT_SECONDS, TimeUnit.SECONDS).content())
          .isEqualTo("메시지는 1000자 이하여야 합니다(지금 1001자).");
      jiyoung.send("/app/rooms.content.send", Map.of("content", "저는 괜찮아요"));
      awaitMessage(minsuRoom.messages(), m -> "저는 괜찮아요".equals(m.content()));
      assertThat(jiyoungRoom.errors()).isEmpty();
    }
  }

  @Test
  @DisplayName("방에 없는 사람에게 귓속말하면 UNKNOWN_RECIPIENT")
  void whisperToNobody() throws Exception {
    try (StompTestClient minsu = ChatLogin.as(port, "minsu").connect()) {
      Room room = minsu.join("nobody");
      awaitMembers(room, "민수");

      // when: 없는 사람에게 귓속말한다
      minsu.send("/app/rooms.nobody.whisper", Map.of("to", "유령", "content", "거기 누구"));

      // then: 받는 사람이 없다는 오류
      ChatError error = room.errors().poll(StompTestClient.WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(error.code()).isEqualTo("UNKNOWN_RECIPIENT");
      assertThat(error.content()).isEqualTo("'유령' 님은 이 방에 없습니다.");
    }
  }

  @Test
  @DisplayName("입장하지 않고 보내면 NOT_JOINED")
  void sendWithoutJoin() throws Exception {
    try (StompTestClient minsu = ChatLogin.as(port, "minsu").connect()) {
      var errors = minsu.subscribe("/user/queue/errors", ChatError.class);

      // when: join 없이 글을 보낸다
      minsu.send("/app/rooms.lobby.send", Map.of("content", "안녕"));

      // then: 먼저 입장하라는 오류
      assertThat(errors.poll(StompTestClient.WAIT_SECONDS, TimeUnit.SECONDS).code())
          .isEqualTo("NOT_JOINED");
    }
  }

  @Test
  @DisplayName("1초에 너무 많이 보내면 넘친 것만 RATE_LIMITED로 거절한다")
  void rateLimit() throws Exception {
    try (StompTestClient minsu = ChatLogin.as(port, "minsu").connect()) {
      Room room = minsu.join("rate");
      awaitMembers(room, "민수");

      // when: 한도(이 테스트에서는 초당 5개)보다 많이 한꺼번에 보낸다
      for (int i = 1; i <= 12; i++) {
        minsu.send("/app/rooms.rate.send", Map.of("content", "도배 " + i));
      }

      // then: 도배 오류가 오고, 첫 글은 방에 남는다
      ChatError error = room.errors().poll(StompTestClient.WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(error.code()).isEqualTo("RATE_LIMITED");
      assertThat(error.content()).contains("1초에 5개까지");
      awaitMessage(room.messages(), m -> "도배 1".equals(m.content()));
    }
  }

  @Test
  @DisplayName("다른 출처(Origin)의 페이지가 여는 연결은 403으로 막는다")
  void foreignOriginIsRejected() {
    // given: 다른 사이트에서 온 것처럼 Origin을 단다
    WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
    headers.setOrigin("http://evil.example");

    // when/then: 핸드셰이크가 403으로 실패한다
    assertThatThrownBy(
            () ->
                new StandardWebSocketClient()
                    .execute(new TextWebSocketHandler(), headers, RawStompSocket.url(port))
                    .get(StompTestClient.WAIT_SECONDS, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasStackTraceContaining("403");
  }

  /** 방금 누가 잘못을 저질렀어도 다른 두 사람은 평소처럼 대화합니다. */
  private void assertOthersKeepChatting() throws Exception {
    try (Bystanders others = Bystanders.join(port, "after")) {
      others.assertStillChatting();
    }
  }
}
