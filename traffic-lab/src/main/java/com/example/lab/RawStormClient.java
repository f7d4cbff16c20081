package com.example.lab;

/** 2장({@code /ws/chat})의 입장 폭주 클라이언트: JSON 프레임의 type으로 참여자 목록, JOIN, CHAT을 가립니다. */
final class RawStormClient extends StormClient {

  RawStormClient(RowContext ctx, StormTally tally, int index) {
    super(ctx, tally, index);
  }

  @Override
  void opened(TextSocket socket) {
    ready.complete(null);
  }

  @Override
  void sendJoin() {
    socket.send(
        "{\"type\":\"JOIN\",\"room\":"
            + Json.quote(ctx.room)
            + ",\"sender\":"
            + Json.quote(nickname)
            + "}");
  }

  @Override
  void sendChat(String content) {
    socket.send("{\"type\":\"CHAT\",\"content\":" + Json.quote(content) + "}");
  }

  @Override
  void text(String text, int wireBytes, long nanos) {
    String type = Json.string(text, "type");
    boolean members = StormFrames.rawMemberList(text);
    tally.data(wireBytes, members, nanos);
    if (members) {
      firstMemberList(text, nanos);
    } else if ("JOIN".equals(type)) {
      StormFrames.joins(text, sender -> tally.joins.joined(index, sender, nanos));
    } else if ("CHAT".equals(type)) {
      maybeChat(text, nanos);
    }
  }
}
