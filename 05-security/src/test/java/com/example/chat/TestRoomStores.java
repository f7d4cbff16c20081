package com.example.chat;

/** 규칙 시험({@link ChatRoomTests})이 쓰는 새 {@link RoomStore}. 이 장은 메모리에 둡니다(4장은 PostgreSQL의 새 스키마). */
final class TestRoomStores {

  private TestRoomStores() {}

  static RoomStore fresh(ChatLimits limits) {
    return new InMemoryRoomStore(limits);
  }
}
