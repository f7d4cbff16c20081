package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.socket.CloseStatus;
import tools.jackson.databind.JsonNode;

/**
 * 소켓이 닫히지 않은 채 조용히 죽은 연결(와이파이가 끊긴 노트북 같은)도 ping으로 알아채 LEAVE를 남기는지, 그리고 조용하지만 살아 있는 연결은 그대로 두는지 봅니다.
 * 기다리는 시간을 줄이려고 ping을 0.5초마다 보내고, 1.5초 동안 소식이 없으면 닫게 합니다.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"chat.websocket.ping-interval=500ms", "chat.websocket.pong-timeout=1500ms"})
class DeadConnectionTests {

  @LocalServerPort int port;

  @Test
  @DisplayName("ping에 답하지 않는 연결은 서버가 닫고 방의 모두에게 LEAVE를 보낸다")
  void silentConnectionIsClosedAndLeaves() throws Exception {
    // given: 민수가 방에 있고, 유령은 핸드셰이크와 JOIN만 보낸 뒤 읽지도 답하지도 않는다(FIN 없이 끊긴 회선처럼)
    try (ChatSocket minsu = ChatSocket.joined(port, "heartbeat", "민수");
        RawChatSocket ghost = RawChatSocket.joined(port, "heartbeat", "유령", 64 * 1024)) {
      assertThat(last(minsu.untilType("JOIN")).path("sender").asString()).isEqualTo("유령");

      // when: 유령이 소켓을 연 채로 아무것도 보내지 않는다

      // then: pong-timeout이 지나면 서버가 연결을 닫고, 민수는 유령의 LEAVE를 받는다
      List<JsonNode> frames = minsu.untilType("LEAVE");
      assertThat(last(frames).path("sender").asString()).isEqualTo("유령");

      // then: 유령이 이제야 읽어 보면, 답하지 않은 ping들 뒤에 서버의 닫기 프레임(4500)이 있다
      RawChatSocket.Ending ending = ghost.readUntilClosed();
      assertThat(ending.pings()).isPositive();
      assertThat(ending.code()).isEqualTo(CloseStatus.SESSION_NOT_RELIABLE.getCode());
    }
  }

  @Test
  @DisplayName("ping에 pong으로 답하는 클라이언트는 아무 말 없이 오래 있어도 방에 남는다")
  void quietButAliveClientStays() throws Exception {
    // given: 민수와 지영이 같은 방에 있다. JDK 클라이언트는 브라우저처럼 ping에 pong을 알아서 답한다
    try (ChatSocket minsu = ChatSocket.joined(port, "quiet", "민수");
        ChatSocket jiyoung = ChatSocket.joined(port, "quiet", "지영")) {

      // when: 둘 다 말없이, 지영이 ping을 여섯 번(pong-timeout의 두 배) 받을 때까지 기다린다
      await().atMost(Duration.ofSeconds(15)).until(() -> jiyoung.pings.get() >= 6);

      // then: 지영의 연결은 열려 있고, 지영이 말하면 민수가 받는다. 그사이 민수에게 LEAVE는 오지 않았다
      assertThat(jiyoung.closed).isNotDone();
      jiyoung.chat("아직 여기 있어요");
      List<JsonNode> frames = minsu.untilType("CHAT");
      assertThat(frames).extracting(f -> f.path("type").asString()).doesNotContain("LEAVE");
      assertThat(last(frames).path("content").asString()).isEqualTo("아직 여기 있어요");
      assertThat(last(frames).path("sender").asString()).isEqualTo("지영");
    }
  }

  private static JsonNode last(List<JsonNode> frames) {
    return frames.get(frames.size() - 1);
  }
}
