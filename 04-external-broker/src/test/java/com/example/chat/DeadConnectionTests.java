package com.example.chat;

import static com.example.chat.ChatStompTests.awaitMembers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.chat.StompTestClient.Room;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 소켓이 닫히지 않은 채 조용히 죽은 연결(와이파이가 끊긴 노트북 같은)도 하트비트로 알아채 LEAVE를 남기는지 봅니다. 기다리는 시간을 줄이려고 하트비트를 1초로
 * 둡니다(서버는 간격의 세 배 동안 소식이 없으면 닫습니다).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "chat.websocket.heartbeat=1s")
class DeadConnectionTests {

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

  @Test
  @DisplayName("하트비트가 끊긴 연결은 서버가 닫고 LEAVE와 새 참여자 목록을 보낸다")
  void silentConnectionIsClosedAndLeaves() throws Exception {
    // given: 민수가 방에 있고, 유령은 "1초마다 하트비트를 보내겠다"고 약속하고 들어왔다
    try (StompTestClient minsu = StompTestClient.connect(port, "민수");
        RawStompSocket ghost = new RawStompSocket(port)) {
      Room room = minsu.join("heartbeat");
      ghost.connect("유령", "1000,1000");
      assertThat(ghost.await("CONNECTED")).contains("heart-beat:1000,1000");
      ghost.send("SEND", "{}", "destination:/app/rooms.heartbeat.join");
      awaitMembers(room, "민수", "유령");

      // when: 유령이 소켓을 연 채로 아무것도 보내지 않는다

      // then: 몇 초 뒤 서버가 연결을 닫고, 민수는 LEAVE와 줄어든 목록을 받는다
      ChatMessage left = room.messages().poll(15, TimeUnit.SECONDS);
      while (left != null && left.type() != ChatMessage.Type.LEAVE) {
        left = room.messages().poll(15, TimeUnit.SECONDS);
      }
      assertThat(left).isNotNull();
      assertThat(left.sender()).isEqualTo("유령");
      awaitMembers(room, "민수");
      assertThat(ghost.closed.get(StompTestClient.WAIT_SECONDS, TimeUnit.SECONDS)).isNotNull();
    }
  }

  @Test
  @DisplayName("heart-beat 없이 말만 계속하는 연결도 브로커가 끊지 않는다")
  void talkingWithoutHeartbeatsKeepsBrokerConnection() throws Exception {
    // given: 수다쟁이가 스프링 STOMP 클라이언트의 기본값처럼 "10초마다 보내겠다"고 약속하고 방에 들어왔다.
    // 내장 Artemis는 그 두 배(20초) 동안 브로커 연결로 아무것도 오지 않으면 끊습니다.
    ScheduledExecutorService talking = Executors.newSingleThreadScheduledExecutor();
    try (RawStompSocket talker = new RawStompSocket(port)) {
      talker.connect("수다쟁이", "10000,0");
      talker.await("CONNECTED");
      talker.send("SEND", "{}", "destination:/app/rooms.talk.join");

      // when: 스프링 클라이언트처럼 다른 프레임을 보내는 동안에는 heart-beat 없이, 0.5초마다 /app으로 SEND만 보낸다.
      // 릴레이는 /app으로 가는 SEND를 브로커에 넘기지 않습니다.
      talking.scheduleAtFixedRate(
          () -> {
            try {
              talker.send("SEND", "{\"content\": \"또 나\"}", "destination:/app/rooms.talk.send");
            } catch (Exception closed) {
              // 연결이 닫혔으면 아래 확인이 실패합니다.
            }
          },
          0,
          500,
          TimeUnit.MILLISECONDS);

      // then: 브로커의 20초를 넘겨 25초 동안 연결이 열려 있고 ERROR가 오지 않는다
      await("수다쟁이의 연결이 25초 동안 열려 있음")
          .during(Duration.ofSeconds(25))
          .atMost(Duration.ofSeconds(30))
          .until(() -> !talker.closed.isDone());
      assertThat(talker.frames).noneMatch(frame -> frame.startsWith("ERROR"));
    } finally {
      talking.shutdownNow();
    }
  }
}
