package com.example.chat;

import static com.example.chat.ChatStompTests.awaitMembers;
import static com.example.chat.ChatStompTests.awaitMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.chat.StompTestClient.Room;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
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
 * 한 브로커와 한 데이터베이스를 나눠 쓰는 인스턴스 두 개(A: 테스트 컨텍스트, B: 테스트가 따로 켠 앱)에 사람을 나눠 붙여, 사용자가 보는 것을 확인합니다. 브로커는
 * 하위 클래스가 정합니다: 기본 {@code mvn verify}는 내장 Artemis, {@code -Pservers}는 진짜 RabbitMQ. 데이터베이스는 {@link
 * TestDatabase}입니다.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class TwoInstanceScenarios {

  private static ConfigurableApplicationContext instanceB;

  @LocalServerPort int portA;
  @Autowired ConfigurableApplicationContext instanceA;
  int portB;

  @BeforeEach
  void startInstanceB() {
    if (instanceB == null) {
      instanceB = startInstance();
    }
    portB = port(instanceB);
    awaitBroker(instanceA);
    awaitBroker(instanceB);
  }

  /** A와 같은 브로커, 같은 데이터베이스를 쓰는 인스턴스를 하나 더 켭니다(무작위 포트). 인스턴스마다 정해 줄 설정은 없습니다. */
  ConfigurableApplicationContext startInstance() {
    return startLike(instanceA, "--server.port=0");
  }

  /** {@code instanceA}와 같은 브로커, 같은 데이터베이스를 쓰는 인스턴스를 {@code args}를 더해 켭니다. */
  static ConfigurableApplicationContext startLike(
      ConfigurableApplicationContext instanceA, String... args) {
    Environment env = instanceA.getEnvironment();
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--chat.broker.host=" + env.getProperty("chat.broker.host"));
    all.add("--chat.broker.port=" + env.getProperty("chat.broker.port"));
    TestDatabaseCustomizer.properties().forEach((key, value) -> all.add("--" + key + "=" + value));
    return new SpringApplicationBuilder(ChatApplication.class).run(all.toArray(String[]::new));
  }

  String host() {
    return instanceA.getEnvironment().getProperty("chat.broker.host");
  }

  String brokerPort() {
    return instanceA.getEnvironment().getProperty("chat.broker.port");
  }

  /** 실행마다 새 방 이름. 같은 JVM에서 Artemis와 RabbitMQ 시나리오가 한 데이터베이스를 나눠 쓰므로, 번호를 세는 시험은 새 방에서 합니다. */
  static String freshRoom(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static int port(ConfigurableApplicationContext instance) {
    return instance.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
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

  /** {@code port}의 인스턴스에서 그 방에 새로 들어온 사람이 받는 기록. 맨 끝의 그 사람 JOIN은 뺍니다. */
  static ChatMessage[] historyFor(int port, String room) throws Exception {
    try (StompTestClient reader = StompTestClient.connect(port, "기록보기")) {
      ChatMessage[] history =
          reader.join(room).history().poll(StompTestClient.WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(history).as("들어오며 받은 기록").isNotNull();
      assertThat(history[history.length - 1].sender()).isEqualTo("기록보기");
      return Arrays.copyOf(history, history.length - 1);
    }
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

      // then: 목록은 데이터베이스에서 읽고 그 version보다 큰 JOIN을 더하므로, 엇갈려 도착해도 둘 다 같은 목록을 본다
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
      try (ConfigurableApplicationContext instanceC = startInstance()) {
        awaitBroker(instanceC);
        int portC = port(instanceC);
        try (StompTestClient jiyoung = StompTestClient.connect(portC, "지영")) {
          Room jiyoungRoom = jiyoung.join("newcomer");

          // then: C는 데이터베이스에서 A의 민수를 읽으므로, 지영은 처음부터 두 사람 목록을 본다
          awaitMembers(jiyoungRoom, "민수", "지영");

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

      // when: 지영이 B에 붙어 들어온다
      try (StompTestClient jiyoung = StompTestClient.connect(portB, "지영")) {
        Room jiyoungRoom = jiyoung.join("late");

        // then: A의 입장과 두 글, 그리고 지영의 입장이 순서대로 있다
        ChatMessage[] messages =
            jiyoungRoom.history().poll(StompTestClient.WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(messages).extracting(ChatMessage::content).contains("첫째", "둘째");
        assertThat(messages[0].type()).isEqualTo(ChatMessage.Type.JOIN);
        assertThat(messages[messages.length - 1].sender()).isEqualTo("지영");
        assertThat(messages).extracting(ChatMessage::id).isSorted().doesNotHaveDuplicates();
      }
    }
  }

  @Test
  @DisplayName("두 인스턴스에서 번갈아 보내도 방의 번호는 1, 2, 3…으로 이어진다")
  void idsRunOneToNAcrossInstances() throws Exception {
    // given: 민수는 A, 지영은 B에서 새 방에 들어왔다(입장 두 건이 1번과 2번)
    try (StompTestClient minsu = StompTestClient.connect(portA, "민수");
        StompTestClient jiyoung = StompTestClient.connect(portB, "지영")) {
      String room = freshRoom("sequence");
      Room minsuRoom = enter(minsu, room, "민수");
      enter(jiyoung, room, "민수", "지영");

      // when: 두 사람이 A와 B에서 번갈아 세 번씩 보낸다
      for (int i = 0; i < 3; i++) {
        String a = "A " + i;
        String b = "B " + i;
        minsu.send("/app/rooms." + room + ".send", Map.of("content", a));
        awaitMessage(minsuRoom.messages(), m -> m.content().equals(a));
        jiyoung.send("/app/rooms." + room + ".send", Map.of("content", b));
        awaitMessage(minsuRoom.messages(), m -> m.content().equals(b));
      }

      // then: 어느 인스턴스에서 읽든 기록의 번호는 1부터 빈틈없이 이어지고, 처음 여덟 개가 두 사람의 입장과 여섯 글이다
      for (int reader : List.of(portA, portB)) {
        ChatMessage[] history = historyFor(reader, room);
        assertThat(history)
            .extracting(ChatMessage::id)
            .isEqualTo(LongStream.rangeClosed(1, history.length).boxed().toList());
        assertThat(history)
            .extracting(ChatMessage::content)
            .containsSubsequence("A 0", "B 0", "A 1", "B 1", "A 2", "B 2");
        assertThat(history[7].content()).isEqualTo("B 2");
      }
    }
  }

  @Test
  @DisplayName("나중에 켠 인스턴스도 그 전에 오간 글을 모두 기록으로 준다")
  void laterInstanceServesFullHistory() throws Exception {
    // given: A에서 민수가 글 세 개를 남겼다
    try (StompTestClient minsu = StompTestClient.connect(portA, "민수")) {
      String room = freshRoom("before-c");
      Room minsuRoom = enter(minsu, room, "민수");
      for (String text : List.of("하나", "둘", "셋")) {
        minsu.send("/app/rooms." + room + ".send", Map.of("content", text));
      }
      awaitMessage(minsuRoom.messages(), m -> "셋".equals(m.content()));

      // when: 그다음에 인스턴스 C를 켜고, 누군가 C에서 그 방에 들어온다
      try (ConfigurableApplicationContext instanceC = startInstance()) {
        // C의 릴레이가 브로커에 붙기 전의 CONNECT는 거절되므로(BrokerUnavailableTests), 붙을 때까지 기다립니다.
        awaitBroker(instanceC);
        ChatMessage[] history = historyFor(port(instanceC), room);

        // then: 민수의 입장과 세 글이 A에서와 같은 번호로 있다
        assertThat(history).extracting(ChatMessage::content).endsWith("하나", "둘", "셋");
        assertThat(history).extracting(ChatMessage::id).containsExactly(1L, 2L, 3L, 4L);
      }
    }
  }

  @Test
  @DisplayName("그 방을 쓴 인스턴스를 모두 끄고 새로 켜도 기록이 남아 있다")
  void historySurvivesRestartOfEveryInstance() throws Exception {
    // given: 따로 띄운 인스턴스 C에서만 오간 방(A와 B는 이 방을 한 번도 쓰지 않는다)
    String room = freshRoom("restart");
    try (ChildInstance instanceC = ChildInstance.start(host(), brokerPort());
        StompTestClient minsu = StompTestClient.connect(instanceC.port(), "민수")) {
      Room minsuRoom = enter(minsu, room, "민수");
      minsu.send("/app/rooms." + room + ".send", Map.of("content", "다시 켜도 남을까요?"));
      awaitMessage(minsuRoom.messages(), m -> "다시 켜도 남을까요?".equals(m.content()));
    }

    // when: C가 꺼진 뒤 새 인스턴스 D를 켜고 누군가 D에서 그 방에 들어온다
    try (ChildInstance instanceD = ChildInstance.start(host(), brokerPort())) {
      ChatMessage[] history = historyFor(instanceD.port(), room);

      // then: C에서 오간 입장과 글이 같은 번호로 있다
      assertThat(history).extracting(ChatMessage::id).startsWith(1L, 2L);
      assertThat(history[1].content()).isEqualTo("다시 켜도 남을까요?");
    }
  }

  @Test
  @DisplayName("인스턴스를 kill -9로 죽이면 그 인스턴스의 사람은 30초 안에 LEAVE 한 번으로 목록에서 빠진다")
  void killedInstanceMembersLeaveWithinThirtySeconds() throws Exception {
    // given: 관찰자는 A에, 민수는 따로 띄운 프로세스 C에 붙어 같은 방에 있다(임대는 기본값 15초)
    try (ChildInstance instanceC = ChildInstance.start(host(), brokerPort());
        StompTestClient watcher = StompTestClient.connect(portA, "관찰자")) {
      String room = freshRoom("crash");
      Room watched = enter(watcher, room, "관찰자");
      StompTestClient minsu = StompTestClient.connect(instanceC.port(), "민수");
      minsu.join(room);
      awaitMembers(watched, "관찰자", "민수");

      // when: C를 kill -9로 죽인다(C는 LEAVE를 보낼 틈이 없다)
      instanceC.kill();

      // then: 살아 있는 인스턴스가 임대가 끝난 것을 보고 민수를 내보낸다
      ChatMessage left =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () -> watched.messages().poll(),
                  m -> m != null && m.type() == ChatMessage.Type.LEAVE);
      assertThat(left.sender()).isEqualTo("민수");
      awaitMembers(watched, "관찰자");
      // then: LEAVE는 한 번뿐이다(기록에 민수의 퇴장이 하나)
      ChatMessage[] history = historyFor(portA, room);
      assertThat(history).filteredOn(m -> m.type() == ChatMessage.Type.LEAVE).hasSize(1);
      minsu.close();
    }
  }

  @Test
  @DisplayName("정상 종료한 인스턴스의 사람은 임대가 끝나기를 기다리지 않고, 프로세스가 끝날 때 이미 나가 있다")
  void stoppedInstanceReleasesItsMembersBeforeExit() throws Exception {
    // given: 관찰자는 A에, 민수는 따로 띄운 프로세스 C에 붙어 같은 방에 있다(임대 15초, 5초마다 미룸)
    try (ChildInstance instanceC = ChildInstance.start(host(), brokerPort());
        StompTestClient watcher = StompTestClient.connect(portA, "관찰자")) {
      String room = freshRoom("stop");
      Room watched = enter(watcher, room, "관찰자");
      StompTestClient minsu = StompTestClient.connect(instanceC.port(), "민수");
      minsu.join(room);
      awaitMembers(watched, "관찰자", "민수");

      // when: C를 정상 종료하고 프로세스가 끝나기를 기다린다
      instanceC.stop();

      // then: 끝난 바로 그때 기록에 민수의 LEAVE가 있다(임대는 방금 미뤄졌으므로 A가 치웠을 수 없다)
      ChatMessage[] history = historyFor(portA, room);
      assertThat(history)
          .filteredOn(m -> m.type() == ChatMessage.Type.LEAVE)
          .extracting(ChatMessage::sender)
          .containsExactly("민수");
      awaitMembers(watched, "관찰자");
      minsu.close();
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

      // when: 민수가 슬래시 주소(RabbitMQ는 ERROR로 연결을 끊습니다)를 구독하고,
      //       컨트롤러를 건너뛰어 방 주소로 직접 보내 본다
      minsu.subscribe("/topic/rooms/bad-dest", ChatMessage.class);
      minsu.send("/topic/rooms.bad-dest", Map.of("content", "위조한 글"));

      // then: 두 번 모두 민수의 오류 큐로 한국어 오류가 온다
      for (int i = 0; i < 2; i++) {
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
  @DisplayName("탭 두 개를 연 사람(한 인스턴스에 연결 둘)에게 귓속말하면 두 탭 모두 받는다")
  void whisperReachesEveryTabOfTheRecipient() throws Exception {
    // given: 지영은 B에 탭 두 개, 민수는 A에 있다
    String room = freshRoom("tabs");
    try (StompTestClient minsu = StompTestClient.connect(portA, "민수");
        StompTestClient tab1 = StompTestClient.connect(portB, "지영");
        StompTestClient tab2 = StompTestClient.connect(portB, "지영")) {
      Room minsuRoom = enter(minsu, room, "민수");
      Room first = enter(tab1, room, "민수", "지영");
      Room second = tab2.join(room);
      awaitMembers(second, "민수", "지영");

      // when: 민수가 지영에게 귓속말을 한다
      minsu.send("/app/rooms." + room + ".whisper", Map.of("to", "지영", "content", "둘 다 보여요?"));

      // then: 지영의 두 탭이 모두 받는다
      for (Room tab : List.of(first, second)) {
        ChatMessage whisper = tab.whispers().poll(StompTestClient.WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(whisper).isNotNull();
        assertThat(whisper.content()).isEqualTo("둘 다 보여요?");
      }
      assertThat(minsuRoom.errors()).isEmpty();
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
