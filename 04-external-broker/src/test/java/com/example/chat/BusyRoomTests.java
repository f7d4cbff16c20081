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
 * 여러 사람이 한꺼번에 들어오며 말하는 방에서 아무도 멈추지 않는지 봅니다.
 *
 * <p>나가는 줄({@link BoundedOutbound})은 메시지가 보내기 버퍼에 들어간 순간 그 연결의 다음 메시지를 풀어 줍니다. 스프링의 {@code
 * preservePublishOrder(true)}는 같은 방법에서 "풀어 주기"가 다른 메시지와 겹쳐 두 번 돌면 그 연결의 줄이 멈출 수 있었습니다(3장 README
 * "알려진 함정" 3번). 이 테스트는 그런 경합이 가장 잘 생기는 모양(입장 · 기록 · 다른 사람의 JOIN과 글이 한꺼번에)을 만들고, 모두가 끝까지 받는지 확인합니다.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BusyRoomTests {

  private static final int PEOPLE = 16;

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

      // then: 나머지 모두도 전원 목록을 받고, 모두가 마지막 글을 받는다(멈춘 연결은 여기서 걸립니다)
      for (int i = 0; i < rooms.size(); i++) {
        Room joined = rooms.get(i);
        if (i > 0) {
          awaitMembers(joined, names.toArray(String[]::new));
        }
        awaitMessage(joined.messages(), m -> "마지막".equals(m.content()));
      }
    } finally {
      pool.shutdownNow();
      clients.forEach(StompTestClient::close);
    }
  }
}
