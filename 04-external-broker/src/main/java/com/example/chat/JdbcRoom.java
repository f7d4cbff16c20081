package com.example.chat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 잠긴 방 하나에 대한 SQL입니다. {@link JdbcRoomStore#locked}의 트랜잭션 안에서만 만들어지므로 모든 문장이 그 방의 잠금을 쥔 채 실행됩니다.
 *
 * <p>3장의 메모리는 최근 {@code historySize}개만 기억하지만, 여기서는 메시지를 지우지 않고 읽을 때 최근 것만 꺼냅니다. 실제 서비스라면 오래된 기록을 따로
 * 보관하거나 지우는 작업을 두겠지만, 이 예제에서는 그대로 쌓아 둡니다.
 */
record JdbcRoom(JdbcClient jdbc, String room, UUID instance, int historySize)
    implements RoomStore.Room {

  @Override
  public long nextId() {
    return jdbc.sql("UPDATE chat_room SET last_id = last_id + 1 WHERE name = ? RETURNING last_id")
        .param(room)
        .query(Long.class)
        .single();
  }

  @Override
  public void append(ChatMessage m) {
    jdbc.sql(
            "INSERT INTO chat_message (room, id, type, sender, content, sent_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)")
        .params(
            room,
            m.id(),
            m.type().name(),
            m.sender(),
            m.content(),
            OffsetDateTime.ofInstant(m.sentAt(), ZoneOffset.UTC))
        .update();
  }

  @Override
  public List<ChatMessage> history() {
    return jdbc.sql(
            """
            SELECT * FROM (SELECT * FROM chat_message WHERE room = ? ORDER BY id DESC LIMIT ?) recent
            ORDER BY id""")
        .params(room, historySize)
        .query(
            (rs, n) ->
                new ChatMessage(
                    rs.getLong("id"),
                    room,
                    ChatMessage.Type.valueOf(rs.getString("type")),
                    rs.getString("sender"),
                    rs.getString("content"),
                    rs.getObject("sent_at", OffsetDateTime.class).toInstant()))
        .list();
  }

  @Override
  public boolean addMember(String memberKey, String nickname) {
    return jdbc.sql(
                "INSERT INTO chat_member (room, member_key, nickname, instance)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
            .params(room, memberKey, nickname, instance)
            .update()
        == 1;
  }

  @Override
  public Optional<String> removeMember(String memberKey) {
    return jdbc.sql("DELETE FROM chat_member WHERE room = ? AND member_key = ? RETURNING nickname")
        .params(room, memberKey)
        .query(String.class)
        .optional();
  }

  @Override
  public Optional<String> nicknameOf(String memberKey) {
    return jdbc.sql("SELECT nickname FROM chat_member WHERE room = ? AND member_key = ?")
        .params(room, memberKey)
        .query(String.class)
        .optional();
  }

  @Override
  public List<String> nicknames() {
    return jdbc.sql(
            "SELECT nickname FROM chat_member WHERE room = ? GROUP BY nickname ORDER BY min(joined)")
        .param(room)
        .query(String.class)
        .list();
  }
}
