package com.example.chat;

import static com.example.chat.ChatStompTests.awaitMembers;
import static com.example.chat.ChatStompTests.awaitMessage;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.chat.StompTestClient.Room;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 읽기를 멈춘 클라이언트 하나가 방 전체를 붙잡지 못한다는 것을 확인합니다. 보내기 한도({@code send-buffer-size-limit})가 작동한다는
 * 증거입니다(README의 "알려진 함정" 3번).
 *
 * <p>"느림보"는 핸드셰이크, CONNECT, 방 구독, join만 하고 소켓을 한 번도 읽지 않습니다(탭이 멈춘 브라우저, 끊긴 와이파이와 같습니다). 한도를 작게 잡아
 * 금방 넘치게 합니다.
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
  @DisplayName("읽지 않는 클라이언트는 버퍼 한도를 넘으면 끊기고(LEAVE), 다른 사람은 모든 메시지를 받는다")
  void slowConsumerIsDroppedOthersKeepReceiving() throws Exception {
    // given: 민수와 지영, 그리고 join만 하고 읽지 않는 느림보가 같은 방에 있다
    try (StompTestClient minsu = StompTestClient.connect(port, "민수");
        StompTestClient jiyoung = StompTestClient.connect(port, "지영");
        Socket slow = neverReadingClient("느림보")) {
      Room minsuRoom = minsu.join(ROOM);
      Room jiyoungRoom = jiyoung.join(ROOM);
      awaitMembers(jiyoungRoom, "민수", "지영", "느림보");

      // when: 민수가 긴 메시지(약 3KB)를 느림보가 끊길 때까지, 넉넉히 최대 400개 보낸다.
      // 하나 보내고 자기 화면에 돌아오는 것을 본 뒤 다음 것을 보냅니다(읽는 사람들은 밀리지 않게).
      String body = " " + "가".repeat(990);
      List<String> sent = new ArrayList<>();
      boolean dropped = false;
      for (int i = 1; i <= 400 && !dropped; i++) {
        String content = i + body;
        minsu.send("/app/rooms." + ROOM + ".send", Map.of("content", content));
        sent.add(content);
        ChatMessage echo;
        do {
          echo = minsuRoom.messages().poll(StompTestClient.WAIT_SECONDS, TimeUnit.SECONDS);
          assertThat(echo).as("%d번째 글이 돌아오지 않음", i).isNotNull();
          dropped |= slowLeft(echo);
        } while (!content.equals(echo.content()));
      }

      // then: 느림보는 퇴장 처리되고 참여자 목록에서 빠진다
      if (!dropped) {
        awaitMessage(minsuRoom.messages(), SlowConsumerTests::slowLeft);
      }
      assertThat(sent.size()).as("한도를 넘길 만큼 보냈다").isLessThan(400);
      awaitMembers(jiyoungRoom, "민수", "지영");

      // then: 지영은 민수가 보낸 모든 메시지를 빠짐없이, 한 번씩 받는다
      Set<String> received = new HashSet<>();
      Set<Long> ids = new HashSet<>();
      while (received.size() < sent.size()) {
        ChatMessage message = jiyoungRoom.messages().poll(10, TimeUnit.SECONDS);
        assertThat(message).as("받은 %d개 뒤로 더 오지 않음", received.size()).isNotNull();
        if (message.type() == ChatMessage.Type.CHAT) {
          assertThat(ids.add(message.id())).as("같은 id를 두 번 받음").isTrue();
          received.add(message.content());
        }
      }
      assertThat(received).containsExactlyInAnyOrderElementsOf(sent);

      // then: 그 뒤에도 대화는 이어진다
      jiyoung.send("/app/rooms." + ROOM + ".send", Map.of("content", "느림보 없이도 잘 돼요"));
      awaitMessage(minsuRoom.messages(), m -> "느림보 없이도 잘 돼요".equals(m.content()));
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

  private static boolean slowLeft(ChatMessage message) {
    return message.type() == ChatMessage.Type.LEAVE && "느림보".equals(message.sender());
  }

  /** 손으로 웹소켓 핸드셰이크와 STOMP CONNECT, 방 구독, join을 보내고, 그 뒤로는 읽지 않는 소켓. */
  private Socket neverReadingClient(String nickname) throws IOException {
    Socket socket = new Socket();
    socket.setReceiveBufferSize(1024); // 받는 쪽 창을 작게: 서버 쪽 소켓이 금방 찬다
    socket.connect(new InetSocketAddress("127.0.0.1", port));
    OutputStream out = socket.getOutputStream();
    out.write(
        ("GET /ws/websocket HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n")
            .formatted(port)
            .getBytes(StandardCharsets.US_ASCII));
    assertThat(readHeaders(socket.getInputStream())).startsWith("HTTP/1.1 101");
    // 하트비트 0,0: 하트비트가 아니라 보내기 한도 때문에 끊긴다는 것을 보려고 끕니다.
    out.write(stompFrame("CONNECT\naccept-version:1.2\nheart-beat:0,0\nnickname:" + nickname));
    out.write(stompFrame("SUBSCRIBE\nid:0\ndestination:/topic/rooms." + ROOM));
    out.write(stompFrame("SEND\ndestination:/app/rooms." + ROOM + ".join\n\n{}"));
    out.flush();
    return socket;
  }

  private static String readHeaders(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      head.write(in.read());
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  /** STOMP 프레임 하나를 웹소켓 텍스트 프레임에 담습니다. 클라이언트 프레임은 마스킹해야 해서(RFC 6455) 마스크 키 0을 씁니다. */
  private static byte[] stompFrame(String frameWithoutBody) {
    String frame = frameWithoutBody.contains("\n\n") ? frameWithoutBody : frameWithoutBody + "\n\n";
    byte[] payload = (frame + "\0").getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x81); // FIN + 텍스트
    out.write(0x80 | payload.length); // 마스크 비트 + 길이(125바이트 이하)
    out.writeBytes(new byte[4]); // 마스크 키 0 0 0 0: XOR해도 그대로
    out.writeBytes(payload);
    return out.toByteArray();
  }
}
