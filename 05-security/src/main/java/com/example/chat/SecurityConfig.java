package com.example.chat;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP 쪽 보안: 누가 페이지와 API를 볼 수 있는가, 어떻게 로그인하는가. STOMP 프레임의 권한은 {@link MessageSecurityConfig}가 따로
 * 봅니다.
 *
 * <p>브라우저는 폼 로그인으로 HTTP 세션을 얻고, 그 세션 쿠키로 웹소켓 핸드셰이크를 합니다. 브라우저가 아닌 클라이언트는 HTTP Basic으로 {@code POST
 * /api/token}에서 토큰을 받아 CONNECT에 싣습니다. {@code /ws/**}는 누구나 열 수 있게 두는데, 문을 여는 것만으로는 아무것도 할 수 없고
 * CONNECT에서 사용자가 정해지기 때문입니다. CSRF 검사는 스프링 시큐리티 기본값을 그대로 두고 두 곳만 뺍니다: {@code /ws/**}(SockJS의
 * xhr_send; 대신 CONNECT 프레임에서 CSRF 토큰을 봅니다)와 {@code /api/token}(쿠키로 불려도 다른 출처의 페이지는 답을 읽지 못합니다).
 */
@Configuration
class SecurityConfig {

  @Bean
  SecurityFilterChain http(HttpSecurity http, LoginAttempts attempts, JsonMapper json)
      throws Exception {
    AuthenticationEntryPoint api = (request, response, e) -> apiError(response, json, e);
    http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        "/login.html", "/login.js", "/style.css", "/api/csrf", "/ws/**", "/error")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .formLogin(
            form ->
                form.loginPage("/login.html")
                    .loginProcessingUrl("/login")
                    .defaultSuccessUrl("/", true)
                    .failureUrl("/login.html?error=bad")
                    .permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login.html?logout"))
        .httpBasic(basic -> basic.authenticationEntryPoint(api))
        .exceptionHandling(
            errors ->
                errors.defaultAuthenticationEntryPointFor(
                    api, PathPatternRequestMatcher.pathPattern("/api/**")))
        .csrf(csrf -> csrf.ignoringRequestMatchers("/ws/**", "/api/token"))
        // SockJS의 iframe 전송은 같은 출처의 iframe 안에서 돕니다.
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
        .addFilterBefore(
            new LoginLockFilter(attempts, json), UsernamePasswordAuthenticationFilter.class);
    return http.build();
  }

  @Bean
  UserDetailsService users(ChatAccounts accounts) {
    return accounts.userDetailsService();
  }

  /** API는 로그인 페이지로 보내지 않고 401과 한국어 JSON으로 답합니다(curl이나 Node가 읽을 수 있게). */
  private static void apiError(HttpServletResponse response, JsonMapper json, Exception e)
      throws IOException {
    ChatError.Code code =
        e instanceof BadCredentialsException
            ? ChatError.Code.LOGIN_FAILED
            : ChatError.Code.UNAUTHENTICATED;
    ApiErrors.write(response, json, HttpStatus.UNAUTHORIZED, new ChatException(code));
  }
}
