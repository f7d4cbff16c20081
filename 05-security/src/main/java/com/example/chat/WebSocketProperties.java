package com.example.chat;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * STOMP 연결에 거는 한도와 허용 출처입니다({@code application.yml}의 {@code chat.websocket.*}).
 *
 * <p>값을 코드에 박지 않고 설정으로 둔 까닭은, 교실에서는 한도를 일부러 작게 줄여 "느린 클라이언트가 끊기는 모습"을 보여 주고, 테스트에서도 같은 방법으로 그 상황을
 * 빠르게 만들기 위해서입니다(하트비트를 1초로 줄여 죽은 연결을 빨리 찾는 테스트가 그 예입니다).
 *
 * @param allowedOrigins 핸드셰이크를 허용할 다른 출처(Origin) 패턴. 같은 출처(이 서버가 준 페이지)는 언제나 허용되고, 비어 있으면 같은 출처만
 *     받습니다.
 * @param sendTimeLimit 한 클라이언트에게 보내기 한 번이 이보다 오래 걸리면 그 클라이언트를 끊습니다.
 * @param sendBufferSizeLimit 한 클라이언트 앞에 쌓인, 아직 못 보낸 메시지가 이보다 커지면 그 클라이언트를 끊습니다.
 * @param outboundQueueCapacity 클라이언트에게 나갈 메시지가 기다릴 수 있는 자리 수(배달 수). 차면 넘기던 스레드가 기다립니다({@link
 *     BoundedOutbound}).
 * @param messageSizeLimit 클라이언트가 보내는 STOMP 프레임 하나의 최대 크기. 넘으면 ERROR 프레임(MESSAGE_TOO_BIG)을 보내고 닫습니다.
 * @param heartbeat 서버와 클라이언트가 "살아 있음"을 알리는 STOMP heart-beat 간격. 세 배 동안 소식이 없으면 닫습니다.
 * @param connectDeadline 웹소켓을 연 뒤 CONNECT를 보내야 하는 시간. heart-beat는 CONNECT 뒤에야 시작하므로, 이것이 없으면 아무 말
 *     없는 소켓이 영영 남습니다({@link ConnectDeadline}).
 * @param roomsPerConnection 한 연결이 들을 방의 수. 구독 한도는 여기서 나옵니다({@link SubscriptionLimit}).
 */
@ConfigurationProperties("chat.websocket")
record WebSocketProperties(
    @DefaultValue List<String> allowedOrigins,
    @DefaultValue("10s") Duration sendTimeLimit,
    @DefaultValue("512KB") DataSize sendBufferSizeLimit,
    @DefaultValue("10000") int outboundQueueCapacity,
    @DefaultValue("8KB") DataSize messageSizeLimit,
    @DefaultValue("10s") Duration heartbeat,
    @DefaultValue("10s") Duration connectDeadline,
    @DefaultValue("10") int roomsPerConnection) {}
