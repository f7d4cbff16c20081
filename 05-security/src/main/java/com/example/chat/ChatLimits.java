package com.example.chat;

import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * 프로토콜의 한도(방 이름, 닉네임, 메시지 길이, 기록 개수, 보내기 속도)를 한곳에 모으고 검사합니다.
 *
 * <p>검사는 반드시 서버에서 합니다. 페이지의 {@code maxlength}는 사용자를 돕는 장치일 뿐, 다른 클라이언트(curl, 봇)는 그것을 지나칩니다. 값은
 * {@code application.yml}의 {@code chat.limits.*}에서 바꿀 수 있습니다.
 */
@ConfigurationProperties("chat.limits")
record ChatLimits(
    @DefaultValue("100") int historySize,
    @DefaultValue("20") int nicknameMaxLength,
    @DefaultValue("1000") int contentMaxLength,
    @DefaultValue("10") int messagesPerSecond,
    @DefaultValue("1000") int maxRooms) {

  private static final Pattern ROOM_NAME = Pattern.compile("[a-z0-9-]{1,32}");

  String room(String room) {
    if (room == null || !ROOM_NAME.matcher(room).matches()) {
      throw new ChatException(ChatError.Code.INVALID_ROOM);
    }
    return room;
  }

  String nickname(String raw) {
    String nickname = raw == null ? "" : raw.strip();
    int length = nickname.codePointCount(0, nickname.length());
    if (length == 0) {
      throw new ChatException(ChatError.Code.NICKNAME_EMPTY);
    }
    if (length > nicknameMaxLength) {
      throw new ChatException(ChatError.Code.NICKNAME_TOO_LONG, nicknameMaxLength, length);
    }
    if (nickname.codePoints().anyMatch(Character::isISOControl)) {
      throw new ChatException(ChatError.Code.NICKNAME_INVALID);
    }
    return nickname;
  }

  String content(String raw) {
    String content = raw == null ? "" : raw.strip();
    int length = content.codePointCount(0, content.length());
    if (length == 0) {
      throw new ChatException(ChatError.Code.CONTENT_EMPTY);
    }
    if (length > contentMaxLength) {
      throw new ChatException(ChatError.Code.CONTENT_TOO_LONG, contentMaxLength, length);
    }
    return content;
  }
}
