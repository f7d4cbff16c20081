package com.example.chat;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * 방의 상태(순번, 최근 기록, 입장한 사람)를 어디에 두는지 정하는 틈(seam)입니다.
 *
 * <p>누가 말할 수 있는지, 퇴장을 한 번만 남기는지 같은 규칙은 {@link ChatRoom}에 있고 모든 장에서 같습니다. 장마다 달라지는 것은 상태를 두는 곳뿐입니다.
 * 1~3장은 서버 한 대의 메모리({@code InMemoryRoomStore})에 두고, 4장은 여러 인스턴스가 함께 보는 PostgreSQL({@code
 * JdbcRoomStore})에 둡니다. 그래서 4장 diff에서 "메모리가 데이터베이스로" 바뀌는 부분은 이 인터페이스의 구현 하나로만 보입니다.
 */
interface RoomStore {

  /**
   * 방 하나를 잠근 채 {@code work}를 실행하고 그 결과를 돌려줍니다. 잠금 안에서는 다른 요청이 그 방의 상태를 바꾸지 못하므로 순번과 기록 순서가 늘 같고,
   * 입장과 퇴장의 판단도 엇갈리지 않습니다. {@code work}가 예외를 던지면 그 예외가 그대로 나옵니다. 데이터베이스 구현에서는 그 안에서 바꾼 것도 함께 취소됩니다.
   */
  <T> T locked(String room, Function<Room, T> work);

  /** 잠긴 방 하나의 상태입니다. {@link #locked} 안에서만 씁니다. */
  interface Room {

    /** 이 방의 다음 순번(1, 2, 3…)을 받습니다. */
    long nextId();

    /** 메시지를 기록에 남깁니다. */
    void append(ChatMessage message);

    /** 최근 {@code historySize}개의 기록, 오래된 것부터. */
    List<ChatMessage> history();

    /** 입장한 사람을 더합니다. 그 멤버 키가 이미 있으면 {@code false}. */
    boolean addMember(String memberKey, String nickname);

    /** 그 멤버 키를 뺍니다. 있었으면 그 사람의 닉네임을 돌려줍니다. */
    Optional<String> removeMember(String memberKey);

    Optional<String> nicknameOf(String memberKey);

    /** 방에 있는 사람들의 닉네임. 들어온 순서이고, 같은 닉네임(탭 두 개)은 한 번만 나옵니다. */
    List<String> nicknames();
  }
}
