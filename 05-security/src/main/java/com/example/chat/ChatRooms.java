package com.example.chat;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * 이름으로 방을 찾고, 없으면 만듭니다.
 *
 * <p>방 이름은 여기서 검사하므로 잘못된 이름의 방은 생기지 않습니다. 누구나 방을 만들 수 있으니 개수에도 한도를 둡니다(없으면 방 이름을 바꿔 가며 요청하는 것만으로
 * 메모리를 채울 수 있습니다). 방의 상태는 {@link RoomStore}에 있고, 여기서는 이름과 {@link ChatRoom}만 이어 줍니다. 실제 서비스라면 빈 방을
 * 정리하겠지만, 이 예제에서는 한도만 둡니다.
 */
@Component
final class ChatRooms {

  private final ConcurrentMap<String, ChatRoom> rooms = new ConcurrentHashMap<>();
  private final ChatLimits limits;
  private final RoomStore store;
  private final Clock clock;

  @Autowired
  ChatRooms(ChatLimits limits, RoomStore store) {
    this(limits, store, Clock.systemUTC());
  }

  ChatRooms(ChatLimits limits, RoomStore store, Clock clock) {
    this.limits = limits;
    this.store = store;
    this.clock = clock;
  }

  ChatRoom get(String name) {
    String room = limits.room(name);
    ChatRoom existing = rooms.get(room);
    if (existing != null) {
      return existing;
    }
    if (rooms.size() >= limits.maxRooms()) {
      throw new ChatException(ChatError.Code.TOO_MANY_ROOMS, limits.maxRooms());
    }
    return rooms.computeIfAbsent(room, r -> new ChatRoom(r, limits, clock, store));
  }
}
