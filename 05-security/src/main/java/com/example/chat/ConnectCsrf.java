package com.example.chat;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.messaging.web.csrf.XorCsrfChannelInterceptor;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/**
 * CONNECT의 CSRF 검사. 검사 자체는 스프링 시큐리티의 기본({@link XorCsrfChannelInterceptor})이 그대로 하고, 이 클래스는 두 가지만
 * 더합니다.
 *
 * <ul>
 *   <li>거절을 한국어 ERROR 프레임(CSRF_REJECTED)으로 알립니다. 받은 순서 보존(preserveReceiveOrder)을 켜면 인터셉터가 던진 예외는
 *       로그에만 남고 클라이언트는 아무 답도 받지 못하기 때문입니다.
 *   <li>{@code Authorization: Bearer} 토큰으로 들어오는 CONNECT는 건너뜁니다. CSRF는 "브라우저가 저절로 붙이는 쿠키"를 남이 쓰는
 *       공격인데, 토큰은 저절로 붙지 않습니다. 토큰은 앞선 {@link TokenInterceptor}가 이미 검사했고, 틀린 토큰은 여기까지 오지 않습니다.
 * </ul>
 *
 * <p>스프링 시큐리티는 이름이 {@code csrfChannelInterceptor}인 빈이 있으면 기본 대신 그것을 씁니다.
 */
@Component("csrfChannelInterceptor")
class ConnectCsrf implements ChannelInterceptor {

  private final ChannelInterceptor csrf = new XorCsrfChannelInterceptor();
  private final Refusals refusals;

  ConnectCsrf(Refusals refusals) {
    this.refusals = refusals;
  }

  @Override
  public Message<?> preSend(Message<?> message, MessageChannel channel) {
    StompHeaderAccessor stomp =
        MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
    // STOMP 1.2의 STOMP 프레임도 CONNECT입니다. 명령 이름(CONNECT)만 보면 STOMP 프레임으로 이 검사를 건너뛸 수 있습니다.
    if (stomp == null
        || stomp.getMessageType() != SimpMessageType.CONNECT
        || stomp.getFirstNativeHeader("Authorization") != null) {
      return message;
    }
    try {
      return csrf.preSend(message, channel);
    } catch (CsrfException e) {
      refusals.connect(stomp.getSessionId(), new ChatException(ChatError.Code.CSRF_REJECTED));
      return null;
    }
  }
}
