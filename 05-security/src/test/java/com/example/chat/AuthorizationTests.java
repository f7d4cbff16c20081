package com.example.chat;

import static com.example.chat.ChatStompTests.awaitMembers;
import static com.example.chat.ChatStompTests.awaitMessage;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.chat.StompTestClient.Room;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 연결한 뒤의 프레임마다 보는 권한({@link MessageSecurityConfig}) 가운데 이 장에서 생긴 것: 관리자만 할 수 있는 내보내기. 남의 큐 구독이나
 * {@code /topic}으로 바로 보내기처럼 3장에도 있던 거절은 {@link BadInputTests}에 있습니다. 거절은 연결을 닫지 않고 그 연결의 {@code
 * /user/queue/errors}로만 옵니다.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthorizationTests {

  @LocalServerPort int port;

  @Test
  @DisplayName("관리자가 아닌 사람이 내보내기를 보내면 ADMIN_ONLY가 그 사람에게만 가고, 아무도 내보내지지 않는다")
  void onlyAdminsKick() throws Exception {
    try (Bystanders others = Bystanders.join(port, "coup");
        StompTestClient mallory = ChatLogin.as(port, "mallory").connect()) {
      Room malloryRoom = mallory.join("coup");
      awaitMembers(malloryRoom, "민수", "지영", "말로리");

      // when: 말로리가 지영을 내보내려 한다
      mallory.send("/app/rooms.coup.kick", Map.of("nickname", "지영"));

      // then
      ChatError error = mallory.awaitErrorKeepingSession(malloryRoom.errors());
      assertThat(error.code()).isEqualTo("ADMIN_ONLY");
      assertThat(error.content()).isEqualTo("관리자만 할 수 있는 일입니다.");
      others.assertStillChatting();
    }
  }

  @Test
  @DisplayName("관리자가 내보낸 사람은 그 방의 글을 더 받지 못하고, 다시 구독하거나 보내면 KICKED를 받는다")
  void kickedMemberStopsReceivingTheRoom() throws Exception {
    try (StompTestClient admin = ChatLogin.as(port, "admin").connect();
        StompTestClient minsu = ChatLogin.as(port, "minsu").connect();
        StompTestClient mallory = ChatLogin.as(port, "mallory").connect()) {
      // given: 세 사람이 kick 방에 있고, 말로리와 민수는 side 방도 듣고 있다
      Room adminRoom = admin.join("kick");
      Room minsuRoom = minsu.join("kick");
      Room malloryRoom = mallory.join("kick");
      BlockingQueue<ChatMessage> mallorySide =
          mallory.subscribe("/topic/rooms.side", ChatMessage.class);
      minsu.send("/app/rooms.side.join", Map.of());
      awaitMembers(adminRoom, "관리자", "민수", "말로리");

      // when: 관리자가 말로리를 내보낸다
      admin.send("/app/rooms.kick.kick", Map.of("nickname", "말로리"));

      // then: 말로리에게 까닭이 오고, 남은 사람들에게는 말로리의 LEAVE가 간다
      ChatError kicked = mallory.awaitErrorKeepingSession(malloryRoom.errors());
      assertThat(kicked.code()).isEqualTo("KICKED");
      assertThat(kicked.content()).isEqualTo("관리자가 'kick' 방에서 내보냈습니다. 이 방에는 다시 들어갈 수 없습니다.");
      awaitMembers(minsuRoom, "관리자", "민수");

      // when: 민수가 kick 방에 글을 쓰고, 이어서 side 방에 글을 쓴다
      minsu.send("/app/rooms.kick.send", Map.of("content", "말로리는 못 봐요"));
      minsu.send("/app/rooms.side.send", Map.of("content", "표시"));

      // then: 말로리는 side 방의 글을 받지만, 그보다 먼저 보낸 kick 방의 글은 받지 않았다(한 연결로는 보낸 순서대로 옵니다)
      awaitMessage(mallorySide, m -> "표시".equals(m.content()));
      assertThat(malloryRoom.messages()).noneMatch(m -> "말로리는 못 봐요".equals(m.content()));
      awaitMessage(adminRoom.messages(), m -> "말로리는 못 봐요".equals(m.content()));

      // when: 말로리가 kick 방을 다시 구독하고 글을 보낸다
      mallory.subscribe("/topic/rooms.kick", ChatMessage.class);
      mallory.send("/app/rooms.kick.send", Map.of("content", "돌아왔다"));

      // then: 둘 다 KICKED로 거절된다
      assertThat(mallory.awaitErrorKeepingSession(malloryRoom.errors()).code()).isEqualTo("KICKED");
      assertThat(mallory.awaitErrorKeepingSession(malloryRoom.errors()).code()).isEqualTo("KICKED");
    }
  }
}
