package com.example.chat;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

/**
 * {@link TokenInterceptor}를 스프링 시큐리티의 인터셉터들보다 <em>앞에</em> 답니다.
 *
 * <p>{@code @EnableWebSocketSecurity}는 {@code @Order(HIGHEST_PRECEDENCE + 100)}인 설정에서 보안 컨텍스트,
 * CSRF, 권한 인터셉터를 이 순서로 겁니다. 인터셉터는 설정의 순서대로 이어지므로, 이 설정을 {@code + 99}로 두면 CONNECT가 권한 검사에 닿기 전에 사용자가
 * 정해집니다. 순서가 거꾸로면 권한 검사는 사용자가 없는 CONNECT를 보고 거절하거나(authenticated 규칙), 규칙이 느슨하면 사용자를 모르는 채 통과시킵니다.
 * README "인터셉터 순서"에 그림이 있습니다.
 */
@Configuration
@Order(Ordered.HIGHEST_PRECEDENCE + 99)
class StompAuthConfig implements WebSocketMessageBrokerConfigurer {

  private final TokenInterceptor tokenInterceptor;

  StompAuthConfig(TokenInterceptor tokenInterceptor) {
    this.tokenInterceptor = tokenInterceptor;
  }

  @Override
  public void configureClientInboundChannel(ChannelRegistration registration) {
    registration.interceptors(tokenInterceptor);
  }
}
