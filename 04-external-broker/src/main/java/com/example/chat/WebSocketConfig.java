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
 * STOMP 엔드포인트와 메시지 브로커 설정. 3장과 달라진 곳은 두 갈래입니다. 이 파일에서 simple broker가 외부 브로커(RabbitMQ)로 가는 릴레이로
 * 바뀌고(브로커가 끊겼을 때를 맡는 {@link BrokerStatus}와 헤더를 고치는 {@link RelayHeaders}가 따라옵니다), 방의 상태가 메모리에서
 * PostgreSQL로 옮겨 갑니다({@link JdbcRoomStore}, {@link InstanceLease}).
 *
 * <p>{@code /topic}, {@code /queue}로 가는 메시지는 이제 이 서버의 메모리가 아니라 브로커가 나눠 줍니다. 그래서 서버를 여러 대 띄워도 같은 방의
 * 사람들이 서로의 글을 받습니다. 실제 서비스라면 RabbitMQ를 클러스터로 두겠지만, 이 예제에서는 한 대에 붙습니다.
 */
@Configuration
@EnableWebSocketMessageBroker
class WebSocketConfig implements WebSocketMessageBrokerConfigurer {

  private final WebSocketProperties properties;
  private final BrokerProperties broker;
  private final NicknameInterceptor nicknameInterceptor;
  private final SubscriptionLimit subscriptionLimit;
  private final ConnectDeadline connectDeadline;
  private final StompErrors stompErrors;
  private final BrokerStatus brokerStatus;
  private final TaskScheduler heartbeatScheduler;

  WebSocketConfig(
      WebSocketProperties properties,
      BrokerProperties broker,
      NicknameInterceptor nicknameInterceptor,
      SubscriptionLimit subscriptionLimit,
      ConnectDeadline connectDeadline,
      StompErrors stompErrors,
      BrokerStatus brokerStatus,
      @Lazy @Qualifier("messageBrokerTaskScheduler") TaskScheduler heartbeatScheduler) {
    this.properties = properties;
    this.broker = broker;
    this.nicknameInterceptor = nicknameInterceptor;
    this.subscriptionLimit = subscriptionLimit;
    this.connectDeadline = connectDeadline;
    this.stompErrors = stompErrors;
    this.brokerStatus = brokerStatus;
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
    // 브라우저 연결마다 브로커에 TCP 연결을 하나씩(client 계정), 서버용 "system" 연결을 하나 더 엽니다.
    registry
        .enableStompBrokerRelay("/topic", "/queue")
        .setRelayHost(broker.host())
        .setRelayPort(broker.port())
        .setClientLogin(broker.clientLogin())
        .setClientPasscode(broker.clientPasscode())
        .setSystemLogin(broker.systemLogin())
        .setSystemPasscode(broker.systemPasscode())
        // 없으면 CONNECT의 host 헤더가 127.0.0.1이 되고, RabbitMQ는 그런 가상 호스트가 없다며 거절합니다.
        .setVirtualHost(broker.virtualHost())
        .setSystemHeartbeatSendInterval(heartbeat)
        .setSystemHeartbeatReceiveInterval(heartbeat)
        // 릴레이는 /app으로 가는 SEND를 브로커에 넘기지 않고, 스프링 STOMP 클라이언트는 다른 것을 보내는 동안 heart-beat를 보내지 않습니다.
        // 그래서 말만 하는 사람의 브로커 연결에는 한동안 아무것도 가지 않아, 브로커가 heart-beat 간격의 두 배(Artemis의 TTL)가 지나면 그 연결을
        // 끊었습니다(OrderingTests). 스케줄러가 있으면 릴레이가 5초마다 센 값을 비우고, 그 사이 넘긴 것이 없으면 SEND 대신 heart-beat를
        // 넘깁니다.
        .setTaskScheduler(heartbeatScheduler)
        // 이 인스턴스에 없는 사람에게 가는 /user/... 메시지(귓속말)를 모든 인스턴스에 넘기는 주소.
        // 그 사람이 붙은 인스턴스가 받아 전합니다. setUserRegistryBroadcast는 일부러 켜지 않습니다(README).
        .setUserDestinationBroadcast("/topic/unresolved-user");
    // 브로커로 가는 프레임의 헤더 두 가지를 고칩니다(RelayHeaders 참고).
    registry.configureBrokerChannel().interceptors(new RelayHeaders());
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
    registration.interceptors(nicknameInterceptor, brokerStatus, subscriptionLimit);
  }
}
