package com.example.chat;

import java.security.Principal;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * CONNECT에서 한 번, 이 연결의 사용자를 정합니다. 3장의 {@code NicknameInterceptor}가 하던 일 가운데 "누구인가"만 남고, 그 답은 클라이언트가
 * 적어 보낸 닉네임이 아니라 로그인에서 나옵니다.
 *
 * <ul>
 *   <li>{@code Authorization: Bearer …} 머리글이 있으면 그 토큰({@link ChatTokens})의 주인이 사용자입니다.
 *   <li>없으면 핸드셰이크 때 HTTP 세션(로그인 쿠키)에서 온 사용자입니다. 둘 다 없으면 ERROR(UNAUTHENTICATED)로 끊습니다.
 * </ul>
 *
 * <p>어느 쪽이든 {@link ChatAccounts#chatUser}로 바꿔 세션의 사용자로 둡니다. 스프링은 이 사용자를 기억해 그 연결의 모든 프레임에 붙이므로 토큰은
 * 여기서 한 번만 봅니다. 그래서 연결한 뒤에 토큰이 만료되어도 연결은 이어지고, 다음 CONNECT에서 거절됩니다(README "토큰은 CONNECT에서 한 번"). 이
 * 인터셉터는 스프링 시큐리티의 인터셉터보다 앞에 있어야 합니다({@link StompAuthConfig}).
 */
@Component
class TokenInterceptor implements ChannelInterceptor {

  private static final String BEARER = "Bearer ";

  private final ChatTokens tokens;
  private final ChatAccounts accounts;
  private final Refusals refusals;

  TokenInterceptor(ChatTokens tokens, ChatAccounts accounts, Refusals refusals) {
    this.tokens = tokens;
    this.accounts = accounts;
    this.refusals = refusals;
  }

  @Override
  public Message<?> preSend(Message<?> message, MessageChannel channel) {
    StompHeaderAccessor stomp =
        MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
    // CONNECT와 STOMP 두 명령 모두 메시지 종류는 CONNECT입니다.
    if (stomp == null || stomp.getMessageType() != SimpMessageType.CONNECT) {
      return message;
    }
    try {
      stomp.setUser(user(stomp));
      return message;
    } catch (ChatException e) {
      refusals.connect(stomp.getSessionId(), e);
      return null;
    }
  }

  private Authentication user(StompHeaderAccessor stomp) {
    String authorization = stomp.getFirstNativeHeader("Authorization");
    Principal loggedIn = stomp.getUser();
    if (authorization == null) {
      if (loggedIn == null) {
        throw new ChatException(ChatError.Code.UNAUTHENTICATED);
      }
      return accounts
          .chatUser(loggedIn.getName())
          .orElseThrow(() -> new ChatException(ChatError.Code.UNAUTHENTICATED));
    }
    if (!authorization.startsWith(BEARER)) {
      throw new ChatException(ChatError.Code.BAD_TOKEN, "Authorization은 'Bearer 토큰' 모양이어야 합니다");
    }
    String username = tokens.verify(authorization.substring(BEARER.length()).strip());
    if (loggedIn != null && !loggedIn.getName().equals(username)) {
      throw new ChatException(ChatError.Code.BAD_TOKEN, "로그인한 사람과 토큰의 주인이 다릅니다");
    }
    return accounts
        .chatUser(username)
        .orElseThrow(() -> new ChatException(ChatError.Code.BAD_TOKEN, "없는 계정의 토큰입니다"));
  }
}
