package com.example.chat;

/**
 * 잘못된 요청을 보낸 클라이언트 <em>한 명에게만</em> 돌려주는 오류입니다.
 *
 * <p>{@code code}는 프로그램이 읽는 영어 상수, {@code content}는 사람이 읽는 한국어 문장입니다. 모든 장이 같은 코드 목록을 쓰므로, 어떤 장에서만
 * 나오는 코드도 여기 함께 있습니다.
 */
record ChatError(String type, String code, String content) {

  static ChatError of(ChatException e) {
    return new ChatError("ERROR", e.code().name(), e.getMessage());
  }

  /** 오류 코드와 한국어 문장 틀. {@code %s}/{@code %d} 자리는 {@link ChatException}이 채웁니다. */
  enum Code {
    INVALID_ROOM("방 이름은 영어 소문자, 숫자, '-'로 된 1~32자여야 합니다."),
    TOO_MANY_ROOMS("방을 더 만들 수 없습니다(최대 %d개). 있는 방에 들어가 주세요."),
    NICKNAME_EMPTY("닉네임을 입력해 주세요."),
    NICKNAME_TOO_LONG("닉네임은 %d자 이하여야 합니다(지금 %d자)."),
    NICKNAME_INVALID("닉네임에는 제어 문자를 쓸 수 없습니다."),
    CONTENT_EMPTY("빈 메시지는 보낼 수 없습니다."),
    CONTENT_TOO_LONG("메시지는 %d자 이하여야 합니다(지금 %d자)."),
    MALFORMED_MESSAGE("메시지 형식이 올바르지 않습니다: %s"),
    UNKNOWN_TYPE("알 수 없는 메시지 종류입니다: %s"),
    NOT_JOINED("먼저 방에 입장해 주세요."),
    ALREADY_JOINED("이미 방에 입장해 있습니다."),
    UNKNOWN_MEMBER("입장 정보가 없거나 만료되었습니다. 다시 입장해 주세요."),
    RATE_LIMITED("메시지를 너무 빨리 보내고 있습니다. 1초에 %d개까지 보낼 수 있습니다."),
    UNKNOWN_RECIPIENT("'%s' 님은 이 방에 없습니다."),
    INVALID_DESTINATION("보낼 수 없는 주소입니다: %s"),
    FORBIDDEN_DESTINATION("다른 사람의 주소는 구독할 수 없습니다: %s"),
    TOO_MANY_SUBSCRIPTIONS("한 연결로 구독할 수 있는 주소는 %d개까지입니다. 안 쓰는 구독을 풀어 주세요."),
    MESSAGE_TOO_BIG("메시지가 너무 큽니다(최대 %d바이트)."),
    BINARY_NOT_SUPPORTED("바이너리 메시지는 받지 않습니다. JSON 텍스트로 보내 주세요."),
    BROKER_UNAVAILABLE("메시지 브로커와 연결이 끊겨 보내지 못했습니다. 잠시 후 다시 시도해 주세요."),
    STORE_UNAVAILABLE("데이터베이스에 연결할 수 없어 처리하지 못했습니다. 잠시 후 다시 시도해 주세요."),
    UNAUTHENTICATED("로그인이 필요합니다. 로그인한 페이지에서 들어오거나, CONNECT에 토큰(Authorization: Bearer …)을 보내 주세요."),
    BAD_TOKEN("토큰을 믿을 수 없습니다(%s). 새 토큰을 받아 다시 연결해 주세요."),
    TOKEN_EXPIRED("토큰이 만료되었습니다. 새 토큰을 받아 다시 연결해 주세요."),
    CSRF_REJECTED("CSRF 토큰이 없거나 맞지 않아 연결을 거절했습니다. 페이지를 새로 고쳐 주세요."),
    LOGIN_FAILED("아이디 또는 비밀번호가 맞지 않습니다."),
    LOGIN_LOCKED("로그인에 여러 번 실패해 이 아이디를 잠갔습니다. %d분 뒤에 다시 해 주세요."),
    BAD_LAST_EVENT_ID("Last-Event-ID는 이 방에서 받은 메시지의 id(0 이상, 가장 최근 id 이하의 정수)여야 합니다: %s"),
    ADMIN_ONLY("관리자만 할 수 있는 일입니다."),
    KICKED("관리자가 '%s' 방에서 내보냈습니다. 이 방에는 다시 들어갈 수 없습니다.");

    private final String template;

    Code(String template) {
      this.template = template;
    }

    String format(Object... args) {
      return template.formatted(args);
    }
  }
}
