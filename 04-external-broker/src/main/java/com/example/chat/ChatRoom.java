package com.example.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 방 하나: 최근 메시지 기록, 방 안의 순번, 입장한 사람들.
 *
 * <p>입장한 사람은 "멤버 키"로 구분합니다. 1장에서는 입장할 때 받은 토큰, 2~4장에서는 연결(세션) id입니다. 어떤 키로 말하든 보낸 사람 이름은 입장할 때 등록한
 * 닉네임으로 서버가 찍으므로, 클라이언트는 남의 이름으로 말할 수 없습니다. 퇴장은 여러 번 불려도 LEAVE를 한 번만 남깁니다(연결 종료 이벤트가 두 번 오는 경우가 실제로
 * 있습니다).
 *
 * <p>실제 서비스라면 기록을 DB나 Redis에 두겠지만, 이 예제에서는 메모리에 최근 {@code historySize}개만 둡니다. 모든 메서드는 방 하나를 잠그는
 * {@code synchronized}라서, 순번과 기록 순서가 언제나 같습니다.
 */
final class ChatRoom {

  private final String name;
  private final ChatLimits limits;
  private final Clock clock;
  private final Deque<ChatMessage> history = new ArrayDeque<>();
  private final Map<String, Member> members = new LinkedHashMap<>();
  private long lastId;

  ChatRoom(String name, ChatLimits limits, Clock clock) {
    this.name = name;
    this.limits = limits;
    this.clock = clock;
  }

  synchronized ChatMessage join(String memberKey, String nickname) {
    if (members.containsKey(memberKey)) {
      throw new ChatException(ChatError.Code.ALREADY_JOINED);
    }
    Member member = new Member(limits.nickname(nickname));
    members.put(memberKey, member);
    return record(ChatMessage.Type.JOIN, member.nickname, member.nickname + " 님이 입장했습니다.");
  }

  /**
   * 퇴장. 같은 닉네임이 다른 키로 아직 방에 있으면(탭 두 개, 또는 다시 연결한 뒤에 옛 연결이 늦게 닫힌 경우) 그 사람은 여전히 방에 있으므로 LEAVE를 남기지
   * 않습니다.
   */
  synchronized Optional<ChatMessage> leave(String memberKey) {
    Member member = members.remove(memberKey);
    if (member == null
        || members.values().stream().anyMatch(m -> m.nickname.equals(member.nickname))) {
      return Optional.empty();
    }
    return Optional.of(
        record(ChatMessage.Type.LEAVE, member.nickname, member.nickname + " 님이 퇴장했습니다."));
  }

  synchronized ChatMessage post(String memberKey, String content) {
    Member member = speaker(memberKey);
    return record(ChatMessage.Type.CHAT, member.nickname, limits.content(content));
  }

  /** 귓속말은 순번을 받지만 방의 기록에는 남지 않습니다(두 사람에게만 전달됩니다). */
  synchronized ChatMessage whisper(String memberKey, String to, String content) {
    Member member = speaker(memberKey);
    String text = limits.content(content);
    String recipient = to == null ? "" : to.strip();
    if (members.values().stream().noneMatch(m -> m.nickname.equals(recipient))) {
      throw new ChatException(ChatError.Code.UNKNOWN_RECIPIENT, recipient);
    }
    return message(ChatMessage.Type.WHISPER, member.nickname, text);
  }

  synchronized List<ChatMessage> history() {
    return List.copyOf(history);
  }

  synchronized List<ChatMessage> after(long id) {
    return history.stream().filter(m -> m.id() > id).toList();
  }

  synchronized long lastId() {
    return lastId;
  }

  synchronized List<String> members() {
    return members.values().stream().map(m -> m.nickname).distinct().toList();
  }

  synchronized Optional<String> nicknameOf(String memberKey) {
    return Optional.ofNullable(members.get(memberKey)).map(m -> m.nickname);
  }

  String name() {
    return name;
  }

  private Member speaker(String memberKey) {
    Member member = members.get(memberKey);
    if (member == null) {
      throw new ChatException(ChatError.Code.NOT_JOINED);
    }
    member.checkRate(clock.millis(), limits.messagesPerSecond());
    return member;
  }

  private ChatMessage record(ChatMessage.Type type, String sender, String content) {
    ChatMessage message = message(type, sender, content);
    history.addLast(message);
    while (history.size() > limits.historySize()) {
      history.removeFirst();
    }
    return message;
  }

  private ChatMessage message(ChatMessage.Type type, String sender, String content) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    return new ChatMessage(++lastId, name, type, sender, content, now);
  }

  /** 입장한 사람 한 명. 1초 창(window)마다 보낸 개수를 세어 도배를 막습니다. */
  private static final class Member {
    private final String nickname;
    private long windowStart;
    private int sentInWindow;

    private Member(String nickname) {
      this.nickname = nickname;
    }

    private void checkRate(long nowMillis, int perSecond) {
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
