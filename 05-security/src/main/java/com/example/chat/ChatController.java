package com.example.chat;

import java.security.Principal;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.handler.annotation.support.MethodArgumentNotValidException;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.stereotype.Controller;

/**
 * {@code /app/rooms.{room}.*}로 온 SEND를 처리합니다. 2장의 "JSON을 읽고 type으로 분기"를 {@link MessageMapping}이
 * 대신합니다. 방 토픽으로는 {@link RoomTopic}이 순번 순서대로 보냅니다({@code @SendTo}는 메서드가 끝난 뒤 잠금 밖에서 보내므로 쓰지 않습니다).
 *
 * <p>보낸 사람은 언제나 세션의 {@link Principal}(CONNECT 때 검사한 닉네임)로 서버가 찍습니다. 본문에 이름을 넣어 보내도 쓰이지 않습니다. 방 안에서
 * 사람을 구분하는 "멤버 키"는 STOMP 세션 id입니다. 글이 잘못되면 연결은 그대로 두고 {@code /user/queue/errors}로 그 사람에게만 알립니다.
 */
@Controller
class ChatController {

  private static final String SESSION = SimpMessageHeaderAccessor.SESSION_ID_HEADER;
  private static final String FORMAT_HINT = "JSON 객체(예: {\"content\": \"안녕\"})여야 합니다";

  private final ChatRooms rooms;
  private final PresenceEvents presence;
  private final RoomTopic topic;
  private final UserQueues userQueues;

  ChatController(ChatRooms rooms, PresenceEvents presence, RoomTopic topic, UserQueues userQueues) {
    this.rooms = rooms;
    this.presence = presence;
    this.topic = topic;
    this.userQueues = userQueues;
  }

  /** 들어온 그 연결에는 기록이({@code /user/queue/history}), 방 전체에는 JOIN과 참여자 목록이 갑니다. */
  @MessageMapping("rooms.{room}.join")
  void join(@DestinationVariable String room, Principal user, @Header(SESSION) String id) {
    presence.join(id, user.getName(), rooms.get(room));
  }

  @MessageMapping("rooms.{room}.send")
  void send(@DestinationVariable String room, @Payload Chat chat, @Header(SESSION) String id) {
    ChatRoom chatRoom = rooms.get(room);
    topic.locked(chatRoom, () -> topic.send(chatRoom, chatRoom.post(id, chat.content())));
  }

  /** 귓속말은 방 전체가 아니라 두 사람의 {@code /user/queue/whispers}로만 갑니다. */
  @MessageMapping("rooms.{room}.whisper")
  void whisper(
      @DestinationVariable String room, @Payload Whisper whisper, @Header(SESSION) String id) {
    ChatRoom chatRoom = rooms.get(room);
    topic.locked(
        chatRoom,
        () -> {
          ChatMessage message = chatRoom.whisper(id, whisper.to(), whisper.content());
          String to = whisper.to().strip();
          userQueues.send(to, "/queue/whispers", message);
          if (!to.equals(message.sender())) {
            userQueues.send(message.sender(), "/queue/whispers", message);
          }
          return message;
        });
  }

  @MessageExceptionHandler
  @SendToUser(destinations = "/queue/errors", broadcast = false)
  ChatError onChatException(ChatException e) {
    return ChatError.of(e);
  }

  /** 본문이 JSON이 아니거나, 모양이 다르거나, 비어 있을 때. */
  @MessageExceptionHandler({
    MessageConversionException.class,
    MethodArgumentNotValidException.class
  })
  @SendToUser(destinations = "/queue/errors", broadcast = false)
  ChatError onMalformed() {
    return ChatError.of(new ChatException(ChatError.Code.MALFORMED_MESSAGE, FORMAT_HINT));
  }

  /** SEND {@code rooms.{room}.send}의 본문. */
  record Chat(String content) {}

  /** SEND {@code rooms.{room}.whisper}의 본문. */
  record Whisper(String to, String content) {}
}
