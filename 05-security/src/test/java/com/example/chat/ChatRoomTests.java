package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ChatRoomTests {

  private final ChatLimits limits = new ChatLimits(3, 20, 1000, 2, 10);
  private final Clock clock =
      Clock.fixed(Instant.parse("2026-11-23T12:00:00.123456Z"), ZoneOffset.UTC);
  private final ChatRoom room = new ChatRoom("lobby", limits, clock, TestRoomStores.fresh(limits));

  @Test
  @DisplayName("보낸 사람 이름은 클라이언트가 아니라 입장할 때 등록한 닉네임으로 서버가 찍는다")
  void stampsSenderFromMembership() {
    // given: 민수가 입장했다
    room.join("key-1", "  민수 ");

    // when: 민수의 키로 말한다
    ChatMessage message = room.post("key-1", " 안녕하세요 ");

    // then: 서버가 id·보낸 사람·시각을 정한다
    assertThat(message.id()).isEqualTo(2);
    assertThat(message.sender()).isEqualTo("민수");
    assertThat(message.content()).isEqualTo("안녕하세요");
    assertThat(message.type()).isEqualTo(ChatMessage.Type.CHAT);
    assertThat(message.sentAt()).isEqualTo(Instant.parse("2026-11-23T12:00:00.123Z"));
  }

  @Test
  @DisplayName("기록은 최근 historySize개만 남고 id는 계속 늘어난다")
  void keepsOnlyRecentHistory() {
    // given: 기록 한도 3개, 속도 제한은 넉넉한 방
    ChatLimits roomy = new ChatLimits(3, 20, 1000, 100, 10);
    ChatRoom room = new ChatRoom("lobby", roomy, clock, TestRoomStores.fresh(roomy));
    room.join("key-1", "민수");

    // when: 입장 1건 + 채팅 3건 = 4건
    room.post("key-1", "하나");
    room.post("key-1", "둘");
    room.post("key-1", "셋");

    // then: 한도 3개만 남고, after(id)는 그 뒤의 것만 준다
    assertThat(room.history()).extracting(ChatMessage::id).containsExactly(2L, 3L, 4L);
    assertThat(room.after(3)).extracting(ChatMessage::content).containsExactly("셋");
  }

  @Test
  @DisplayName("퇴장은 여러 번 불려도 LEAVE를 한 번만 남긴다")
  void leaveIsIdempotent() {
    // given
    room.join("key-1", "민수");

    // when
    var first = room.leave("key-1");
    var second = room.leave("key-1");

    // then
    assertThat(first).map(ChatMessage::type).contains(ChatMessage.Type.LEAVE);
    assertThat(second).isEmpty();
    assertThat(room.members()).isEmpty();
  }

  @Test
  @DisplayName("같은 닉네임이 다른 연결로 남아 있으면 옛 연결이 닫혀도 LEAVE를 남기지 않는다")
  void leaveOfOldConnectionIsSilentWhileNicknameStays() {
    // given: 민수가 다시 연결해 새 키로 입장했고, 옛 연결은 아직 닫히지 않았다
    room.join("old-key", "민수");
    room.join("new-key", "민수");

    // when: 옛 연결이 늦게 닫힌다
    var late = room.leave("old-key");

    // then: 민수는 여전히 방에 있으므로 퇴장 알림이 없다
    assertThat(late).isEmpty();
    assertThat(room.members()).containsExactly("민수");
    assertThat(room.leave("new-key")).map(ChatMessage::type).contains(ChatMessage.Type.LEAVE);
  }

  @Test
  @DisplayName("입장하지 않은 키로는 말할 수 없고, 같은 키로 두 번 입장할 수 없다")
  void rejectsStrangersAndDoubleJoin() {
    assertThatThrownBy(() -> room.post("nobody", "안녕")).hasMessage("먼저 방에 입장해 주세요.");
    room.join("key-1", "민수");
    assertThatThrownBy(() -> room.join("key-1", "민수")).hasMessage("이미 방에 입장해 있습니다.");
  }

  @Test
  @DisplayName("1초에 messagesPerSecond개를 넘기면 한국어 오류로 거절한다")
  void limitsRate() {
    // given: 한도는 1초에 2개
    room.join("key-1", "민수");
    room.post("key-1", "하나");
    room.post("key-1", "둘");

    // when / then: 세 번째는 거절되고 기록에 남지 않는다
    assertThatThrownBy(() -> room.post("key-1", "셋"))
        .isInstanceOfSatisfying(
            ChatException.class, e -> assertThat(e.code()).isEqualTo(ChatError.Code.RATE_LIMITED))
        .hasMessageContaining("1초에 2개");
    assertThat(room.history()).extracting(ChatMessage::content).doesNotContain("셋");
  }

  @Test
  @DisplayName("귓속말은 방에 있는 사람에게만 보낼 수 있고 기록에 남지 않는다")
  void whispersOnlyToMembers() {
    // given
    room.join("key-1", "민수");
    room.join("key-2", "지영");

    // when
    ChatMessage whisper = room.whisper("key-1", "지영", "비밀");

    // then
    assertThat(whisper.type()).isEqualTo(ChatMessage.Type.WHISPER);
    assertThat(room.history())
        .extracting(ChatMessage::type)
        .doesNotContain(ChatMessage.Type.WHISPER);
    assertThatThrownBy(() -> room.whisper("key-1", "철수", "비밀")).hasMessage("'철수' 님은 이 방에 없습니다.");
  }
}
