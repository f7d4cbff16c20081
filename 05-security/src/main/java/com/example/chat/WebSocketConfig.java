package com.example.chat;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;

/**
 * STOMP 엔드포인트와 메시지 브로커 설정. 브로커를 고르는 코드는 이 파일에만 있습니다(4장은 여기서 simple broker를 RabbitMQ로 가는 릴레이로 바꾸고,
 * 방의 상태는 {@link RoomStore}의 구현을 데이터베이스로 바꿉니다).
 *
 * <p>2장에서 손으로 짠 "누가 어느 방을 듣는가"와 "모두에게 보내기"를 스프링의 simple broker가 맡습니다. simple broker는 이 서버의 메모리 안에만
 * 있으므로 서버를 두 대로 늘리면 서로의 구독자를 모릅니다. 실제 서비스라면 외부 브로커를 쓰겠지만, 이 예제에서는 설치할 것이 없는 simple broker로 시작합니다.
 *
 * <p>5장은 이 파일에서 3장의 닉네임 문지기만 뺍니다. 누구인가는 {@link TokenInterceptor}가, 무엇을 해도 되는가는 {@link
 * MessageSecurityConfig}가 정합니다.
 */
@Configuration
@EnableWebSocketMessageBroker
class WebSocketConfig implements WebSocketMessageBrokerConfigurer {

  private final WebSocketProperties properties;
  private final SubscriptionLimit subscriptionLimit;
  private final ConnectDeadline connectDeadline;
  private final StompErrors stompErrors;
  private final TaskScheduler heartbeatScheduler;

  WebSocketConfig(
      WebSocketProperties properties,
      SubscriptionLimit subscriptionLimit,
      ConnectDeadline connectDeadline,
      StompErrors stompErrors,
      @Lazy @Qualifier("messageBrokerTaskScheduler") TaskScheduler heartbeatScheduler) {
    this.properties = properties;
    this.subscriptionLimit = subscriptionLimit;
    this.connectDeadline = connectDeadline;
    this.stompErrors = stompErrors;
    this.heartbeatScheduler = heartbeatScheduler;
  }

  @Override
  public void registerStompEndpoints(StompEndpointRegistry registry) {
    // 페이지는 SockJS로 /ws에, 보통 STOMP 클라이언트는 ws://.../ws/websocket에 붙습니다.
    registry
        .addEndpoint("/ws")
        .setAllowedOriginPatterns(properties.allowedOrigins().toArray(String[]::new))
        .withSockJS();
    // 한 연결이 보낸 프레임(SUBSCRIBE 다음 SEND 등)을 보낸 순서대로 처리합니다.
    registry.setPreserveReceiveOrder(true);
    registry.setErrorHandler(stompErrors);
  }

  @Override
  public void configureMessageBroker(MessageBrokerRegistry registry) {
    long heartbeat = properties.heartbeat().toMillis();
    // TaskScheduler가 없으면 simple broker는 heart-beat:0,0으로 답하고, 죽은 연결을 알아채지 못합니다.
    registry
        .enableSimpleBroker("/topic", "/queue")
        .setHeartbeatValue(new long[] {heartbeat, heartbeat})
        .setTaskScheduler(heartbeatScheduler);
    registry.setApplicationDestinationPrefixes("/app");
    registry.setUserDestinationPrefix("/user");
    // 주소를 점으로 나눕니다(/topic/rooms.lobby). 4장의 RabbitMQ는 /topic/rooms/lobby를 "Invalid destination"으로
    // 거절합니다.
    registry.setPathMatcher(new AntPathMatcher("."));
  }

  @Override
  public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
    registration
        .setMessageSizeLimit((int) properties.messageSizeLimit().toBytes())
        .setSendTimeLimit((int) properties.sendTimeLimit().toMillis())
        .setSendBufferSizeLimit((int) properties.sendBufferSizeLimit().toBytes())
        .addDecoratorFactory(connectDeadline);
  }

  @Override
  public void configureClientOutboundChannel(ChannelRegistration registration) {
    // 한 연결로 가는 메시지를 넘겨받은 순서대로, 끝 있는 양만큼만 기다리게 합니다(BoundedOutbound, README "알려진 함정" 3번).
    registration.executor(
        new BoundedOutbound(properties.outboundQueueCapacity(), Duration.ofSeconds(1)));
  }

  @Override
  public void configureClientInboundChannel(ChannelRegistration registration) {
    // 사용자 정하기(TokenInterceptor)와 권한 검사(스프링 시큐리티)는 이보다 앞선 설정들이 겁니다(StompAuthConfig). 여기까지 온
    // 프레임은 이미 허용된 것뿐입니다.
    registration.interceptors(subscriptionLimit);
  }
}
