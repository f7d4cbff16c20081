package com.example.chat;

import static com.example.chat.ChatStompTests.awaitMembers;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.chat.StompTestClient.Room;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * 한 연결은 서버가 보낸 순서대로 받습니다. 페이지처럼 id로 다시 줄 세우지 않는 클라이언트도 맞게 보여야 하므로, 받은 그대로의 순서를 봅니다.
 *
 * <p>보내기 한도(1초에 10개)는 이 시험에서만 풀어, 여럿이 동시에 빠르게 말하게 합니다. 3장과 같은 시험을 릴레이와 내장 Artemis로 돌립니다. 방 토픽의 글은
 * 모두 이 인스턴스의 system 연결 하나로 브로커에 가므로 순서가 그대로이고, 참여자 목록만 두 길로 옵니다.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "chat.limits.messages-per-second=100000")
class OrderingTests {

  @Autowired ApplicationContext context;

  @DynamicPropertySource
  static void broker(DynamicPropertyRegistry registry) {
    EmbeddedArtemis.register(registry);
  }

  @BeforeEach
  void awaitBroker() {
    TwoInstanceScenarios.awaitBroker(context);
  }

  private static final int LISTENERS = 20;
  private static final int SENDERS = 4;
  private static final int PER_SENDER = 500;

  @LocalServerPort int port;

  @Test
  @DisplayName("네 사람이 동시에 2,000개를 보내도 스무 명 모두 id가 늘어나는 순서로 빠짐없이 받는다")
  void everySessionReceivesInIdOrder() throws Exception {
    List<StompTestClient> clients = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
    try {
      // given: 스무 명이 한 방에 있다
      List<Room> rooms = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (int i = 0; i < LISTENERS; i++) {
        names.add("듣는이" + i);
        StompTestClient client = StompTestClient.connect(port, names.get(i));
        clients.add(client);
        rooms.add(client.join("order"));
      }
      for (Room room : rooms) {
        awaitMembers(room, names.toArray(String[]::new));
      }

      // when: 그중 네 사람이 동시에 500개씩 쉬지 않고 보낸다
      List<Future<?>> sending = new ArrayList<>();
      for (int s = 0; s < SENDERS; s++) {
        StompTestClient sender = clients.get(s);
        sending.add(
            pool.submit(
                () -> {
                  for (int n = 0; n < PER_SENDER; n++) {
                    sender.send("/app/rooms.order.send", Map.of("content", "글" + n));
                  }
                  return null;
                }));
      }
      for (Future<?> future : sending) {
        future.get();
      }

      // then: 모두가 2,000개를 받고, 받은 차례대로 id가 늘어난다
      for (int i = 0; i < LISTENERS; i++) {
        List<Long> ids = new ArrayList<>();
        while (ids.size() < SENDERS * PER_SENDER) {
          ChatMessage message =
              rooms.get(i).messages().poll(StompTestClient.WAIT_SECONDS, TimeUnit.SECONDS);
          assertThat(message).as("듣는이%d가 %d번째 글을 받지 못했습니다", i, ids.size() + 1).isNotNull();
          if (message.type() == ChatMessage.Type.CHAT) {
            ids.add(message.id());
          }
        }
        assertThat(ids).as("듣는이%d가 받은 id 순서", i).isSorted().doesNotHaveDuplicates();
      }
    } finally {
      pool.shutdownNow();
      clients.forEach(StompTestClient::close);
    }
  }

  @Test
  @DisplayName("쉰 명이 한꺼번에 들어와도 각자의 참여자 목록에 쉰 명이 다 있고, 목록 자체는 한 사람에게 한 번만 간다")
  void everyMemberListIsCompleteAfterFiftyJoinAtOnce() throws Exception {
    int people = 50;
    List<StompTestClient> clients = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(people);
    try {
      // given: 쉰 명이 연결해 있다
      List<String> names = new ArrayList<>();
      for (int i = 0; i < people; i++) {
        names.add("사람" + i);
        clients.add(StompTestClient.connect(port, names.get(i)));
      }

      // when: 모두 한꺼번에 들어온다
      List<Future<Room>> joining = new ArrayList<>();
      for (StompTestClient client : clients) {
        joining.add(pool.submit(() -> client.join("crowd")));
      }
      List<Room> rooms = new ArrayList<>();
      for (Future<Room> future : joining) {
        rooms.add(future.get());
      }

      // then: 받은 목록에 그 뒤의 JOIN을 더한 목록(페이지가 그리는 것)에 쉰 명이 다 있다
      for (Room room : rooms) {
        awaitMembers(room, names.toArray(String[]::new));
      }
      // then: 서버가 보낸 목록은 들어온 사람마다 하나뿐이다(누가 들어올 때마다 모두에게 다시 보내지 않는다)
      for (int i = 0; i < people; i++) {
        assertThat(rooms.get(i).memberLists()).as("사람%d가 받은 목록", i).hasSize(1);
      }
    } finally {
      pool.shutdownNow();
      clients.forEach(StompTestClient::close);
    }
  }
}
