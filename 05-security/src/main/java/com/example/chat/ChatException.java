package com.example.chat;

/** 규칙을 어긴 요청. 각 장의 전송 계층이 이것을 {@link ChatError}로 바꿔 그 클라이언트에게만 돌려줍니다. */
class ChatException extends RuntimeException {

  private final ChatError.Code code;

  ChatException(ChatError.Code code, Object... args) {
    super(code.format(args));
    this.code = code;
  }

  ChatError.Code code() {
    return code;
  }
}
