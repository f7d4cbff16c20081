package com.example.chat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * 방의 상태를 이 서버의 메모리에 둡니다. 방 하나를 {@code synchronized}로 잠그므로 순번과 기록 순서가 늘 같습니다.
 *
 * <p>서버를 다시 켜면 기록과 순번이 모두 사라지고(페이지는 id가 1부터 다시 시작한 것을 보고 화면을 비웁니다), 서버를 두 대 띄우면 서로의 상태를 모릅니다. 실제
 * 서비스라면 여러 서버가 함께 보는 데이터베이스에 두겠지만(4장의 {@code JdbcRoomStore}), 이 예제에서는 설치할 것 없이 메모리에 최근 {@code
 * historySize}개만 둡니다.
 */
@Component
final class InMemoryRoomStore implements RoomStore {

  private final ConcurrentMap<String, MemoryRoom> rooms = new ConcurrentHashMap<>();
  private final ChatLimits limits;

  InMemoryRoomStore(ChatLimits limits) {
    this.limits = limits;
  }

  @Override
  public <T> T locked(String room, Function<Room, T> work) {
    MemoryRoom state = rooms.computeIfAbsent(room, r -> new MemoryRoom(limits.historySize()));
    synchronized (state) {
      return work.apply(state);
    }
  }

  /** 방 하나의 상태. 멤버 키 → 닉네임을 들어온 순서대로 기억합니다. */
  private static final class MemoryRoom implements Room {
    private final int historySize;
    private final Deque<ChatMessage> history = new ArrayDeque<>();
    private final Map<String, String> members = new LinkedHashMap<>();
    private long lastId;

    private MemoryRoom(int historySize) {
      this.historySize = historySize;
    }

    @Override
    public long nextId() {
      return ++lastId;
    }

    @Override
    public void append(ChatMessage message) {
      history.addLast(message);
      while (history.size() > historySize) {
        history.removeFirst();
      }
    }

    @Override
    public List<ChatMessage> history() {
      return List.copyOf(history);
    }

    @Override
    public boolean addMember(String memberKey, String nickname) {
      return members.putIfAbsent(memberKey, nickname) == null;
    }

    @Override
    public Optional<String> removeMember(String memberKey) {
      return Optional.ofNullable(members.remove(memberKey));
    }

    @Override
    public Optional<String> nicknameOf(String memberKey) {
      return Optional.ofNullable(members.get(memberKey));
    }

    @Override
    public List<String> nicknames() {
      return members.values().stream().distinct().toList();
    }
  }
}
