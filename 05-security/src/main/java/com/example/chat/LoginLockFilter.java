package com.example.chat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * 잠긴 "주소 + 아이디"의 로그인 시도를 비밀번호 검사 전에 돌려보냅니다. 폼 로그인은 로그인 페이지로({@code ?error=locked}), HTTP Basic은
 * 429와 한국어 JSON으로 답합니다. 잠겼는지는 {@link LoginAttempts}가 압니다.
 */
class LoginLockFilter extends OncePerRequestFilter {

  private final LoginAttempts attempts;
  private final JsonMapper json;

  LoginLockFilter(LoginAttempts attempts, JsonMapper json) {
    this.attempts = attempts;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean form = "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
    String username = form ? request.getParameter("username") : basicUsername(request);
    Instant until =
        username == null
            ? null
            : attempts.lockedUntil(LoginAttempts.key(request.getRemoteAddr(), username));
    if (until == null) {
      chain.doFilter(request, response);
      return;
    }
    long minutes = Math.max(1, (Duration.between(Instant.now(), until).toSeconds() + 59) / 60);
    if (form) {
      response.sendRedirect("/login.html?error=locked&minutes=" + minutes);
      return;
    }
    response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(minutes * 60));
    ApiErrors.write(
        response,
        json,
        HttpStatus.TOO_MANY_REQUESTS,
        new ChatException(ChatError.Code.LOGIN_LOCKED, minutes));
  }

  /** {@code Authorization: Basic …}의 아이디. 없거나 읽을 수 없으면 {@code null}. */
  private static String basicUsername(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : decoded.substring(0, colon);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
