package com.example.chat;

import static com.example.chat.ChatStompTests.awaitMembers;
import static com.example.chat.ChatStompTests.awaitMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.chat.StompTestClient.Room;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.messaging.simp.broker.AbstractBrokerMessageHandler;

/**
 * 한 브로커를 나눠 쓰는 인스턴스 두 개(A: 테스트 컨텍스트, B: 테스트가 따로 켠 앱)에 사람을 나눠 붙여, 사용자가 보는 것을 확인합니다. 브로커는 하위 클래스가
 * 정합니다: 기본 {@code mvn verify}는 내장 Artemis, {@code -Prabbitmq}는 진짜 RabbitMQ.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "chat.broker.instance-id=1")
abstract class TwoInstanceScenarios {

  private static ConfigurableApplicationContext instanceB;

  @LocalServerPort int portA;
  @Autowired ConfigurableApplicationContext instanceA;
  int portB;

  @BeforeEach
  void startInstanceB() {
    if (instanceB == null) {
      instanceB = startInstance(2);
    }
    portB = instanceB.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    awaitBroker(instanceA);
    awaitBroker(instanceB);
  }

  /** A와 같은 브로커를 쓰는 인스턴스를 하나 더 켭니다(무작위 포트). */
  ConfigurableApplicationContext startInstance(int instanceId) {
    Environment env = instanceA.getEnvironment();
    return new SpringApplicationBuilder(ChatApplication.class)
        .run(
            "--server.port=0",
            "--chat.broker.instance-id=" + instanceId,
            "--chat.broker.host=" + env.getProperty("chat.broker.host"),
            "--chat.broker.port=" + env.getProperty("chat.broker.port"));
  }

  @AfterAll
  static void stopInstanceB() {
    if (instanceB != null) {
      instanceB.close();
      instanceB = null;
    }
  }

  /** 릴레이의 system 연결이 맺어질 때까지 기다립니다(그 전의 CONNECT는 BROKER_UNAVAILABLE로 거절됩니다). */
  static void awaitBroker(ApplicationContext context) {
    AbstractBrokerMessageHandler relay =
        context.getBean("stompBrokerRelayMessageHandler", AbstractBrokerMessageHandler.class);
    await().atMost(Duration.ofSeconds(30)).until(relay::isBrokerAvailable);
  }

  /** 방에 들어가 자기 목록이 {@code members}가 될 때까지 기다립니다(사람이 들어오는 속도로 한 명씩). */
  static Room enter(StompTestClient client, String room, String... members) throws Exception {
    Room joined = client.join(room);
    awaitMembers(joined, members);
    return joined;
  }

  @Test
  @DisplayName("A에 붙은 사람의 글이 B에 붙은 사람에게 간다")
  void messageFromInstanceAReachesSubscriberOnB() throws Exception {
    // given: 민수는 A, 지영은 B에 붙어 같은 방에 있다
    try (StompTestClient minsu = StompTestClient.connect(portA, "민수");
        StompTestClient jiyoung = StompTestClient.connect(portB, "지영")) {
      Room minsuRoom = enter(minsu, "cross", "민수");
      Room jiyoungRoom = enter(jiyoung, "cross", "민수", "지영");
      awaitMembers(minsuRoom, "민수", "지영");

      // when: 민수가 A에서 글을 보낸다
      minsu.send("/app/rooms.cross.send", Map.of("content", "B에도 가나요?"));

      // then: B의 지영이 서버가 찍은 이름으로 받는다
      ChatMessage received =
          awaitMessage(jiyoungRoom.messages(), m -> m.type() == ChatMessage.Type.CHAT);
      assertThat(received.sender()).isEqualTo("민수");
      assertThat(received.content()).isEqualTo("B에도 가나요?");
    }
  }

  @Test
  @DisplayName("참여자 목록은 어느 인스턴스에서 보든 같고, 다른 인스턴스의 퇴장도 반영된다")
  void membersAreTheSameOnBothInstances() throws Exception {
    // given: 민수는 A, 지영은 B에서 들어왔다
    try (StompTestClient minsu = StompTestClient.connect(portA, "민수")) {
      Room minsuRoom = enter(minsu, "presence", "민수");
      StompTestClient jiyoung = StompTestClient.connect(portB, "지영");
      Room jiyoungRoom = jiyoung.join("presence");

      // then: 두 사람 모두 같은 목록을 본다
      awaitMembers(jiyoungRoom, "민수", "지영");
      awaitMembers(minsuRoom, "민수", "지영");

      // when: B의 지영이 연결을 끊는다
      jiyoung.close();

      // then: A의 민수는 LEAVE와 줄어든 목록을 받는다
      ChatMessage left =
          awaitMessage(minsuRoom.messages(), m -> m.type() == ChatMessage.Type.LEAVE);
      assertThat(left.sender()).isEqualTo("지영");
      awaitMembers(minsuRoom, "민수");
    }
  }

  @Test
  @DisplayName("두 인스턴스에서 동시에 들어와도 두 사람의 목록은 곧 같아진다")
  void simultaneousJoinsConverge() throws Exception {
    // given: 민수는 A, 지영은 B에 붙었다
    try (StompTestClient minsu = StompTestClient.connect(portA, "민수");
        StompTestClient jiyoung = StompTestClient.connect(portB, "지영")) {
      // when: 기다리지 않고 동시에 같은 방에 들어간다
      Room minsuRoom = minsu.join("together");
      Room jiyoungRoom = jiyoung.join("together");

      // then: 구독과 목록이 엇갈려도 다시 보내는 목록(ClusterMembers.RESEND) 덕분에 둘 다 같은 목록을 본다
      awaitMembers(minsuRoom, "민수", "지영");
      awaitMembers(jiyoungRoom, "민수", "지영");
    }
  }

  @Test
  @DisplayName("나중에 켠 인스턴스도 이미 있던 사람을 목록에 보여 주고, 그 사람에게 귓속말할 수 있다")
  void laterInstanceLearnsWhoIsHere() throws Exception {
    // given: A에 민수가 방에 있다
    try (StompTestClient minsu = StompTestClient.connect(portA, "민수")) {
      Room minsuRoom = enter(minsu, "newcomer", "민수");

      // when: 세 번째 인스턴스 C를 켜고 지영이 C로 들어온다
      try (ConfigurableApplicationContext instanceC = startInstance(3)) {
        awaitBroker(instanceC);
        int portC =
            instanceC.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        try (StompTestClient jiyoung = StompTestClient.connect(portC, "지영")) {
          Room jiyoungRoom = jiyoung.join("newcomer");

          // then: C는 켜진 뒤 인사(HELLO)를 보내 A의 민수를 알게 되고, 지영은 두 사람 목록을 본다
          awaitMembers(jiyoungRoom, "민수", "지영");
          ChatRoom roomOnC = instanceC.getBean(ChatRooms.class).get("newcomer");
          await().atMost(Duration.ofSeconds(10)).until(() -> roomOnC.members().contains("민수"));

          // then: 그래서 C에 붙은 지영이 A의 민수에게 귓속말할 수 있다
          jiyoung.send("/app/rooms.newcomer.whisper", Map.of("to", "민수", "content", "C에서 왔어요"));
          ChatMessage whisper =
              minsuRoom.whispers().poll(StompTestClient.WAIT_SECONDS, TimeUnit.SECONDS);
          assertThat(whisper).isNotNull();
          assertThat(whisper.content()).isEqualTo("C에서 왔어요");
          assertThat(jiyoungRoom.errors()).isEmpty();
        }
      }
    }
  }

  @Test
  @DisplayName("귓속말은 다른 인스턴스에 있는 상대에게도 가고, 제삼자에게는 가지 않는다")
  void whisperCrossesInstances() throws Exception {
    // given: 민수는 A, 지영과 하나는 B에 있다
    try (StompTestClient minsu = StompTestClient.connect(portA, "민수");
        StompTestClient jiyoung = StompTestClient.connect(portB, "지영");
        StompTestClient hana = StompTestClient.connect(portB, "하나")) {
      Room minsuRoom = enter(minsu, "whisper-x", "민수");
      Room jiyoungRoom = enter(jiyoung, "whisper-x", "민수", "지영");
      Room hanaRoom = enter(hana, "whisper-x", "민수", "지영", "하나");
      awaitMembers(minsuRoom, "민수", "지영", "하나");

      // when: A의 민수가 B의 지영에게 귓속말을 하고, 이어서 모두에게 말한다
      minsu.send("/app/rooms.whisper-x.whisper", Map.of("to", "지영", "content", "비밀이야"));
      minsu.send("/app/rooms.whisper-x.send", Map.of("content", "다들 안녕"));

      // then: 지영과 민수만 귓속말을 받는다
      ChatMessage toJiyoung =
          jiyoungRoom.whispers().poll(StompTestClient.WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(toJiyoung).isNotNull();
      assertThat(toJiyoung.sender()).isEqualTo("민수");
      assertThat(toJiyoung.content()).isEqualTo("비밀이야");
      assertThat(minsuRoom.whispers().poll(StompTestClient.WAIT_SECONDS, TimeUnit.SECONDS))
          .isEqualTo(toJiyoung);
      awaitMessage(hanaRoom.messages(), m -> "다들 안녕".equals(m.content()));
      assertThat(hanaRoom.whispers()).isEmpty();
    }
  }

  @Test
  @DisplayName("B에 늦게 들어온 사람도 A에서 오간 글을 기록으로 받는다")
  void lateJoinerOnBGetsHistoryFromA() throws Exception {
    // given: A에서 민수가 글 두 개를 남겼다
    try (StompTestClient minsu = StompTestClient.connect(portA, "민수")) {
      Room minsuRoom = minsu.join("late");
      minsu.send("/app/rooms.late.send", Map.of("content", "첫째"));
      minsu.send("/app/rooms.late.send", Map.of("content", "둘째"));
      awaitMessage(minsuRoom.messages(), m -> "둘째".equals(m.content()));

      // when: 지영이 B에 붙어 기록을 구독한다
      try (StompTestClient jiyoung = StompTestClient.connect(portB, "지영")) {
        BlockingQueue<ChatMessage[]> history =
            jiyoung.subscribe("/app/rooms.late.history", ChatMessage[].class);

        // then: A의 입장과 두 글이 순서대로 있다
        ChatMessage[] messages = history.poll(StompTestClient.WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(messages).extracting(ChatMessage::content).endsWith("첫째", "둘째");
        assertThat(messages[0].type()).isEqualTo(ChatMessage.Type.JOIN);
        assertThat(messages).extracting(ChatMessage::id).isSorted().doesNotHaveDuplicates();
      }
    }
  }

  @Test
  @DisplayName("두 인스턴스에서 동시에 보내도 메시지 번호가 겹치지 않아 모든 글이 보인다")
  void idsNeverCollideAcrossInstances() throws Exception {
    // given: A와 B에 세 명씩 붙어 있고, A에 지켜보는 사람이 있다
    List<StompTestClient> senders = new ArrayList<>();
    try (StompTestClient watcher = StompTestClient.connect(portA, "관찰자")) {
      Room watched = watcher.join("ids");
      for (int i = 0; i < 6; i++) {
        StompTestClient sender = StompTestClient.connect(i % 2 == 0 ? portA : portB, "보냄" + i);
        senders.add(sender);
        sender.join("ids");
      }

      // when: 여섯 명이 동시에 다섯 개씩 보낸다(한 사람의 초당 한도 안에서)
      for (int n = 0; n < 5; n++) {
        for (StompTestClient sender : senders) {
          sender.send("/app/rooms.ids.send", Map.of("content", "글 " + n));
        }
      }

      // then: 지켜보는 사람이 30개를 모두 받고, 번호는 모두 다르다(같으면 페이지가 하나를 숨깁니다)
      Set<Long> chatIds = new HashSet<>();
      while (chatIds.size() < 30) {
        ChatMessage m =
            awaitMessage(watched.messages(), message -> message.type() == ChatMessage.Type.CHAT);
        assertThat(chatIds.add(m.id())).as("겹친 번호 %d", m.id()).isTrue();
      }
      assertThat(chatIds).extracting(id -> id % 1000).containsOnly(1L, 2L);
    } finally {
      senders.forEach(StompTestClient::close);
    }
  }

  @Test
  @DisplayName("브로커가 거절할 주소나 남의 주소를 쓰면 그 사람에게만 오류가 가고 연결은 그대로다")
  void badDestinationsGetAnErrorButKeepTheSession() throws Exception {
    // given: 민수는 A, 지영은 B에서 같은 방에 있다
    try (StompTestClient minsu = StompTestClient.connect(portA, "민수");
        StompTestClient jiyoung = StompTestClient.connect(portB, "지영")) {
      Room minsuRoom = enter(minsu, "bad-dest", "민수");
      Room jiyoungRoom = enter(jiyoung, "bad-dest", "민수", "지영");

      // when: 민수가 슬래시 주소(RabbitMQ는 ERROR로 연결을 끊습니다), 인스턴스끼리 쓰는 주소를 구독하고,
      //       컨트롤러를 건너뛰어 방 주소로 직접 보내 본다
      minsu.subscribe("/topic/rooms/bad-dest", ChatMessage.class);
      minsu.subscribe(ChatCluster.DESTINATION, ChatCluster.Event.class);
      minsu.send("/topic/rooms.bad-dest", Map.of("content", "위조한 글"));

      // then: 세 번 모두 민수의 오류 큐로 한국어 오류가 온다
      for (int i = 0; i < 3; i++) {
        ChatError error = minsuRoom.errors().poll(StompTestClient.WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(error).isNotNull();
        assertThat(error.code()).isEqualTo("INVALID_DESTINATION");
        assertThat(error.content()).contains("보낼 수 없는 주소");
      }

      // then: 연결은 살아 있어 다음 글이 B의 지영에게 가고, 위조한 글은 아무에게도 가지 않았다
      minsu.send("/app/rooms.bad-dest.send", Map.of("content", "정상 글"));
      awaitMessage(jiyoungRoom.messages(), m -> "정상 글".equals(m.content()));
      assertThat(jiyoungRoom.messages()).noneMatch(m -> "위조한 글".equals(m.content()));
      assertThat(minsu.errorFrames).isEmpty();
    }
  }

  @Test
  @DisplayName("어느 인스턴스에도 없는 사람에게 귓속말하면 보낸 사람에게 UNKNOWN_RECIPIENT가 온다")
  void whisperToNobodyIsAnError() throws Exception {
    // given: 민수는 A, 지영은 B에 있다
    try (StompTestClient minsu = StompTestClient.connect(portA, "민수");
        StompTestClient jiyoung = StompTestClient.connect(portB, "지영")) {
      Room minsuRoom = enter(minsu, "nobody", "민수");
      enter(jiyoung, "nobody", "민수", "지영");

      // when: 민수가 없는 사람에게 귓속말을 한다
      minsu.send("/app/rooms.nobody.whisper", Map.of("to", "유령", "content", "거기 누구?"));

      // then: 민수에게만 한국어 오류가 온다
      ChatError error = minsuRoom.errors().poll(StompTestClient.WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(error).isNotNull();
      assertThat(error.code()).isEqualTo("UNKNOWN_RECIPIENT");
      assertThat(error.content()).contains("유령");
    }
  }
}
