package com.example.chat;

import static com.example.chat.ChatStompTests.awaitMembers;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.chat.StompTestClient.Room;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 나갈 메시지의 큐가 가득 차도 메시지를 버리지 않는다는 것을 확인합니다({@link BoundedOutbound}).
 *
 * <p>기다릴 자리를 1로 줄인 서버에서 두 사람이 쉬지 않고 보내도 모두가 모든 글을 받는지 봅니다. 자리가 찼을 때의 동작 자체(넘기던 스레드가 기다림)는 {@link
 * BoundedOutboundTests}가 스레드를 일부러 막아 확인합니다. 이 테스트는 그 풀이 실제로 나가는 길에 끼워져 있고, 그래도 대화가 그대로인지를 봅니다.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "chat.websocket.outbound-queue-capacity=1",
      "chat.limits.messages-per-second=100000"
    })
class OutboundQueueTests {

  private static final int PEOPLE = 20;
  private static final int MESSAGES_EACH = 50;

  @LocalServerPort int port;

  @Autowired
  @Qualifier("clientOutboundChannelExecutor")
  BoundedOutbound outbound;

  @Test
  @DisplayName("나갈 메시지의 큐가 가득 차도 모두가 모든 글을 받는다")
  void fullOutboundQueueLosesNothing() throws Exception {
    String room = "queue";
    List<StompTestClient> clients = new ArrayList<>();
    try {
      // given: 스무 사람이 한 방에 있다
      List<Room> rooms = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (int i = 0; i < PEOPLE; i++) {
        names.add("사람" + i);
        StompTestClient client = StompTestClient.connect(port, names.get(i));
        clients.add(client);
        rooms.add(client.join(room));
      }
      for (Room joined : rooms) {
        // 모두의 입장이 처리되어 구독이 자리를 잡은 뒤에 보냅니다(입장 전에 보낸 글은 원래 받지 못합니다)
        awaitMembers(joined, names.toArray(String[]::new));
      }

      // when: 두 사람이 도착을 기다리지 않고 50개씩 보낸다
      Set<String> sent = new HashSet<>();
      for (int n = 0; n < MESSAGES_EACH; n++) {
        for (int sender = 0; sender < 2; sender++) {
          String content = "사람" + sender + "의 " + n + "번째";
          clients.get(sender).send("/app/rooms." + room + ".send", Map.of("content", content));
          sent.add(content);
        }
      }

      // then: 나갈 메시지는 자리가 하나뿐인 풀을 지났고
      assertThat(outbound.capacity()).isEqualTo(1);

      // then: 모두가 보낸 글 100개를 하나도 빠짐없이 받는다
      for (Room joined : rooms) {
        assertThat(receiveChats(joined, sent.size())).isEqualTo(sent);
      }
    } finally {
      clients.forEach(StompTestClient::close);
    }
  }

  /** CHAT을 count개 모을 때까지 받습니다. 10초 동안 새 글이 없으면 그때까지 받은 것을 돌려줍니다. */
  private static Set<String> receiveChats(Room room, int count) throws InterruptedException {
    Set<String> chats = new HashSet<>();
    while (chats.size() < count) {
      ChatMessage message = room.messages().poll(10, TimeUnit.SECONDS);
      if (message == null) {
        break;
      }
      if (message.type() == ChatMessage.Type.CHAT) {
        chats.add(message.content());
      }
    }
    return chats;
  }
}
