package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class ChatErrorHandlerTests {

  private final ChatErrorHandler handler = new ChatErrorHandler();

  @Test
  @DisplayName("입력 오류는 400, 토큰 문제는 401, 도배는 429, 방 개수 초과는 409로 답한다")
  void mapsCodesToStatuses() {
    // when / then
    assertThat(ChatErrorHandler.statusOf(ChatError.Code.CONTENT_TOO_LONG))
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(ChatErrorHandler.statusOf(ChatError.Code.INVALID_ROOM))
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(ChatErrorHandler.statusOf(ChatError.Code.UNKNOWN_MEMBER))
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(ChatErrorHandler.statusOf(ChatError.Code.RATE_LIMITED))
        .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(ChatErrorHandler.statusOf(ChatError.Code.TOO_MANY_ROOMS))
        .isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  @DisplayName("오류 본문은 type ERROR, 코드, 한국어 문장이고 401에는 WWW-Authenticate가 붙는다")
  void buildsKoreanBody() {
    // given
    ChatException e = new ChatException(ChatError.Code.UNKNOWN_MEMBER);

    // when
    ResponseEntity<ChatError> response = handler.chat(e);

    // then
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getFirst("WWW-Authenticate")).isEqualTo("X-Member-Token");
    assertThat(response.getBody())
        .isEqualTo(new ChatError("ERROR", "UNKNOWN_MEMBER", "입장 정보가 없거나 만료되었습니다. 다시 입장해 주세요."));
  }
}
