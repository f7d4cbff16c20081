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
 * <p>크기 한도: 우리 한도({@code max-text-message-size})는 핸들러가 직접 검사해 1009와 한국어 이유로 닫습니다. 핸들러가 조각(partial)
 * 메시지를 받으므로 Tomcat의 버퍼는 한도보다 작아도 됩니다: 버퍼가 차면 Tomcat은 닫지 않고 조각을 넘깁니다({@link IncomingText}). 실제 서비스라면
 * 앞단 프록시에서도 크기를 제한합니다.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class WebSocketConfig implements WebSocketConfigurer {

  /**
   * Tomcat이 연결마다 미리 잡는 글자 버퍼(글자 수, 한 글자 2바이트). 채팅 한 줄(1,000자)과 JSON 포장이 한 조각에 들어가는 크기입니다. 예전처럼 한도의
   * 네 배(32,768자, 64KB)로 잡으면 연결 1,000개에 64MB가 듭니다.
   */
  static final int TEXT_BUFFER_CHARS = 2048;

  /** Tomcat이 연결마다 미리 잡는 바이트 버퍼. 텍스트 프레임도 UTF-8로 풀기 전에 이 버퍼를 거칩니다. */
  static final int BINARY_BUFFER_BYTES = 4096;

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
    ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
    container.setMaxTextMessageBufferSize(TEXT_BUFFER_CHARS);
    container.setMaxBinaryMessageBufferSize(BINARY_BUFFER_BYTES);
    return container;
  }
}
