package com.example.chat;

import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.messaging.access.intercept.MessageAuthorizationContext;

/** 권한 규칙의 "안 됩니다"와 그 까닭. {@link Refusals}가 까닭을 한국어 오류로 그 연결에 알립니다. */
final class ChatDenial extends AuthorizationDecision {

  private final ChatException error;

  ChatDenial(ChatException error) {
    super(false);
    this.error = error;
  }

  ChatDenial(ChatError.Code code, Object... args) {
    this(new ChatException(code, args));
  }

  /** 주소가 까닭인 거절: 오류 문장에 그 프레임의 주소를 넣습니다. */
  static ChatDenial ofDestination(ChatError.Code code, MessageAuthorizationContext<?> context) {
    return new ChatDenial(
        code, SimpMessageHeaderAccessor.getDestination(context.getMessage().getHeaders()));
  }

  ChatException error() {
    return error;
  }
}
