package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** 규칙을 어긴 프레임마다: 보낸 사람 한 명만 한국어 ERROR(또는 알맞은 닫기 코드)를 받고, 같은 방의 다른 사람은 아무것도 못 느낀 채 대화를 이어 간다. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadInputTests {

  private static final AtomicInteger ROOMS = new AtomicInteger();

  @LocalServerPort int port;

  private String room;
  private ChatSocket bystander;

  @BeforeEach
  void bystanderInRoom() throws Exception {
    room = "bad-" + ROOMS.incrementAndGet();
    bystander = ChatSocket.joined(port, room, "구경꾼");
  }

  @AfterEach
  void closeBystander() {
    bystander.close();
  }

  @Test
  @DisplayName("JSON이 아닌 텍스트에는 MALFORMED_MESSAGE로 답하고, 연결은 그대로라 이어서 입장할 수 있다")
  void nonJson() throws Exception {
    try (ChatSocket client = ChatSocket.connect(port)) {
      // when: JSON이 아닌 글을 보낸다
      client.send("안녕? 나는 JSON이 아니야");

      // then: 그 사람만 한국어 오류를 받는다
      assertError(client.next(), "MALFORMED_MESSAGE", "메시지 형식이 올바르지 않습니다");

      // then: 같은 연결로 입장하고 말할 수 있다
      client.join(room, "민수");
      client.untilType("MEMBERS");
      assertOthersKeepChatting(client);
    }
  }

  @Test
  @DisplayName("알 수 없는 type에는 UNKNOWN_TYPE으로 답한다")
  void unknownType() throws Exception {
    try (ChatSocket client = ChatSocket.joined(port, room, "민수")) {
      // when
      client.sendJson(Map.of("type", "DANCE", "content", "춤"));

      // then
      assertError(client.untilType("ERROR").get(0), "UNKNOWN_TYPE", "DANCE");
      assertOthersKeepChatting(client);
    }
  }

  @Test
  @DisplayName("입장 전에 보낸 CHAT에는 NOT_JOINED로 답하고, 방에는 아무것도 전해지지 않는다")
  void chatBeforeJoin() throws Exception {
    try (ChatSocket client = ChatSocket.connect(port)) {
      // when: JOIN 없이 CHAT을 보낸다
      client.chat("몰래 한마디");

      // then
      assertError(client.next(), "NOT_JOINED", "먼저 방에 입장해 주세요.");
      client.join(room, "민수");
      client.untilType("MEMBERS");
      assertOthersKeepChatting(client);
    }
  }

  @Test
  @DisplayName("두 번째 JOIN에는 ALREADY_JOINED로 답하고, 처음 들어간 방에 그대로 있다")
  void secondJoin() throws Exception {
    try (ChatSocket client = ChatSocket.joined(port, room, "민수")) {
      // when: 다른 방, 다른 이름으로 한 번 더 입장한다
      client.join("other-room", "가짜");

      // then: 오류를 받고, 말하면 여전히 처음 방에 처음 이름으로 전해진다
      assertError(client.untilType("ERROR").get(0), "ALREADY_JOINED", "이미 방에 입장해 있습니다.");
      assertOthersKeepChatting(client);
    }
  }

  @Test
  @DisplayName("바이너리 프레임에는 BINARY_NOT_SUPPORTED로 답한다")
  void binaryFrame() throws Exception {
    try (ChatSocket client = ChatSocket.joined(port, room, "민수")) {
      // when
      client.sendBinary(new byte[] {1, 2, 3});

      // then
      assertError(client.untilType("ERROR").get(0), "BINARY_NOT_SUPPORTED", "바이너리");
      assertOthersKeepChatting(client);
    }
  }

  @Test
  @DisplayName("한도(8KB)를 넘는 메시지는 1009와 한국어 이유로 닫히고, 남은 사람은 퇴장 알림을 받고 대화를 이어 간다")
  void oversizeClosesWith1009() throws Exception {
    ChatSocket client = ChatSocket.joined(port, room, "민수");
    bystander.untilType("JOIN");

    // when: 8KB + 1바이트짜리 텍스트(한글 3바이트 × 2731자 = 8193바이트)를 보낸다
    client.send("가".repeat(2731));

    // then: 그 연결만 1009(너무 큼)와 한국어 이유로 닫힌다
    ChatSocket.Closed closed = client.awaitClose();
    assertThat(closed.code()).isEqualTo(1009);
    assertThat(closed.reason()).isEqualTo("메시지가 너무 큽니다(최대 8192바이트).");

    // then: 구경꾼은 퇴장 알림을 받고, 계속 말할 수 있다
    assertThat(bystander.untilType("LEAVE").get(0).path("sender").asString()).isEqualTo("민수");
    bystander.chat("아직 여기 있어요");
    assertThat(bystander.untilContent("아직 여기 있어요").path("sender").asString()).isEqualTo("구경꾼");
  }

  @Test
  @DisplayName("Tomcat 버퍼보다 훨씬 큰 메시지(10만 자)도 1009와 한국어 이유로 닫힌다")
  void hugeMessageClosedWithKoreanReason() throws Exception {
    try (ChatSocket client = ChatSocket.connect(port)) {
      // when: Tomcat이 조각으로 넘길 만큼 큰 텍스트
      client.send("x".repeat(100_000));

      // then: 핸들러가 조각을 세다가 한도를 넘는 순간 한국어 이유로 닫는다
      ChatSocket.Closed closed = client.awaitClose();
      assertThat(closed.code()).isEqualTo(1009);
      assertThat(closed.reason()).isEqualTo("메시지가 너무 큽니다(최대 8192바이트).");
    }
  }

  @Test
  @DisplayName("Tomcat 버퍼보다 길지만 한도 안인 메시지는 조각으로 와도 하나로 모아 처리된다")
  void longMessageInPiecesIsAssembled() throws Exception {
    try (ChatSocket client = ChatSocket.joined(port, room, "민수")) {
      // when: JSON 뒤에 공백을 붙여 Tomcat 버퍼(2,048자)보다 길게, 한도(8KB)보다 짧게 만든다
      String padded =
          "{\"type\":\"CHAT\",\"content\":\"조각 모으기\"}"
              + " ".repeat(WebSocketConfig.TEXT_BUFFER_CHARS * 2);
      client.send(padded);

      // then: 한 메시지로 처리되어 구경꾼에게 도착한다
      assertThat(bystander.untilContent("조각 모으기").path("sender").asString()).isEqualTo("민수");
    }
  }

  @Test
  @DisplayName("잘못된 방 이름과 닉네임으로는 입장할 수 없고, 각각 알맞은 오류를 받는다")
  void invalidRoomAndNickname() throws Exception {
    try (ChatSocket client = ChatSocket.connect(port)) {
      Map<String, List<String>> cases =
          Map.of(
              "INVALID_ROOM", List.of("Lobby!", "민수"),
              "NICKNAME_EMPTY", List.of(room, "   "),
              "NICKNAME_TOO_LONG", List.of(room, "가".repeat(21)),
              "NICKNAME_INVALID", List.of(room, "민\u0007수"));
      for (var entry : cases.entrySet()) {
        // when
        client.join(entry.getValue().get(0), entry.getValue().get(1));

        // then
        assertThat(client.next().path("code").asString()).isEqualTo(entry.getKey());
      }
      // then: 아무 데도 들어가지 않았으므로 이제 제대로 입장할 수 있다
      client.join(room, "민수");
      client.untilType("MEMBERS");
      assertOthersKeepChatting(client);
    }
  }

  @Test
  @DisplayName("빈 메시지와 1000자를 넘는 메시지에는 오류로 답하고, 방에는 전해지지 않는다")
  void invalidContent() throws Exception {
    try (ChatSocket client = ChatSocket.joined(port, room, "민수")) {
      // when
      client.chat("   ");
      client.chat("가".repeat(1001));

      // then
      assertError(client.untilType("ERROR").get(0), "CONTENT_EMPTY", "빈 메시지");
      assertError(client.next(), "CONTENT_TOO_LONG", "1000자 이하여야 합니다(지금 1001자)");
      assertOthersKeepChatting(client);
    }
  }

  @Test
  @DisplayName("1초에 10개보다 많이 보내면 넘친 것은 RATE_LIMITED로 거절되고, 받아들인 것만 방에 전해진다")
  void rateLimit() throws Exception {
    try (ChatSocket client = ChatSocket.joined(port, room, "민수")) {
      // when: 40개를 한꺼번에 보낸다
      for (int i = 1; i <= 40; i++) {
        client.chat("도배 " + i);
      }
      client.sendJson(Map.of("type", "PING")); // 끝 표시: 이 오류가 오면 앞의 40개는 모두 처리된 것

      // then: 보낸 사람은 RATE_LIMITED를 한 번 이상 받고, 나머지는 자기 메시지로 돌아온다
      List<String> accepted = new ArrayList<>();
      int limited = 0;
      JsonNode frame;
      while (!"UNKNOWN_TYPE".equals((frame = client.next()).path("code").asString())) {
        if ("RATE_LIMITED".equals(frame.path("code").asString())) {
          limited++;
        } else if ("CHAT".equals(frame.path("type").asString())) {
          accepted.add(frame.path("content").asString());
        }
      }
      assertThat(limited).isPositive();
      assertThat(accepted.size() + limited).isEqualTo(40);

      // then: 구경꾼은 받아들여진 것만 같은 순서로, 오류 없이 받는다
      List<String> seen = new ArrayList<>();
      do {
        frame = bystander.next();
        assertThat(frame.path("type").asString()).isNotEqualTo("ERROR");
        if ("CHAT".equals(frame.path("type").asString())) {
          seen.add(frame.path("content").asString());
        }
      } while (seen.size() < accepted.size());
      assertThat(seen).isEqualTo(accepted);
    }
  }

  /** 문제를 일으킨 사람이 이어서 말하면 구경꾼은 그 말을 받고, 그 전까지 ERROR는 하나도 받지 않았다. */
  private void assertOthersKeepChatting(ChatSocket client) throws Exception {
    client.chat("계속 대화해요");
    JsonNode frame;
    do {
      frame = bystander.next();
      assertThat(frame.path("type").asString()).as("구경꾼에게 간 프레임").isNotEqualTo("ERROR");
    } while (!"계속 대화해요".equals(frame.path("content").asString()));
    assertThat(frame.path("sender").asString()).isEqualTo("민수");
  }

  private static void assertError(JsonNode frame, String code, String text) {
    assertThat(frame.path("type").asString()).isEqualTo("ERROR");
    assertThat(frame.path("code").asString()).isEqualTo(code);
    assertThat(frame.path("content").asString()).contains(text);
  }
}
