package com.example.chat;

import com.example.chat.StompTestClient.Room;
import java.util.Map;
import java.util.UUID;

/**
 * 나쁜 입력 테스트의 구경꾼: 로그인한 민수와 지영이 한 방에서 대화 중입니다. 누군가 거절당한 뒤에도 이 둘이 계속 대화하는지 {@link
 * #assertStillChatting}으로 확인합니다.
 */
final class Bystanders implements AutoCloseable {

  private final String room;
  private final StompTestClient minsu;
  private final StompTestClient jiyoung;
  private final Room jiyoungRoom;

  private Bystanders(
      String room, StompTestClient minsu, StompTestClient jiyoung, Room jiyoungRoom) {
    this.room = room;
    this.minsu = minsu;
    this.jiyoung = jiyoung;
    this.jiyoungRoom = jiyoungRoom;
  }

  static Bystanders join(int port, String room) throws Exception {
    StompTestClient minsu = ChatLogin.as(port, "minsu").connect();
    StompTestClient jiyoung = ChatLogin.as(port, "jiyoung").connect();
    minsu.join(room);
    Room jiyoungRoom = jiyoung.join(room);
    ChatStompTests.awaitMembers(jiyoungRoom, "민수", "지영");
    return new Bystanders(room, minsu, jiyoung, jiyoungRoom);
  }

  /** 민수가 보낸 글이 지영에게 닿는다. */
  void assertStillChatting() throws Exception {
    String text = "아직 잘 돼요 " + UUID.randomUUID();
    minsu.send("/app/rooms." + room + ".send", Map.of("content", text));
    ChatStompTests.awaitMessage(jiyoungRoom.messages(), m -> text.equals(m.content()));
  }

  @Override
  public void close() {
    minsu.close();
    jiyoung.close();
  }
}
