package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChatLimitsTests {

  private final ChatLimits limits = new ChatLimits(100, 20, 1000, 10, 1000);

  @ParameterizedTest
  @ValueSource(strings = {"lobby", "a", "room-2", "abcdefghijklmnopqrstuvwxyz012345"})
  @DisplayName("방 이름은 영어 소문자·숫자·'-'로 된 1~32자만 받는다")
  void acceptsValidRooms(String room) {
    assertThat(limits.room(room)).isEqualTo(room);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Lobby", "로비", "a/b", "a.b", "abcdefghijklmnopqrstuvwxyz0123456"})
  @DisplayName("규칙에 맞지 않는 방 이름은 INVALID_ROOM으로 거절한다")
  void rejectsInvalidRooms(String room) {
    assertThatThrownBy(() -> limits.room(room))
        .isInstanceOfSatisfying(
            ChatException.class, e -> assertThat(e.code()).isEqualTo(ChatError.Code.INVALID_ROOM));
  }

  @Test
  @DisplayName("닉네임은 앞뒤 공백을 지우고 한글 20자까지 받는다")
  void trimsNickname() {
    assertThat(limits.nickname("  가나다라마바사아자차카타파하가나다라마바  ")).hasSize(20);
  }

  @Test
  @DisplayName("빈 닉네임, 21자 닉네임, 제어 문자가 든 닉네임은 각자의 코드로 거절한다")
  void rejectsBadNicknames() {
    assertThatThrownBy(() -> limits.nickname("   ")).hasMessage("닉네임을 입력해 주세요.");
    assertThatThrownBy(() -> limits.nickname("가".repeat(21)))
        .hasMessage("닉네임은 20자 이하여야 합니다(지금 21자).");
    assertThatThrownBy(() -> limits.nickname("민\u0007수")).hasMessage("닉네임에는 제어 문자를 쓸 수 없습니다.");
  }

  @Test
  @DisplayName("메시지는 공백을 뺀 1~1000자이고, 이모지는 한 글자로 센다")
  void checksContentLength() {
    assertThat(limits.content("😀".repeat(1000))).hasSize(2000);
    assertThatThrownBy(() -> limits.content(" \n ")).hasMessage("빈 메시지는 보낼 수 없습니다.");
    assertThatThrownBy(() -> limits.content("a".repeat(1001)))
        .isInstanceOfSatisfying(
            ChatException.class,
            e -> assertThat(e.code()).isEqualTo(ChatError.Code.CONTENT_TOO_LONG))
        .hasMessage("메시지는 1000자 이하여야 합니다(지금 1001자).");
  }
}
