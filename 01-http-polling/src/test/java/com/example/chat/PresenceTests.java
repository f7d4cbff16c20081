package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.web.context.request.async.DeferredResult;

class PresenceTests {

  /** 테스트가 손으로 돌리는 시계. */
  static final class ManualClock extends Clock {
    private Instant now = Instant.parse("2026-11-23T12:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  private final ChatLimits limits = new ChatLimits(100, 20, 1000, 10, 10);
  private final PollingProperties properties =
      new PollingProperties(
          Duration.ofSeconds(25),
          Duration.ofSeconds(30),
          Duration.ofSeconds(5),
          Duration.ofSeconds(15));
  private final ManualClock clock = new ManualClock();
  private final LongPollWaiters waiters = new LongPollWaiters(properties);
  private final Presence presence = new Presence(waiters, properties, clock);
  private final ChatRoom lobby =
      new ChatRoom("lobby", limits, clock, new InMemoryRoomStore(limits));
  private final ChatRoom other =
      new ChatRoom("other", limits, clock, new InMemoryRoomStore(limits));

  @Test
  @DisplayName("입장하면 추측할 수 없는 새 토큰을 주고, 그 토큰이 방의 멤버 키가 된다")
  void joinIssuesRandomToken() {
    // when
    String first = presence.join(lobby, "민수");
    String second = presence.join(lobby, "지영");

    // then
    assertThat(first).isNotEqualTo(second).hasSize(36);
    assertThat(lobby.nicknameOf(first)).contains("민수");
    assertThat(presence.touch(second, lobby)).isSameAs(lobby);
  }

  @Test
  @DisplayName("토큰이 없거나, 모르거나, 다른 방의 것이면 UNKNOWN_MEMBER다")
  void rejectsUnknownTokens() {
    // given
    String token = presence.join(lobby, "민수");

    // when / then
    for (String bad : new String[] {null, "no-such-token"}) {
      assertThatThrownBy(() -> presence.touch(bad, lobby))
          .isInstanceOfSatisfying(
              ChatException.class,
              e -> assertThat(e.code()).isEqualTo(ChatError.Code.UNKNOWN_MEMBER));
    }
    assertThatThrownBy(() -> presence.touch(token, other)).isInstanceOf(ChatException.class);
  }

  @Test
  @DisplayName("소식이 끊긴 지 presence-timeout이 지난 멤버만 LEAVE와 함께 내보낸다")
  void sweepDropsOnlySilentMembers() {
    // given: 둘이 입장하고 20초 뒤 지영만 폴링했다
    String minsu = presence.join(lobby, "민수");
    String jiyoung = presence.join(lobby, "지영");
    clock.advance(Duration.ofSeconds(20));
    presence.touch(jiyoung, lobby);

    // when: 다시 11초 뒤(민수는 31초, 지영은 11초 동안 조용함) 검사한다
    clock.advance(Duration.ofSeconds(11));
    presence.sweep();
    presence.sweep();

    // then: 민수만 나가고 LEAVE는 한 번만 남는다
    assertThat(lobby.members()).containsExactly("지영");
    assertThat(lobby.after(2))
        .extracting(ChatMessage::type)
        .containsExactly(ChatMessage.Type.LEAVE);
    assertThatThrownBy(() -> presence.touch(minsu, lobby)).isInstanceOf(ChatException.class);
  }

  @Test
  @DisplayName("내보낼 때의 LEAVE가 기다리던 긴 폴링을 깨운다")
  void sweepWakesLongPolls() {
    // given: 지영의 긴 폴링이 민수의 JOIN 다음을 기다린다
    presence.join(lobby, "민수");
    DeferredResult<List<ChatMessage>> waiting = waiters.await(lobby, 1, () -> {});
    assertThat(waiting.hasResult()).isFalse();

    // when
    clock.advance(Duration.ofSeconds(31));
    presence.sweep();

    // then
    assertThat(waiting.hasResult()).isTrue();
    @SuppressWarnings("unchecked")
    List<ChatMessage> result = (List<ChatMessage>) waiting.getResult();
    assertThat(result).extracting(ChatMessage::sender).containsExactly("민수");
  }

  @Test
  @DisplayName("퇴장하면 LEAVE가 남고 토큰은 더는 쓸 수 없다")
  void leaveForgetsToken() {
    // given
    String token = presence.join(lobby, "민수");

    // when
    presence.leave(token, lobby);

    // then
    assertThat(lobby.members()).isEmpty();
    assertThat(lobby.after(1))
        .extracting(ChatMessage::type)
        .containsExactly(ChatMessage.Type.LEAVE);
    assertThatThrownBy(() -> presence.leave(token, lobby)).isInstanceOf(ChatException.class);
  }
}
