package com.example.chat;

import java.util.function.Supplier;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.messaging.access.intercept.MessageAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * 방 하나에 대한 규칙: 로그인한 사람이, 규칙에 맞는 방 이름으로, 내보내지지 않은 방에만. {@link MessageSecurityConfig}의 표에서 {@code
 * {room}}이 들어간 주소에 씁니다.
 *
 * <p>방 이름을 여기서 보는 까닭: 주소 규칙의 {@code {room}}은 아무 글자나 받으므로 {@code /topic/rooms.*}도 맞습니다. simple
 * broker는 그것을 "모든 방"이라는 와일드카드 구독으로 받으므로, 이름을 보지 않으면 내보내진 사람도 모든 방을 엿들을 수 있습니다. 3장에서는 닉네임 문지기가 하던
 * 검사입니다.
 */
@Component
class RoomAccess implements AuthorizationManager<MessageAuthorizationContext<?>> {

  private final ChatLimits limits;
  private final RoomBans bans;

  RoomAccess(ChatLimits limits, RoomBans bans) {
    this.limits = limits;
    this.bans = bans;
  }

  @Override
  public AuthorizationResult authorize(
      Supplier<? extends Authentication> authentication, MessageAuthorizationContext<?> context) {
    Authentication user = authentication.get();
    if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
      return new AuthorizationDecision(false);
    }
    String room = context.getVariables().get("room");
    if (room.contains(".")) {
      return ChatDenial.ofDestination(ChatError.Code.INVALID_DESTINATION, context);
    }
    try {
      limits.room(room);
    } catch (ChatException e) {
      return new ChatDenial(e);
    }
    return bans.isBanned(room, user.getName())
        ? new ChatDenial(ChatError.Code.KICKED, room)
        : new AuthorizationDecision(true);
  }
}
