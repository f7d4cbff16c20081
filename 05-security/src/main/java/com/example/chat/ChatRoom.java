package com.example.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * 방 하나의 규칙: 누가 말할 수 있는지, 보낸 사람 이름은 누가 찍는지, 퇴장은 언제 남기는지.
 *
 * <p>입장한 사람은 "멤버 키"로 구분합니다. 1장에서는 입장할 때 받은 토큰, 2~4장에서는 연결(세션) id입니다. 어떤 키로 말하든 보낸 사람 이름은 입장할 때 등록한
 * 닉네임으로 서버가 찍으므로, 클라이언트는 남의 이름으로 말할 수 없습니다. 퇴장은 여러 번 불려도 LEAVE를 한 번만 남깁니다(연결 종료 이벤트가 두 번 오는 경우가 실제로
 * 있습니다).
 *
 * <p>순번, 기록, 입장한 사람은 {@link RoomStore}에 둡니다(1~3장은 메모리, 4장은 데이터베이스). 모든 일은 방을 잠근 채 한 번에 하므로 순번과 기록
 * 순서가 늘 같습니다. 도배 방지용 "1초에 몇 개" 세기만은 이 서버의 메모리에 둡니다. 한 사람의 연결은 한 서버에만 붙어 있기 때문입니다.
 */
final class ChatRoom {

  private final String name;
  private final ChatLimits limits;
  private final Clock clock;
  private final RoomStore store;
  private final Map<String, Rate> rates = new ConcurrentHashMap<>();

  ChatRoom(String name, ChatLimits limits, Clock clock, RoomStore store) {
    this.name = name;
    this.limits = limits;
    this.clock = clock;
    this.store = store;
  }

  ChatMessage join(String memberKey, String nickname) {
    String checked = limits.nickname(nickname);
    return store.locked(
        name,
        room -> {
          if (!room.addMember(memberKey, checked)) {
            throw new ChatException(ChatError.Code.ALREADY_JOINED);
          }
          return record(room, ChatMessage.Type.JOIN, checked, checked + " 님이 입장했습니다.");
        });
  }

  /**
   * 퇴장. 같은 닉네임이 다른 키로 아직 방에 있으면(탭 두 개, 또는 다시 연결한 뒤에 옛 연결이 늦게 닫힌 경우) 그 사람은 여전히 방에 있으므로 LEAVE를 남기지
   * 않습니다.
   */
  Optional<ChatMessage> leave(String memberKey) {
    rates.remove(memberKey);
    return store.locked(
        name,
        room ->
            room.removeMember(memberKey)
                .filter(nickname -> !room.nicknames().contains(nickname))
                .map(
                    nickname ->
                        record(room, ChatMessage.Type.LEAVE, nickname, nickname + " 님이 퇴장했습니다.")));
  }

  ChatMessage post(String memberKey, String content) {
    return store.locked(
        name,
        room -> {
          String sender = speaker(room, memberKey);
          return record(room, ChatMessage.Type.CHAT, sender, limits.content(content));
        });
  }

  /** 귓속말은 순번을 받지만 방의 기록에는 남지 않습니다(두 사람에게만 전달됩니다). */
  ChatMessage whisper(String memberKey, String to, String content) {
    return store.locked(
        name,
        room -> {
          String sender = speaker(room, memberKey);
          String text = limits.content(content);
          String recipient = to == null ? "" : to.strip();
          if (!room.nicknames().contains(recipient)) {
            throw new ChatException(ChatError.Code.UNKNOWN_RECIPIENT, recipient);
          }
          return message(room, ChatMessage.Type.WHISPER, sender, text);
        });
  }

  List<ChatMessage> history() {
    return store.locked(name, RoomStore.Room::history);
  }

  List<ChatMessage> after(long id) {
    return history().stream().filter(m -> m.id() > id).toList();
  }

  List<String> members() {
    return store.locked(name, RoomStore.Room::nicknames);
  }

  /**
   * 지금의 참여자 목록. {@code version}은 같은 잠금 안에서 읽은 마지막 기록의 id입니다. 입장·퇴장은 늘 기록에 남으므로, 이 목록을 바꿀 수 있는 것은
   * 그보다 큰 id의 JOIN·LEAVE뿐입니다.
   */
  MemberList memberList() {
    return store.locked(
        name,
        room -> {
          List<ChatMessage> history = room.history();
          long version = history.isEmpty() ? 0 : history.get(history.size() - 1).id();
          return new MemberList(name, version, room.nicknames());
        });
  }

  Optional<String> nicknameOf(String memberKey) {
    return store.locked(name, room -> room.nicknameOf(memberKey));
  }

  String name() {
    return name;
  }

  private String speaker(RoomStore.Room room, String memberKey) {
    String nickname =
        room.nicknameOf(memberKey).orElseThrow(() -> new ChatException(ChatError.Code.NOT_JOINED));
    rates
        .computeIfAbsent(memberKey, key -> new Rate())
        .check(clock.millis(), limits.messagesPerSecond());
    return nickname;
  }

  private ChatMessage record(
      RoomStore.Room room, ChatMessage.Type type, String sender, String content) {
    ChatMessage message = message(room, type, sender, content);
    room.append(message);
    return message;
  }

  private ChatMessage message(
      RoomStore.Room room, ChatMessage.Type type, String sender, String content) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    return new ChatMessage(room.nextId(), name, type, sender, content, now);
  }

  /** 한 사람이 1초 창(window)마다 보낸 개수를 세어 도배를 막습니다. */
  private static final class Rate {
    private long windowStart;
    private int sentInWindow;

    private synchronized void check(long nowMillis, int perSecond) {
      if (nowMillis - windowStart >= 1000) {
        windowStart = nowMillis;
        sentInWindow = 0;
      }
      if (++sentInWindow > perSecond) {
        throw new ChatException(ChatError.Code.RATE_LIMITED, perSecond);
      }
    }
  }
}
