package com.example.chat;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 페이지와 클라이언트가 쓰는 작은 HTTP API입니다.
 *
 * <ul>
 *   <li>{@code GET /api/csrf}: 로그인 페이지가 폼에 넣을 CSRF 토큰. 로그인하지 않아도 부를 수 있습니다.
 *   <li>{@code GET /api/me}: 페이지가 처음에 부릅니다. 채팅 이름과, CONNECT 머리글에 실을 CSRF 토큰을 줍니다. 다른 출처의 페이지는 이 답을
 *       읽을 수 없으므로 CSRF 토큰을 알 수 없습니다.
 *   <li>{@code POST /api/token}: 브라우저가 아닌 클라이언트가 쓸 짧은 토큰(JWT)을 줍니다. 로그인한 세션이나 HTTP Basic으로 부릅니다.
 * </ul>
 */
@RestController
class AccountController {

  private final ChatAccounts accounts;
  private final ChatTokens tokens;

  AccountController(ChatAccounts accounts, ChatTokens tokens) {
    this.accounts = accounts;
    this.tokens = tokens;
  }

  @GetMapping("/api/csrf")
  Csrf csrf(CsrfToken csrf) {
    return new Csrf(csrf.getHeaderName(), csrf.getToken());
  }

  @GetMapping("/api/me")
  Me me(Authentication user, CsrfToken csrf) {
    List<String> roles =
        user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    return new Me(
        user.getName(),
        accounts.displayName(user.getName()).orElseThrow(),
        roles.contains("ROLE_ADMIN"),
        new Csrf(csrf.getHeaderName(), csrf.getToken()));
  }

  @PostMapping("/api/token")
  ChatTokens.Issued token(Authentication user) {
    return tokens.issue(user.getName());
  }

  /** 페이지가 알아야 할 것: 로그인 아이디, 채팅 이름, 관리자인가, CONNECT에 실을 CSRF 머리글. */
  record Me(String username, String displayName, boolean admin, Csrf csrf) {}

  record Csrf(String headerName, String token) {}
}
