package com.example.chat;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.chat.StompTestClient.Room;
import com.example.chat.StompTestClient.Transport;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 진짜 서버(무작위 포트)에 STOMP 클라이언트 여럿을 붙여, 사용자가 보는 그대로를 확인합니다. 3장과 같은 시험을, 브로커만 내장 Artemis로 바꿔 릴레이를 거쳐
 * 돌립니다.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChatStompTests {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;

  @DynamicPropertySource
  static void broker(DynamicPropertyRegistry registry) {
    EmbeddedArtemis.register(registry);
  }

  @BeforeEach
  void awaitBroker() {
    TwoInstanceScenarios.awaitBroker(context);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Transport.class)
  @DisplayName("두 사람이 같은 방에서 주고받는다(웹소켓, SockJS 웹소켓, SockJS xhr)")
  void twoPeopleChat(Transport transport) throws Exception {
    String room = "two-" + transport.name().toLowerCase().replace('_', '-');
    // given: 민수와 지영이 같은 방에 들어와 있다
    try (StompTestClient minsu = StompTestClient.connect(transport, port, "민수");
        StompTestClient jiyoung = StompTestClient.connect(transport, port, "지영")) {
      Room minsuRoom = minsu.join(room);
      Room jiyoungRoom = jiyoung.join(room);
      awaitMessage(
          minsuRoom.messages(), m -> m.type() == ChatMessage.Type.JOIN && m.sender().equals("지영"));

      // when: 민수가 글을 보낸다(본문에 다른 이름을 넣어 봐도)
      minsu.send("/app/rooms." + room + ".send", Map.of("content", "  안녕하세요  ", "sender", "관리자"));

      // then: 지영에게 서버가 찍은 이름과 다듬은 내용으로 도착한다
      ChatMessage received =
          awaitMessage(jiyoungRoom.messages(), m -> m.type() == ChatMessage.Type.CHAT);
      assertThat(received.sender()).isEqualTo("민수");
      assertThat(received.content()).isEqualTo("안녕하세요");
      assertThat(received.room()).isEqualTo(room);
      assertThat(received.sentAt()).isNotNull();
      assertThat(awaitMessage(minsuRoom.messages(), m -> m.type() == ChatMessage.Type.CHAT).id())
          .isEqualTo(received.id());
    }
  }

  @Test
  @DisplayName("입장하면 그 방의 지난 메시지를 오래된 것부터 자기 JOIN까지 자기 큐로 받는다")
  void joinAnswersWithHistory() throws Exception {
    // given: 민수가 글 두 개를 남겼다
    try (StompTestClient minsu = StompTestClient.connect(port, "민수")) {
      Room minsuRoom = minsu.join("history");
      minsu.send("/app/rooms.history.send", Map.of("content", "첫째"));
      minsu.send("/app/rooms.history.send", Map.of("content", "둘째"));
      awaitMessage(minsuRoom.messages(), m -> "둘째".equals(m.content()));

      // when: 나중에 온 지영이 들어온다
      try (StompTestClient jiyoung = StompTestClient.connect(port, "지영")) {
        Room jiyoungRoom = jiyoung.join("history");

        // then: 민수의 JOIN, 첫째, 둘째, 지영의 JOIN이 순서대로 한 번에 온다
        ChatMessage[] messages =
            jiyoungRoom.history().poll(StompTestClient.WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(messages).extracting(ChatMessage::content).contains("첫째", "둘째");
        assertThat(messages).extracting(ChatMessage::id).isSorted();
        assertThat(messages[0].type()).isEqualTo(ChatMessage.Type.JOIN);
        assertThat(messages[messages.length - 1].sender()).isEqualTo("지영");
        assertThat(minsuRoom.history()).hasSize(1);
      }
    }
  }

  @Test
  @DisplayName("참여자 목록은 들어오고 나갈 때마다 모두에게 온다")
  void membersArePublishedOnEveryChange() throws Exception {
    // given: 민수가 방에 있다
    try (StompTestClient minsu = StompTestClient.connect(port, "민수")) {
      Room minsuRoom = minsu.join("members");
      awaitMembers(minsuRoom, "민수");

      // when: 지영이 들어왔다가 나간다
      StompTestClient jiyoung = StompTestClient.connect(port, "지영");
      jiyoung.join("members");
      awaitMembers(minsuRoom, "민수", "지영");
      jiyoung.close();

      // then: 민수는 LEAVE와 줄어든 목록을 받는다
      ChatMessage left =
          awaitMessage(minsuRoom.messages(), m -> m.type() == ChatMessage.Type.LEAVE);
      assertThat(left.sender()).isEqualTo("지영");
      awaitMembers(minsuRoom, "민수");
    }
  }

  @Test
  @DisplayName("참여자 목록은 들어온 사람만 받고(version은 자기 JOIN의 id), 먼저 있던 사람의 목록은 JOIN으로 바뀐다")
  void onlyTheJoinerReceivesTheMemberList() throws Exception {
    try (StompTestClient minsu = StompTestClient.connect(port, "민수");
        StompTestClient jiyoung = StompTestClient.connect(port, "지영")) {
      // given: 민수가 혼자 들어와 목록 하나를 받았다
      Room minsuRoom = minsu.join("versions");
      MemberList alone = minsuRoom.memberLists().poll(StompTestClient.WAIT_SECONDS, SECONDS);
      assertThat(alone).as("민수가 받은 목록").isNotNull();
      assertThat(alone.members()).containsExactly("민수");
      ChatMessage minsuJoin = awaitMessage(minsuRoom.messages(), m -> "민수".equals(m.sender()));
      assertThat(alone.version()).isEqualTo(minsuJoin.id());

      // when: 지영이 들어온다
      Room jiyoungRoom = jiyoung.join("versions");

      // then: 지영은 둘이 있는 목록을 자기 JOIN의 id와 함께 받는다
      MemberList both = jiyoungRoom.memberLists().poll(StompTestClient.WAIT_SECONDS, SECONDS);
      assertThat(both).as("지영이 받은 목록").isNotNull();
      assertThat(both.members()).containsExactly("민수", "지영");
      ChatMessage jiyoungJoin = awaitMessage(minsuRoom.messages(), m -> "지영".equals(m.sender()));
      assertThat(both.version()).isEqualTo(jiyoungJoin.id());

      // then: 민수는 목록을 다시 받지 않고, 지영의 JOIN으로 자기 목록을 고친다
      awaitMembers(minsuRoom, "민수", "지영");
      minsu.send("/app/rooms.versions.send", Map.of("content", "확인"));
      awaitMessage(minsuRoom.messages(), m -> "확인".equals(m.content()));
      assertThat(minsuRoom.memberLists()).isEmpty();
    }
  }

  @Test
  @DisplayName("귓속말은 보낸 사람과 받는 사람 두 명에게만 간다")
  void whisperReachesOnlyTwoPeople() throws Exception {
    // given: 세 사람이 같은 방에 있다
    try (StompTestClient minsu = StompTestClient.connect(port, "민수");
        StompTestClient jiyoung = StompTestClient.connect(port, "지영");
        StompTestClient hana = StompTestClient.connect(port, "하나")) {
      Room minsuRoom = minsu.join("whisper");
      Room jiyoungRoom = jiyoung.join("whisper");
      Room hanaRoom = hana.join("whisper");
      awaitMembers(minsuRoom, "민수", "지영", "하나");

      // when: 민수가 지영에게 귓속말을 하고, 이어서 모두에게 말한다
      minsu.send("/app/rooms.whisper.whisper", Map.of("to", "지영", "content", "비밀이야"));
      minsu.send("/app/rooms.whisper.send", Map.of("content", "다들 안녕"));

      // then: 지영과 민수는 WHISPER를 받고, 하나는 공개 글만 받는다
      ChatMessage toJiyoung =
          jiyoungRoom.whispers().poll(StompTestClient.WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(toJiyoung.type()).isEqualTo(ChatMessage.Type.WHISPER);
      assertThat(toJiyoung.sender()).isEqualTo("민수");
      assertThat(toJiyoung.content()).isEqualTo("비밀이야");
      assertThat(minsuRoom.whispers().poll(StompTestClient.WAIT_SECONDS, TimeUnit.SECONDS))
          .isEqualTo(toJiyoung);
      awaitMessage(hanaRoom.messages(), m -> "다들 안녕".equals(m.content()));
      assertThat(hanaRoom.whispers().poll(500, TimeUnit.MILLISECONDS)).isNull();
      assertThat(hanaRoom.messages()).noneMatch(m -> "비밀이야".equals(m.content()));
    }
  }

  @Test
  @DisplayName("서버는 10초 하트비트로 답한다(TaskScheduler가 없으면 0,0이 된다)")
  void serverAnswersWithHeartbeats() throws Exception {
    // given/when: 연결한다
    try (StompTestClient minsu = StompTestClient.connect(port, "민수")) {
      // then: CONNECTED의 heart-beat가 10000,10000이다
      assertThat(minsu.connectedHeaders().getHeartbeat()).containsExactly(10000, 10000);
      assertThat(minsu.connectedHeaders().getFirst("user-name")).isEqualTo("민수");
    }
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
