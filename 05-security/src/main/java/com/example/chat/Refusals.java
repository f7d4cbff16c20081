package com.example.chat;

import java.security.Principal;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.stereotype.Component;

/**
 * 거절한 프레임을 그 연결에만 한국어로 알립니다. CONNECT를 거절하면 ERROR 프레임을 보내고 연결을 닫고, 연결한 뒤의 SEND나 SUBSCRIBE를 거절하면 연결은
 * 그대로 둔 채 그 연결의 {@code /user/queue/errors}로 알립니다(3장과 같은 방식).
 *
 * <p>스프링 시큐리티의 권한 인터셉터는 거절할 때 예외를 던지는데, 받은 순서 보존(preserveReceiveOrder)을 켜면 그 예외는 로그에만 남고 클라이언트에게 가지
 * 않습니다. 그래서 시큐리티가 거절할 때마다 내는 {@link AuthorizationDeniedEvent}를 여기서 받아 알립니다. 거절 이유는 규칙이 돌려준 {@link
 * ChatDenial}에 있습니다.
 */
@Component
class Refusals {

  private final StompErrors errors;
  private final MessageChannel clientOutboundChannel;
  private final UserQueues userQueues;

  Refusals(
      StompErrors errors,
      @Lazy @Qualifier("clientOutboundChannel") MessageChannel clientOutboundChannel,
      @Lazy UserQueues userQueues) {
    this.errors = errors;
    this.clientOutboundChannel = clientOutboundChannel;
    this.userQueues = userQueues;
  }

  /** CONNECT를 거절합니다: ERROR 프레임을 보내면 스프링이 연결을 닫습니다. */
  void connect(String sessionId, ChatException e) {
    clientOutboundChannel.send(errors.frame(sessionId, e));
  }

  @EventListener
  void onDenied(AuthorizationDeniedEvent<?> event) {
    if (!(event.getObject() instanceof Message<?> message)) {
      return;
    }
    ChatException e =
        event.getAuthorizationResult() instanceof ChatDenial denial
            ? denial.error()
            : new ChatException(ChatError.Code.UNAUTHENTICATED);
    MessageHeaders headers = message.getHeaders();
    String sessionId = SimpMessageHeaderAccessor.getSessionId(headers);
    Principal user = SimpMessageHeaderAccessor.getUser(headers);
    if (user == null
        || SimpMessageHeaderAccessor.getMessageType(headers) == SimpMessageType.CONNECT) {
      connect(sessionId, e);
    } else {
      userQueues.sendToSession(user.getName(), sessionId, "/queue/errors", ChatError.of(e));
    }
  }
}
