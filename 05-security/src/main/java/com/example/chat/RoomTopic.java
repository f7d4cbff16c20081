package com.example.chat;

import java.util.function.Supplier;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.stereotype.Component;

/**
 * 방 토픽({@code /topic/rooms.{room}})으로 보냅니다. 순번을 매기는 일과 보내는 일을 방 하나에 한 줄로 세워, 보내는 순서가 곧 {@code id}
 * 순서가 되게 합니다.
 *
 * <p>{@link BoundedOutbound}는 "넘겨받은 순서대로" 한 연결에 내보낼 뿐입니다. 두 사람이 같은 순간에 말하면 스레드 두 개가 5번과 6번을 받고, 6번이
 * 브로커에 먼저 닿을 수 있습니다. 그래서 순번을 받는 일({@link ChatRoom})과 브로커에 넘기는 일을 같은 잠금 안에서 합니다. 잠근 동안 하는 일은 메시지를
 * 연결마다의 줄에 세우는 것까지이고(실제 전송은 다른 스레드가 합니다), 나갈 자리가 다 찼을 때만 여기서 기다립니다. 실제 서비스라면 방마다 한 스레드(액터)에 일을 맡기기도
 * 하지만, 이 예제에서는 방 객체를 잠급니다. 4장에서는 이 잠금이 인스턴스 하나 안의 순서만 지킵니다(4장 README "보내는 순서").
 */
@Component
class RoomTopic {

  private final SimpMessageSendingOperations messaging;

  RoomTopic(SimpMessageSendingOperations messaging) {
    this.messaging = messaging;
  }

  static String of(String room) {
    return "/topic/rooms." + room;
  }

  /** 방을 잠근 채 {@code work}를 합니다. 그 안에서 {@link #send}로 보낸 메시지는 순번 순서대로 브로커에 닿습니다. */
  <T> T locked(ChatRoom room, Supplier<T> work) {
    synchronized (room) {
      return work.get();
    }
  }

  /** 방 토픽으로 보냅니다. {@link #locked} 안에서 부릅니다. */
  ChatMessage send(ChatRoom room, ChatMessage message) {
    messaging.convertAndSend(of(room.name()), message);
    return message;
  }
}
