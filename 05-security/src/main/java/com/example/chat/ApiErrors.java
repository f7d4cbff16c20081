package com.example.chat;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * 스프링 MVC 바깥(보안 필터)에서 HTTP 오류를 {@link ChatError} JSON으로 씁니다. 로그인 전의 거절은 컨트롤러에 닿지 않으므로 예외 처리기 대신 여기서
 * 답합니다. curl이나 Node가 읽을 수 있게 앱의 다른 오류와 같은 모양입니다.
 */
final class ApiErrors {

  private ApiErrors() {}

  static void write(
      HttpServletResponse response, JsonMapper json, HttpStatus status, ChatException error)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(json.writeValueAsString(ChatError.of(error)));
  }
}
