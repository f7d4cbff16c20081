package com.example.chat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * 긴 폴링으로 기다리는 요청들의 대기실입니다.
 *
 * <p>요청마다 {@link DeferredResult}를 하나 만들어 두면 서블릿 스레드는 풀려나고, 연결만 열린 채 남습니다. 방에 메시지가 저장되면 {@link
 * #wake}가 그 방의 대기자에게 답을 채워 보냅니다. 아무 일도 없으면 {@code hold} 뒤에 빈 배열 {@code []}로 답합니다.
 *
 * <p>"깨우기를 놓치는" 경쟁을 막는 순서가 핵심입니다: 먼저 대기실에 등록하고, <em>그다음</em> 방을 다시 확인합니다. 그 사이에 저장된 메시지는 다시 확인에서
 * 잡히고, 그 뒤에 저장된 메시지는 {@link #wake}가 등록된 대기자를 보고 잡습니다. 둘 다 잡아도 {@link DeferredResult#setResult}는 처음
 * 한 번만 받아들이므로 두 번 답하지 않습니다.
 *
 * <p>실제 서비스라면 서버가 여러 대라 메시지 저장을 Redis pub/sub 같은 것으로 모든 서버에 알려야 하지만, 이 예제에서는 서버 한 대의 메모리만 봅니다.
 */
@Component
final class LongPollWaiters {

  private final ConcurrentMap<String, Set<Waiter>> waitersByRoom = new ConcurrentHashMap<>();
  private final List<Consumer<ChatRoom>> listeners = new CopyOnWriteArrayList<>();
  private final PollingProperties properties;

  LongPollWaiters(PollingProperties properties) {
    this.properties = properties;
  }

  /**
   * {@code after}보다 새 메시지가 생기면 그것을, 아니면 {@code hold} 뒤에 {@code []}를 답하는 결과를 만듭니다. {@code whenDone}은
   * 요청이 어떻게 끝나든(답, 시간 초과, 연결 끊김) 한 번 불립니다. {@link DeferredResult}는 완료 콜백을 하나만 받으므로 여기서 함께 등록합니다.
   */
  DeferredResult<List<ChatMessage>> await(ChatRoom room, long after, Runnable whenDone) {
    DeferredResult<List<ChatMessage>> result =
        new DeferredResult<>(properties.longPollHold().toMillis(), List.of());
    Waiter waiter = new Waiter(room, after, result);
    Set<Waiter> waiters =
        waitersByRoom.computeIfAbsent(room.name(), r -> ConcurrentHashMap.newKeySet());
    waiters.add(waiter);
    result.onCompletion(
        () -> {
          waiters.remove(waiter);
          whenDone.run();
        });
    waiter.answerIfReady();
    return result;
  }

  /**
   * 방에 메시지가 저장된 뒤 부릅니다. 그 방의 대기자 중 새 메시지가 있는 사람에게 답하고, 같은 소식을 기다리는 다른 전송(SSE, {@link SseStreams})에도
   * 알립니다.
   */
  void wake(ChatRoom room) {
    Set<Waiter> waiters = waitersByRoom.get(room.name());
    if (waiters != null) {
      waiters.forEach(Waiter::answerIfReady);
    }
    listeners.forEach(listener -> listener.accept(room));
  }

  /** 메시지가 저장될 때마다 {@code listener}도 부릅니다. */
  void onWake(Consumer<ChatRoom> listener) {
    listeners.add(listener);
  }

  /** 지금 기다리는 요청 수(테스트와 관찰용). */
  int waiting(String room) {
    Set<Waiter> waiters = waitersByRoom.get(room);
    return waiters == null ? 0 : waiters.size();
  }

  private record Waiter(ChatRoom room, long after, DeferredResult<List<ChatMessage>> result) {
    void answerIfReady() {
      List<ChatMessage> ready = room.after(after);
      if (!ready.isEmpty()) {
        result.setResult(ready);
      }
    }
  }
}
