package com.example.chat;

import static com.example.chat.ChatStompTests.awaitMembers;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.chat.StompTestClient.Room;
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
}
