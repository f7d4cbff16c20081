package com.example.chat;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * {@code /ws/chat}에 핸들러를 걸고, 핸드셰이크의 출처(Origin) 검사와 메시지 크기 한도를 정합니다.
 *
 * <p>출처 검사: 브라우저는 다른 사이트의 페이지에서도 우리 서버로 웹소켓을 열 수 있고, 그때 우리 사이트의 쿠키를 실어 보낼 수 있습니다. 웹소켓에는 CORS가 없어서,
 * 서버가 핸드셰이크의 {@code Origin}을 보고 거절하지 않으면 남의 페이지가 사용자 이름으로 채팅을 읽고 쓸 수 있습니다(CSWSH, cross-site
 * WebSocket hijacking). 같은 출처(이 서버가 준 페이지)는 언제나 허용되고, 그 밖에는 {@code chat.websocket.allowed-origins}의
 * 패턴만 허용되며 나머지는 403입니다.
 *
 * <p>크기 한도: 우리 한도({@code max-text-message-size})는 핸들러가 직접 검사해 1009와 한국어 이유로 닫습니다. 컨테이너(Tomcat) 버퍼는
 * 그보다 넉넉히 잡습니다. Tomcat이 먼저 막으면 영어 이유로 닫기 때문입니다(README 참고). 실제 서비스라면 앞단 프록시에서도 크기를 제한합니다.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class WebSocketConfig implements WebSocketConfigurer {

  /**
   * Tomcat 버퍼(글자 수)는 우리 한도(바이트)의 이만큼 배입니다. 한 글자는 UTF-8로 1바이트 이상이라, 우리 한도를 넘는 메시지도 대부분 핸들러까지 옵니다.
   * 버퍼가 클수록 연결마다 메모리를 더 쓰므로 무작정 키우지 않습니다.
   */
  static final int CONTAINER_HEADROOM = 4;

  private final ChatWebSocketHandler handler;
  private final WebSocketProperties properties;

  WebSocketConfig(ChatWebSocketHandler handler, WebSocketProperties properties) {
    this.handler = handler;
    this.properties = properties;
  }

  @Override
  public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
    registry
        .addHandler(handler, "/ws/chat")
        .setAllowedOriginPatterns(properties.allowedOrigins().toArray(String[]::new));
  }

  @Bean
  ServletServerContainerFactoryBean webSocketContainer() {
    int limit = (int) properties.maxTextMessageSize().toBytes();
    ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
    container.setMaxTextMessageBufferSize(limit * CONTAINER_HEADROOM);
    container.setMaxBinaryMessageBufferSize(limit);
    return container;
  }
}
