package com.example.chat;

import static com.example.chat.ChatStompTests.awaitMembers;
import static com.example.chat.ChatStompTests.awaitMessage;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.chat.StompTestClient.ErrorFrame;
import com.example.chat.StompTestClient.Room;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.simp.stomp.StompSession.Subscription;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.CloseStatus;

/**
 * 한 연결이 붙잡을 수 있는 것의 한도: 구독 수({@link SubscriptionLimit})와 CONNECT까지의 시간({@link ConnectDeadline}). 빨리
 * 보려고 방은 연결마다 2개(구독 2×1+4 = 6개), CONNECT 시한은 1초로 줄였습니다.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"chat.websocket.rooms-per-connection=2", "chat.websocket.connect-deadline=1s"})
class SessionLimitsTests {

  @LocalServerPort int port;

  @Test
  @DisplayName("구독을 한도보다 많이 하면 그 연결만 한국어 ERROR를 받고 닫히며, 다른 사람은 계속 대화한다")
  void tooManySubscriptionsCloseOnlyThatConnection() throws Exception {
    try (StompTestClient minsu = StompTestClient.connect(port, "민수");
        StompTestClient jiyoung = StompTestClient.connect(port, "지영");
        StompTestClient mallory = StompTestClient.connect(port, "말로리")) {
      // given: 민수와 지영이 대화 중이고, 말로리는 방 하나에 들어와 구독 5개를 쓰고 있다
      Room minsuRoom = minsu.join("limits");
      Room jiyoungRoom = jiyoung.join("limits");
      awaitMembers(minsuRoom, "민수", "지영");
      mallory.join("limits");
      awaitMembers(minsuRoom, "민수", "지영", "말로리");

      // when: 말로리가 하나를 더 구독하고(6개, 한도), 그것을 풀고 다시 하나를 구독한 뒤, 하나를 더 구독한다
      Subscription extra =
          mallory.session().subscribe("/topic/rooms.r1", new StompSessionHandlerAdapter() {});
      extra.unsubscribe();
      mallory.subscribe("/topic/rooms.r2", ChatMessage.class);
      mallory.subscribe("/topic/rooms.r3", ChatMessage.class);

      // then: 일곱 번째에서 ERROR 프레임이 한국어로 오고, 말로리는 방에서 나간다
      ErrorFrame error = mallory.errorFrames.poll(StompTestClient.WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(error).as("ERROR 프레임").isNotNull();
      assertThat(error.body().code()).isEqualTo("TOO_MANY_SUBSCRIPTIONS");
      assertThat(error.message()).isEqualTo("한 연결로 구독할 수 있는 주소는 6개까지입니다. 안 쓰는 구독을 풀어 주세요.");
      awaitMembers(minsuRoom, "민수", "지영");

      // then: 민수와 지영은 계속 대화한다
      minsu.send("/app/rooms.limits.send", Map.of("content", "아직 잘 돼요"));
      awaitMessage(jiyoungRoom.messages(), m -> "아직 잘 돼요".equals(m.content()));
    }
  }

  @Test
  @DisplayName("웹소켓을 열고 CONNECT를 보내지 않으면 시한 뒤에 이유를 적어 닫고, CONNECT한 사람은 그대로 대화한다")
  void socketWithoutConnectIsClosedAfterDeadline() throws Exception {
    try (RawStompSocket silent = new RawStompSocket(port);
        StompTestClient minsu = StompTestClient.connect(port, "민수");
        StompTestClient jiyoung = StompTestClient.connect(port, "지영")) {
      // given: 민수와 지영은 CONNECT하고 들어왔다
      Room minsuRoom = minsu.join("deadline");
      Room jiyoungRoom = jiyoung.join("deadline");
      awaitMembers(minsuRoom, "민수", "지영");

      // when: 아무것도 보내지 않는 소켓이 시한(1초)을 넘긴다
      CloseStatus status = silent.closed.get(StompTestClient.WAIT_SECONDS, TimeUnit.SECONDS);

      // then: 서버가 1008(정책 위반)과 한국어 이유로 닫는다
      assertThat(status.getCode()).isEqualTo(CloseStatus.POLICY_VIOLATION.getCode());
      assertThat(status.getReason()).isEqualTo("1초 안에 CONNECT가 없어 닫습니다");

      // then: 시한이 지난 뒤에도 CONNECT한 두 사람은 그대로 대화한다
      minsu.send("/app/rooms.deadline.send", Map.of("content", "아직 잘 돼요"));
      awaitMessage(jiyoungRoom.messages(), m -> "아직 잘 돼요".equals(m.content()));
      assertThat(minsu.session().isConnected()).isTrue();
    }
  }
}
