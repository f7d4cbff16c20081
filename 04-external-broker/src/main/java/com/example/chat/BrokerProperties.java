package com.example.chat;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * 외부 STOMP 브로커(RabbitMQ)에 붙는 설정({@code chat.broker.*})입니다.
 *
 * <p>릴레이는 브라우저 연결마다 브로커에 TCP 연결을 하나씩 열고(client 계정), 서버가 직접 보내는 메시지용으로 "system" 연결을 하나 더 엽니다(system
 * 계정). 실제 서비스라면 두 계정을 나누고 비밀번호를 비밀 저장소에 두겠지만, 이 예제에서는 RabbitMQ 기본 계정 guest/guest를 둘 다에 씁니다. 값은 환경
 * 변수(예: {@code CHAT_BROKER_HOST})로 바꿀 수 있습니다.
 *
 * @param host 브로커 주소
 * @param port 브로커의 STOMP 포트(RabbitMQ의 rabbitmq_stomp 플러그인은 61613)
 * @param virtualHost STOMP CONNECT의 {@code host} 헤더. RabbitMQ는 이 값을 가상 호스트 이름으로 읽습니다
 */
@ConfigurationProperties("chat.broker")
record BrokerProperties(
    @DefaultValue("127.0.0.1") String host,
    @DefaultValue("61613") int port,
    @DefaultValue("guest") String clientLogin,
    @DefaultValue("guest") String clientPasscode,
    @DefaultValue("guest") String systemLogin,
    @DefaultValue("guest") String systemPasscode,
    @DefaultValue("/") String virtualHost) {}
