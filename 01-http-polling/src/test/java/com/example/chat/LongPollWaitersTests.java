package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.web.context.request.async.DeferredResult;

class LongPollWaitersTests {

  private final ChatLimits limits = new ChatLimits(100, 20, 1000, 1_000_000, 10);
  private final LongPollWaiters waiters =
      new LongPollWaiters(
          new PollingProperties(
              Duration.ofSeconds(25),
              Duration.ofSeconds(30),
              Duration.ofSeconds(5),
              Duration.ofSeconds(15)));
  private final ChatRoom lobby =
      new ChatRoom("lobby", limits, Clock.systemUTC(), new InMemoryRoomStore(limits));

  @SuppressWarnings("unchecked")
  private static List<ChatMessage> resultOf(DeferredResult<List<ChatMessage>> result) {
    return (List<ChatMessage>) result.getResult();
  }

  @Test
  @DisplayName("이미 새 메시지가 있으면 기다리지 않고 바로 답한다")
  void answersAtOnceWhenBehind() {
    // given
    lobby.join("k", "민수");

    // when
    DeferredResult<List<ChatMessage>> result = waiters.await(lobby, 0, () -> {});

    // then
    assertThat(result.hasResult()).isTrue();
    assertThat(resultOf(result)).extracting(ChatMessage::id).containsExactly(1L);
  }

  @Test
  @DisplayName("새 메시지가 없으면 기다리고, 저장 뒤 wake가 불리면 그 메시지로 답한다")
  void waitsUntilWoken() {
    // given
    lobby.join("k", "민수");
    DeferredResult<List<ChatMessage>> result = waiters.await(lobby, 1, () -> {});
    assertThat(result.hasResult()).isFalse();

    // when
    lobby.post("k", "안녕");
    waiters.wake(lobby);

    // then
    assertThat(resultOf(result)).extracting(ChatMessage::content).containsExactly("안녕");
  }

  @Test
  @DisplayName("다른 방의 메시지로는 깨지 않는다")
  void ignoresOtherRooms() {
    // given
    ChatRoom other =
        new ChatRoom("other", limits, Clock.systemUTC(), new InMemoryRoomStore(limits));
    DeferredResult<List<ChatMessage>> result = waiters.await(lobby, 0, () -> {});

    // when
    other.join("k", "지영");
    waiters.wake(other);

    // then
    assertThat(result.hasResult()).isFalse();
    assertThat(waiters.waiting("lobby")).isEqualTo(1);
  }

  @Test
  @DisplayName("기다리기 시작하는 순간과 저장·깨우기가 겹쳐도 깨우기를 놓치지 않는다(2000번 반복)")
  void neverMissesWakeUpInRace() throws Exception {
    // given: 한 스레드는 기다리기 시작하고, 다른 스레드는 동시에 저장하고 깨운다
    lobby.join("k", "민수");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CyclicBarrier together = new CyclicBarrier(2);
    AtomicInteger missed = new AtomicInteger();

    for (int i = 0; i < 2000; i++) {
      List<ChatMessage> sofar = lobby.history();
      long before = sofar.get(sofar.size() - 1).id();
      // when
      Future<DeferredResult<List<ChatMessage>>> waiting =
          pool.submit(
              () -> {
                together.await();
                return waiters.await(lobby, before, () -> {});
              });
      Future<?> posting =
          pool.submit(
              () -> {
                together.await();
                lobby.post("k", "경주");
                waiters.wake(lobby);
                return null;
              });
      posting.get(5, TimeUnit.SECONDS);
      DeferredResult<List<ChatMessage>> result = waiting.get(5, TimeUnit.SECONDS);

      // then: 둘 중 누가 먼저였든 답이 채워져 있다
      if (!result.hasResult()) {
        missed.incrementAndGet();
      }
      result.setResult(List.of()); // 이미 답했다면 무시됩니다(한 번만 답함).
    }
    pool.shutdown();
    assertThat(missed).hasValue(0);
  }
}
