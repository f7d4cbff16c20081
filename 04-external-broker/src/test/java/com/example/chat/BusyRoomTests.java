package com.example.chat;

import static com.example.chat.ChatStompTests.awaitMembers;
import static com.example.chat.ChatStompTests.awaitMessage;

import com.example.chat.StompTestClient.Room;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * 여러 사람이 한꺼번에 들어오며 말하는 방. 브라우저 테스트에서 가끔 "입장 뒤 아무것도 안 옴"으로 보였던 멈춤을 브라우저 없이 재현합니다.
 *
 * <p>멈춤은 {@code preservePublishOrder(true)}와 기록 구독({@code @SubscribeMapping}) 답장이 같은 연결로 동시에 나갈 때
 * 생겼습니다 (README의 "알려진 함정"). 들어오는 사람마다 기록 답장이 나가는 그 순간에 다른 사람들의 JOIN·참여자 목록·글이 쏟아지게 만듭니다.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BusyRoomTests {

  private static final int PEOPLE = 24;

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
  @DisplayName("여럿이 동시에 들어오며 말해도 모두가 끝까지 참여자 목록과 글을 받는다")
  void everyoneKeepsReceivingWhileManyJoinAtOnce() throws Exception {
    String room = "busy";
    List<StompTestClient> clients = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      // given: 여러 사람이 동시에 연결해 들어오고, 들어오자마자 한마디씩 한다
      List<Future<Room>> joining = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (int i = 0; i < PEOPLE; i++) {
        String name = "사람" + i;
        names.add(name);
        StompTestClient client = StompTestClient.connect(port, name);
        clients.add(client);
        joining.add(
            pool.submit(
                () -> {
                  Room joined = client.join(room);
                  client.send("/app/rooms." + room + ".send", Map.of("content", name + " 왔어요"));
                  return joined;
                }));
      }
      List<Room> rooms = new ArrayList<>();
      for (Future<Room> future : joining) {
        rooms.add(future.get());
      }

      // when: 모두 들어온 뒤 첫 사람이 마지막 글을 보낸다
      awaitMembers(rooms.get(0), names.toArray(String[]::new));
      clients.get(0).send("/app/rooms." + room + ".send", Map.of("content", "마지막"));

      // then: 한 사람도 빠짐없이 전원 목록과 마지막 글을 받는다(멈춘 연결은 여기서 걸립니다)
      for (Room joined : rooms) {
        awaitMembers(joined, names.toArray(String[]::new));
        awaitMessage(joined.messages(), m -> "마지막".equals(m.content()));
      }
    } finally {
      pool.shutdownNow();
      clients.forEach(StompTestClient::close);
    }
  }
}
