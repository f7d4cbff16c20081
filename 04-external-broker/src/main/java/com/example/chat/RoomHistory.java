package com.example.chat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * 방마다 최근 메시지를, 이 인스턴스에서 생긴 것과 다른 인스턴스에서 온 것을 도착한 순서대로 함께 기억합니다.
 *
 * <p>3장은 {@link ChatRoom}의 기록을 그대로 돌려주었지만, 그 기록에는 이 인스턴스에서 생긴 메시지만 있습니다. 실제 서비스라면 Redis 리스트나 DB 테이블
 * 하나를 모든 인스턴스가 함께 읽겠지만, 이 예제에서는 인스턴스마다 {@link ChatCluster}가 받은 사본을 여기에 둡니다.
 */
@Component
final class RoomHistory {

  private final Map<String, Deque<ChatMessage>> rooms = new ConcurrentHashMap<>();
  private final ChatLimits limits;

  RoomHistory(ChatLimits limits) {
    this.limits = limits;
  }

  void record(ChatMessage message) {
    Deque<ChatMessage> messages = rooms.computeIfAbsent(message.room(), r -> new ArrayDeque<>());
    synchronized (messages) {
      messages.addLast(message);
      while (messages.size() > limits.historySize()) {
        messages.removeFirst();
      }
    }
  }

  List<ChatMessage> of(String room) {
    Deque<ChatMessage> messages = rooms.get(limits.room(room));
    if (messages == null) {
      return List.of();
    }
    synchronized (messages) {
      return List.copyOf(messages);
    }
  }
}
