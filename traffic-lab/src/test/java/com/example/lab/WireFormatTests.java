package com.example.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WireFormatTests {

  @Test
  @DisplayName("STOMP 디코더는 나뉘어 온 프레임을 모으고 하트비트 줄바꿈을 건너뛴다")
  void stompDecoderJoinsPartsAndSkipsHeartbeats() {
    // given: 하트비트, 반쪽 프레임, 나머지 반쪽 + RabbitMQ식 꼬리 줄바꿈 + 다음 프레임
    StompFrame.Decoder decoder = new StompFrame.Decoder();

    // when
    List<StompFrame> first = decoder.feed("\n\nMESSAGE\nsubscription:sub-0\ndestination:/to");
    List<StompFrame> rest =
        decoder.feed("pic/rooms.lobby\n\n{\"type\":\"CHAT\"}\0\nRECEIPT\nreceipt-id:r1\n\n\0");

    // then
    assertThat(first).isEmpty();
    assertThat(rest).hasSize(2);
    assertThat(rest.get(0).command()).isEqualTo("MESSAGE");
    assertThat(rest.get(0).header("destination")).isEqualTo("/topic/rooms.lobby");
    assertThat(rest.get(0).body()).isEqualTo("{\"type\":\"CHAT\"}");
    assertThat(rest.get(1).header("receipt-id")).isEqualTo("r1");
  }

  @Test
  @DisplayName("STOMP 프레임은 본문의 UTF-8 바이트 수를 content-length로 싣는다")
  void stompEncodeAddsContentLength() {
    // when: 한글 두 글자(6바이트) + 따옴표 둘
    String frame = StompFrame.of("SEND", "destination", "/app/x").withBody("\"안녕\"").encode();

    // then
    assertThat(frame).isEqualTo("SEND\ndestination:/app/x\ncontent-length:8\n\n\"안녕\"\0");
  }

  @Test
  @DisplayName("JSON 도우미는 필드와 객체 배열, SockJS 문자열 배열을 푼다")
  void jsonHelpers() {
    // given
    String messages =
        "[{\"id\":7,\"type\":\"CHAT\",\"sender\":\"민수\",\"content\":\"a}b \\\"q\\\" #12\"},"
            + "{\"id\":8,\"type\":\"JOIN\"}]";

    // when
    List<String> objects = Json.objects(messages);

    // then
    assertThat(objects).hasSize(2);
    assertThat(Json.number(objects.get(0), "id", 0)).isEqualTo(7);
    assertThat(Json.string(objects.get(0), "content")).isEqualTo("a}b \"q\" #12");
    assertThat(Json.string(objects.get(1), "type")).isEqualTo("JOIN");
    assertThat(Json.strings("[\"CONNECTED\\nversion:1.1\\n\\n\\u0000\",\"x\"]"))
        .containsExactly("CONNECTED\nversion:1.1\n\n\0", "x");
    assertThat(Json.quote("줄\n\"끝\"")).isEqualTo("\"줄\\n\\\"끝\\\"\"");
  }
}
