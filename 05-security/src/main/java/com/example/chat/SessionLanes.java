package com.example.chat;

import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * 연결마다의 줄. 맨 앞 하나만 "보내는 중"이고, 그것이 끝나면 다음 것이 맨 앞이 됩니다({@link BoundedOutbound}가 씁니다). 빈 줄은 지워 두므로 끊긴
 * 연결의 줄이 남지 않습니다.
 */
final class SessionLanes<T> {

  private final ConcurrentMap<String, ArrayDeque<T>> lanes = new ConcurrentHashMap<>();

  /** 줄 끝에 세웁니다. 줄이 비어 있었으면(바로 시작해야 하면) {@code true}. */
  boolean add(String session, T item) {
    boolean[] first = new boolean[1];
    lanes.compute(
        session,
        (id, lane) -> {
          ArrayDeque<T> queue = lane == null ? new ArrayDeque<>() : lane;
          queue.add(item);
          first[0] = queue.size() == 1;
          return queue;
        });
    return first[0];
  }

  /**
   * 맨 앞의 {@code item}을 줄에서 빼고 새 맨 앞(없으면 {@code null})을 돌려줍니다. {@code item}이 맨 앞이 아니면 아무것도 하지 않습니다.
   */
  @Nullable T finish(String session, T item) {
    @SuppressWarnings("unchecked")
    T[] next = (T[]) new Object[1];
    lanes.computeIfPresent(
        session,
        (id, queue) -> {
          if (queue.peek() == item) {
            queue.poll();
            next[0] = queue.peek();
          }
          return queue.isEmpty() ? null : queue;
        });
    return next[0];
  }
}
