package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.web.socket.CloseStatus;
import tools.jackson.databind.JsonNode;

/**
 * 읽기를 멈춘 클라이언트 하나가 방 전체를 붙잡지 못한다는 것을 확인합니다.
 *
 * <p>"느림보"({@link RawChatSocket})는 핸드셰이크와 JOIN만 하고 소켓을 한 번도 읽지 않습니다(탭이 멈춘 브라우저와 같습니다). 받는 창을 1KB로,
 * 한도를 작게 잡아 금방 넘치게 합니다.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "chat.websocket.send-buffer-size-limit=128KB",
      "chat.websocket.send-time-limit=5s",
      "chat.limits.messages-per-second=100000"
    })
class SlowConsumerTests {

  private static final String ROOM = "slow";

  @LocalServerPort int port;

  @Test
  @DisplayName("읽지 않는 클라이언트는 버퍼 한도를 넘으면 끊기고, 다른 사람들은 모든 메시지를 순서대로 계속 받는다")
  void slowConsumerIsDroppedOthersKeepReceiving() throws Exception {
    // given: 민수와 지영, 그리고 JOIN만 하고 읽지 않는 느림보가 같은 방에 있다
    try (ChatSocket minsu = ChatSocket.joined(port, ROOM, "민수");
        ChatSocket jiyoung = ChatSocket.joined(port, ROOM, "지영");
        RawChatSocket slow = RawChatSocket.joined(port, ROOM, "느림보", 1024)) {
      jiyoung.untilContent("느림보 님이 입장했습니다.");

      // when: 민수가 긴 메시지(약 3KB)를 하나씩 보낸다. 사람이 대화하듯, 자기와 지영에게 도착한 것을 보고 다음 것을 보낸다
      // (읽는 사람 앞에는 메시지가 쌓이지 않고, 읽지 않는 느림보 앞에만 쌓인다)
      String body = " " + "가".repeat(990);
      List<String> sent = new ArrayList<>();
      List<String> received = new ArrayList<>();
      List<Long> ids = new ArrayList<>();
      boolean dropped = false;
      for (int i = 1; i <= 200 && !dropped; i++) {
        String content = i + body;
        minsu.chat(content);
        sent.add(content);
        dropped = readUntil(minsu, content, null, null);
        dropped |= readUntil(jiyoung, content, received, ids);
      }

      // then: 느림보는 퇴장 처리된다
      assertThat(dropped).as("느림보의 LEAVE를 받았다").isTrue();
      assertThat(sent.size()).as("한도를 넘길 만큼 보냈다").isLessThan(200);

      // then: 지영은 민수가 보낸 모든 메시지를 빠짐없이, 보낸 순서대로, id 순으로 받았다
      assertThat(received).isEqualTo(sent);
      assertThat(ids).isSorted().doesNotHaveDuplicates();

      // then: 그 뒤에도 대화는 이어진다
      jiyoung.chat("느림보 없이도 잘 돼요");
      assertThat(minsu.untilContent("느림보 없이도 잘 돼요").path("sender").asString()).isEqualTo("지영");

      // then: 느림보가 이제야 읽어 보면, 밀린 메시지 끝에 서버의 닫기 프레임(4500, 세션을 믿을 수 없음)이 있거나 연결이 이미 끊겼다
      assertThat(slow.readUntilClosed().code())
          .isIn(CloseStatus.SESSION_NOT_RELIABLE.getCode(), -1);
    }
  }

  /** 서버 쪽 소켓의 보내기 버퍼를 작게 고정합니다. 그대로 두면 운영체제가 버퍼를 수 MB까지 키워 "읽지 않는 클라이언트"가 한참 뒤에야 드러납니다. */
  @TestConfiguration
  static class SmallSocketBuffers {
    @Bean
    TomcatConnectorCustomizer smallSendBuffer() {
      return connector -> connector.setProperty("socket.txBufSize", "8192");
    }
  }

  /** 주어진 내용의 CHAT이 올 때까지 읽으며 CHAT을 모으고, 그사이 느림보의 LEAVE를 봤으면 true. */
  private static boolean readUntil(
      ChatSocket client, String content, List<String> chats, List<Long> ids)
      throws InterruptedException {
    boolean slowLeft = false;
    JsonNode frame;
    do {
      frame = client.next();
      String type = frame.path("type").asString();
      slowLeft |= "LEAVE".equals(type) && "느림보".equals(frame.path("sender").asString());
      if (chats != null && "CHAT".equals(type)) {
        chats.add(frame.path("content").asString());
        ids.add(frame.path("id").asLong());
      }
    } while (!content.equals(frame.path("content").asString()));
    return slowLeft;
  }
}
