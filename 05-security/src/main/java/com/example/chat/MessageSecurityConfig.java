package com.example.chat;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.socket.EnableWebSocketSecurity;
import org.springframework.security.messaging.access.intercept.MessageAuthorizationContext;
import org.springframework.security.messaging.access.intercept.MessageMatcherDelegatingAuthorizationManager;

/**
 * STOMP 프레임마다 "이 사람이 이 주소에 이것을 해도 되는가"를 봅니다. 규칙은 위에서부터 처음 맞는 하나만 씁니다.
 *
 * <table>
 *   <caption>규칙</caption>
 *   <tr><th>프레임</th><th>주소</th><th>누가</th></tr>
 *   <tr><td>CONNECT, DISCONNECT, 하트비트</td><td>(없음)</td><td>로그인한 사람</td></tr>
 *   <tr><td>SUBSCRIBE</td><td>자기 큐 {@code /user/queue/...}</td><td>로그인한 사람(스프링이 그 사람의 큐로 바꿉니다)</td></tr>
 *   <tr><td>SUBSCRIBE</td><td>{@code /topic/rooms.{room}}</td><td>그 방에서 내보내지 않은 사람({@link RoomAccess})</td></tr>
 *   <tr><td>SEND</td><td>{@code /app/rooms.{room}.join|send|whisper}</td><td>그 방에서 내보내지 않은 사람({@link RoomAccess})</td></tr>
 *   <tr><td>SEND</td><td>{@code /app/rooms.{room}.kick}</td><td>ADMIN</td></tr>
 *   <tr><td>그 밖의 모든 것</td><td></td><td>아무도(남의 큐, {@code /queue/...}, {@code /topic/...}에 바로 SEND)</td></tr>
 * </table>
 *
 * <p>거절은 {@link ChatDenial}에 까닭을 담아 돌려주고, {@link Refusals}가 그 연결에 한국어로 알립니다. 3장에서 손으로 짠 주소 검사는 이 표가
 * 맡습니다. 실제 서비스라면 방마다 주인과 멤버 목록을 두고 규칙이 그것을 보겠지만, 이 예제에서는 관리자 한 역할만 둡니다.
 */
@Configuration
@EnableWebSocketSecurity
class MessageSecurityConfig {

  @Bean
  AuthorizationManager<Message<?>> messageAuthorizationManager(
      MessageMatcherDelegatingAuthorizationManager.Builder messages, RoomAccess room) {
    AuthorizationManager<MessageAuthorizationContext<?>> admin =
        (authentication, context) ->
            authentication.get().getAuthorities().stream()
                    .anyMatch(authority -> "ROLE_ADMIN".equals(authority.getAuthority()))
                ? new AuthorizationDecision(true)
                : new ChatDenial(ChatError.Code.ADMIN_ONLY);
    messages
        .nullDestMatcher()
        .authenticated()
        .simpSubscribeDestMatchers(UserQueues.OWN_QUEUES.toArray(String[]::new))
        .authenticated()
        .simpSubscribeDestMatchers("/topic/rooms.{room}")
        .access(room)
        .simpMessageDestMatchers(
            "/app/rooms.{room}.join", "/app/rooms.{room}.send", "/app/rooms.{room}.whisper")
        .access(room)
        .simpMessageDestMatchers("/app/rooms.{room}.kick")
        .access(admin)
        .simpSubscribeDestMatchers("/user/**", "/queue/**")
        .access(
            (authentication, context) ->
                ChatDenial.ofDestination(ChatError.Code.FORBIDDEN_DESTINATION, context))
        .anyMessage()
        .access(
            (authentication, context) ->
                ChatDenial.ofDestination(ChatError.Code.INVALID_DESTINATION, context));
    return messages.build();
  }
}
