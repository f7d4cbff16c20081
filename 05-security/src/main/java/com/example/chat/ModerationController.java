package com.example.chat;

import java.security.Principal;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.messaging.simp.user.SimpSession;
import org.springframework.messaging.simp.user.SimpSubscription;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Controller;

/**
 * 관리자가 방에서 사람을 내보냅니다({@code SEND /app/rooms.{room}.kick}, 본문 {@code {"nickname": "지영"}}). 관리자만 이
 * 주소로 보낼 수 있다는 것은 {@link MessageSecurityConfig}의 규칙이 정합니다.
 *
 * <p>내보낸 사람의 모든 연결(탭)에서 그 방의 구독을 broker에서 지우므로 그 방의 글이 더는 가지 않고, 방에는 LEAVE가 알려집니다. 그 사람에게는 까닭을
 * {@code /user/queue/errors}로 보냅니다. {@link RoomBans}에 적어 두므로 다시 구독하거나 입장해도 거절됩니다. 실제 서비스라면 내보낸 기록과
 * 기간을 남기겠지만, 이 예제에서는 서버가 켜져 있는 동안만 기억합니다.
 */
@Controller
class ModerationController {

  private final ChatRooms rooms;
  private final RoomBans bans;
  private final PresenceEvents presence;
  private final SimpUserRegistry users;
  private final UserQueues userQueues;
  private final MessageChannel brokerChannel;

  ModerationController(
      ChatRooms rooms,
      RoomBans bans,
      PresenceEvents presence,
      SimpUserRegistry users,
      UserQueues userQueues,
      @Qualifier("brokerChannel") MessageChannel brokerChannel) {
    this.rooms = rooms;
    this.bans = bans;
    this.presence = presence;
    this.users = users;
    this.userQueues = userQueues;
    this.brokerChannel = brokerChannel;
  }

  @MessageMapping("rooms.{room}.kick")
  void kick(@DestinationVariable String room, @Payload Kick kick, Principal admin) {
    ChatRoom chatRoom = rooms.get(room);
    String nickname = String.valueOf(kick.nickname()).strip();
    if (!chatRoom.members().contains(nickname)) {
      throw new ChatException(ChatError.Code.UNKNOWN_RECIPIENT, nickname);
    }
    bans.ban(chatRoom.name(), nickname);
    SimpUser user = users.getUser(nickname);
    if (user == null) {
      return;
    }
    for (SimpSession session : user.getSessions()) {
      for (SimpSubscription subscription : session.getSubscriptions()) {
        if (RoomTopic.of(chatRoom.name()).equals(subscription.getDestination())) {
          unsubscribe(session.getId(), subscription.getId());
        }
      }
      presence.left(session.getId(), chatRoom.name());
      ChatException kicked = new ChatException(ChatError.Code.KICKED, chatRoom.name());
      userQueues.sendToSession(nickname, session.getId(), "/queue/errors", ChatError.of(kicked));
    }
  }

  /** 그 연결이 보낸 것처럼 UNSUBSCRIBE를 broker에 넘깁니다. broker 채널에는 보안 인터셉터가 없습니다. */
  private void unsubscribe(String sessionId, String subscriptionId) {
    SimpMessageHeaderAccessor headers =
        SimpMessageHeaderAccessor.create(SimpMessageType.UNSUBSCRIBE);
    headers.setSessionId(sessionId);
    headers.setSubscriptionId(subscriptionId);
    brokerChannel.send(MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders()));
  }

  @MessageExceptionHandler
  @SendToUser(destinations = "/queue/errors", broadcast = false)
  ChatError onChatException(ChatException e) {
    return ChatError.of(e);
  }

  /** SEND {@code rooms.{room}.kick}의 본문. */
  record Kick(String nickname) {}
}
