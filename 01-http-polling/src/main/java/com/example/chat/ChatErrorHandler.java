package com.example.chat;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * 잘못된 요청을 그 요청을 보낸 클라이언트에게만, 한국어 {@link ChatError} 본문과 알맞은 4xx 상태로 돌려줍니다.
 *
 * <p>Spring 기본 오류 응답(영어 JSON이나 whitelabel 페이지)은 사람이 읽기 어렵고 장마다 모양이 달라집니다. 그래서 규약의 모든 한도 위반을 여기서 같은
 * 모양으로 바꿉니다. 상태 코드: 입력이 틀리면 400, 토큰이 없거나 모르면 401(다시 입장하라는 뜻), 너무 빨리 보내면 429, 방이 꽉 차면 409.
 *
 * <p>401에는 HTTP 규칙대로 {@code WWW-Authenticate} 헤더를 붙입니다. 실제 서비스라면 표준 인증 방식(Bearer 등)을 쓰겠지만, 이 예제에서는
 * {@code X-Member-Token} 헤더 이름을 그대로 알려 줍니다.
 */
@RestControllerAdvice
final class ChatErrorHandler {

  @ExceptionHandler(ChatException.class)
  ResponseEntity<ChatError> chat(ChatException e) {
    HttpStatus status = statusOf(e.code());
    // SSE 요청(Accept: text/event-stream)에도 JSON으로 답합니다. 형식을 정해 두지 않으면 Accept에 맞는 변환기가 없어 500이 됩니다.
    ResponseEntity.BodyBuilder response =
        ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
    if (status == HttpStatus.UNAUTHORIZED) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, ChatController.TOKEN);
    }
    return response.body(ChatError.of(e));
  }

  /** 본문이 JSON이 아니거나, 비었거나, 모양이 맞지 않을 때(예: {@code {"content": {}}}). */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ChatError> unreadable(HttpMessageNotReadableException e) {
    return malformed(HttpStatus.BAD_REQUEST, "JSON 본문을 읽을 수 없습니다. 예: {\"content\": \"안녕하세요\"}");
  }

  /** {@code ?after=abc}처럼 숫자 자리에 숫자가 아닌 값이 왔을 때. */
  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ChatError> typeMismatch(MethodArgumentTypeMismatchException e) {
    return malformed(HttpStatus.BAD_REQUEST, "'%s' 값은 0 이상의 정수여야 합니다.".formatted(e.getName()));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ChatError> mediaType(HttpMediaTypeNotSupportedException e) {
    return malformed(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type: application/json 으로 보내 주세요.");
  }

  static HttpStatus statusOf(ChatError.Code code) {
    return switch (code) {
      case UNKNOWN_MEMBER, NOT_JOINED -> HttpStatus.UNAUTHORIZED;
      case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
      case TOO_MANY_ROOMS, ALREADY_JOINED -> HttpStatus.CONFLICT;
      default -> HttpStatus.BAD_REQUEST;
    };
  }

  private static ResponseEntity<ChatError> malformed(HttpStatus status, String detail) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(ChatError.of(new ChatException(ChatError.Code.MALFORMED_MESSAGE, detail)));
  }
}
