package com.example.chat;

import org.springframework.security.authorization.AuthorizationDecision;

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

  ChatException error() {
    return error;
  }
}
