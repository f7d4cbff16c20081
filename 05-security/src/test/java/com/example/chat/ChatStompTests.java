package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.chat.StompTestClient.ErrorFrame;
import com.example.chat.StompTestClient.Room;
import com.example.chat.StompTestClient.Transport;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.web.socket.WebSocketHttpHeaders;

/** 진짜 서버(무작위 포트)에 진짜 로그인(폼, 세션 쿠키)을 하고 STOMP로 붙어, 사용자가 보는 그대로를 확인합니다. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChatStompTests {

  @LocalServerPort int port;

  @ParameterizedTest(name = "{0}")
  @EnumSource(Transport.class)
  @DisplayName("로그인한 두 사람이 대화하고, 보낸 사람은 CONNECT의 nickname 머리글이 아니라 계정의 이름이다")
  void senderIsTheAccount(Transport transport) throws Exception {
    String room = "two-" + transport.name().toLowerCase().replace('_', '-');
    ChatLogin minsuLogin = ChatLogin.as(port, "minsu");
    StompHeaders impersonating = minsuLogin.csrfConnectHeaders();
    impersonating.add("nickname", "지영");
    // given: 민수는 로그인한 쿠키로 붙으면서 CONNECT에 nickname: 지영을 적었고, 진짜 지영도 들어와 있다
    try (StompTestClient minsu = connected(minsuLogin.attempt(impersonating));
        StompTestClient jiyoung = ChatLogin.as(port, "jiyoung").connect(transport)) {
      Room minsuRoom = minsu.join(room);
      Room jiyoungRoom = jiyoung.join(room);
      awaitMembers(minsuRoom, "민수", "지영");

      // when: 민수가 글을 보낸다(본문에도 다른 이름을 넣어 봐도)
      minsu.send("/app/rooms." + room + ".send", Map.of("content", "나는 지영", "sender", "지영"));

      // then: 지영에게 계정의 이름 "민수"로 도착한다
      ChatMessage received =
          awaitMessage(jiyoungRoom.messages(), m -> m.type() == ChatMessage.Type.CHAT);
      assertThat(received.sender()).isEqualTo("민수");
      assertThat(received.content()).isEqualTo("나는 지영");
    }
  }

  @Test
  @DisplayName("한 계정의 탭 두 개는 참여자 한 명이고, 그 계정에 온 귓속말은 두 탭에만 간다")
  void twoTabsAreOneMember() throws Exception {
    ChatLogin minsuLogin = ChatLogin.as(port, "minsu");
    // given: 민수가 탭 두 개로, 지영과 말로리가 하나씩 들어와 있다
    try (StompTestClient tab1 = minsuLogin.connect();
        StompTestClient tab2 = minsuLogin.connect();
        StompTestClient jiyoung = ChatLogin.as(port, "jiyoung").connect();
        StompTestClient mallory = ChatLogin.as(port, "mallory").connect()) {
      Room first = tab1.join("tabs");
      Room second = tab2.join("tabs");
      Room jiyoungRoom = jiyoung.join("tabs");
      Room malloryRoom = mallory.join("tabs");

      // then: 목록에는 민수가 한 번만 있다
      awaitMembers(jiyoungRoom, "민수", "지영", "말로리");

      // when: 지영이 민수에게 귓속말하고, 이어서 방에 글을 쓴다
      jiyoung.send("/app/rooms.tabs.whisper", Map.of("to", "민수", "content", "비밀"));
      jiyoung.send("/app/rooms.tabs.send", Map.of("content", "다 같이"));

      // then: 귓속말은 민수의 두 탭에 가고, 말로리는 방의 글만 받는다(같은 연결로 가는 것은 보낸 순서대로 도착합니다)
      assertThat(awaitMessage(first.whispers(), m -> true).content()).isEqualTo("비밀");
      assertThat(awaitMessage(second.whispers(), m -> true).content()).isEqualTo("비밀");
      awaitMessage(malloryRoom.messages(), m -> "다 같이".equals(m.content()));
      assertThat(malloryRoom.whispers()).isEmpty();
    }
  }

  @Test
  @DisplayName("쿠키도 토큰도 없는 CONNECT는 한국어 ERROR(UNAUTHENTICATED)로 닫히고, 로그인한 사람들은 계속 대화한다")
  void anonymousConnectIsRefused() throws Exception {
    try (Bystanders others = Bystanders.join(port, "anonymous");
        StompTestClient anonymous = StompTestClient.attempt(port, new StompHeaders())) {
      // when: 로그인하지 않은 클라이언트가 nickname만 적어 CONNECT한다
      // then: CONNECTED 대신 ERROR가 온다
      ErrorFrame error = anonymous.errorFrames.poll(StompTestClient.WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(error).as("ERROR 프레임").isNotNull();
      assertThat(error.body().code()).isEqualTo("UNAUTHENTICATED");
      assertThat(error.message()).startsWith("로그인이 필요합니다.");
      others.assertStillChatting();
    }
  }

  @Test
  @DisplayName("CSRF 토큰이 없거나 틀린 CONNECT는 로그인 쿠키가 있어도 ERROR(CSRF_REJECTED)로 닫힌다")
  void connectNeedsTheCsrfToken() throws Exception {
    ChatLogin minsuLogin = ChatLogin.as(port, "minsu");
    StompHeaders wrong = minsuLogin.csrfConnectHeaders();
    wrong.set(wrong.keySet().iterator().next(), "not-the-token");
    try (Bystanders others = Bystanders.join(port, "csrf");
        StompTestClient missing = minsuLogin.attempt(new StompHeaders());
        StompTestClient forged = minsuLogin.attempt(wrong)) {
      // when: 민수의 쿠키로, CSRF 토큰 없이 한 번, 틀린 토큰으로 한 번 CONNECT한다
      // then: 둘 다 한국어 ERROR로 거절된다
      for (StompTestClient attempt : List.of(missing, forged)) {
        ErrorFrame error = attempt.errorFrames.poll(StompTestClient.WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(error).as("ERROR 프레임").isNotNull();
        assertThat(error.body().code()).isEqualTo("CSRF_REJECTED");
        assertThat(error.message()).isEqualTo(ChatError.Code.CSRF_REJECTED.format());
      }
      others.assertStillChatting();
    }
  }

  @Test
  @DisplayName("다른 출처(Origin)의 페이지가 피해자의 쿠키로 핸드셰이크하면 403으로 거절된다(CSWSH 첫 번째 방어)")
  void otherOriginHandshakeIsRefused() throws Exception {
    ChatLogin victim = ChatLogin.as(port, "jiyoung");
    WebSocketHttpHeaders attacker = victim.cookieHeaders();
    attacker.setOrigin("http://evil.example");
    // when: 공격 페이지가 지영의 쿠키가 붙은 채로 웹소켓을 연다
    try (StompTestClient hijack =
        StompTestClient.attempt(Transport.WEBSOCKET, port, attacker, victim.csrfConnectHeaders())) {
      // then: 핸드셰이크가 403으로 끝나 STOMP 세션이 생기지 않는다
      assertThatThrownBy(hijack::session)
          .isInstanceOf(ExecutionException.class)
          .hasMessageContaining("403");
    }
  }

  static StompTestClient connected(StompTestClient client) throws Exception {
    client.session();
    return client;
  }

  static ChatMessage awaitMessage(BlockingQueue<ChatMessage> queue, Predicate<ChatMessage> wanted)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(StompTestClient.WAIT_SECONDS);
    while (System.nanoTime() < deadline) {
      ChatMessage message = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (message != null && wanted.test(message)) {
        return message;
      }
    }
    throw new AssertionError("기다린 메시지가 오지 않았습니다");
  }

  static void awaitMembers(Room room, String... expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(StompTestClient.WAIT_SECONDS);
    String[] last = null;
    while (System.nanoTime() < deadline) {
      String[] members = room.members().poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (members != null) {
        last = members;
        if (java.util.Arrays.asList(members).containsAll(java.util.List.of(expected))
            && members.length == expected.length) {
          return;
        }
      }
    }
    throw new AssertionError(
        "참여자 목록이 "
            + String.join(",", expected)
            + "가 되지 않았습니다: "
            + (last == null ? "없음" : String.join(",", last)));
  }
}
