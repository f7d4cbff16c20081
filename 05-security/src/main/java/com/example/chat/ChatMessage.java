package com.example.chat;

import java.time.Instant;

/**
 * 서버가 클라이언트에게 보내는 채팅 메시지 한 건입니다(모든 장에서 같은 JSON).
 *
 * <p>{@code id}, {@code sentAt}, {@code sender}는 언제나 서버가 정합니다. 클라이언트가 보낸 값을 믿으면 남을 사칭할 수 있기 때문입니다.
 * {@code id}는 방마다 1부터 늘어나는 순번이라, 클라이언트는 "마지막으로 본 id"만 기억하면 놓친 메시지를 다시 받아 올 수 있고 같은 메시지를 두 번 그리지도
 * 않습니다.
 */
record ChatMessage(long id, String room, Type type, String sender, String content, Instant sentAt) {

  /** 메시지 종류. WHISPER(귓속말)는 STOMP를 쓰는 3·4장에서만 나옵니다. */
  enum Type {
    CHAT,
    JOIN,
    LEAVE,
    WHISPER
  }
}
