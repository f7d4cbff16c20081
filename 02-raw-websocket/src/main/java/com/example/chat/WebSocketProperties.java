package com.example.chat;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * 웹소켓 연결에 거는 한도와 허용 출처입니다({@code application.yml}의 {@code chat.websocket.*}).
 *
 * <p>값을 코드에 박지 않고 설정으로 둔 까닭은, 교실에서는 한도를 일부러 작게 줄여 "느린 클라이언트가 끊기는 모습"을 보여 주고, 테스트에서도 같은 방법으로 그 상황을
 * 빠르게 만들기 위해서입니다.
 *
 * @param allowedOrigins 핸드셰이크를 허용할 다른 출처(Origin) 패턴. 같은 출처(이 서버가 준 페이지)는 언제나 허용됩니다.
 * @param sendTimeLimit 한 클라이언트에게 보내기 한 번이 이보다 오래 걸리면 그 클라이언트를 끊습니다.
 * @param sendBufferSizeLimit 한 클라이언트 앞에 쌓인, 아직 못 보낸 메시지가 이보다 커지면 그 클라이언트를 끊습니다.
 * @param maxTextMessageSize 클라이언트가 보내는 텍스트 메시지 하나의 최대 크기(UTF-8 바이트). 넘으면 1009로 닫습니다.
 * @param sendThreads 모든 연결의 보내기를 나눠 맡는 스레드 수. 0이면 CPU 코어 수의 두 배(3장 STOMP의 clientOutboundChannel과 같은
 *     기본값). 읽지 않는 클라이언트 하나는 보내기 스레드 하나를 {@code sendTimeLimit} 동안 붙잡을 수 있으므로, 그런 클라이언트가 이 수만큼 한꺼번에
 *     있으면 다른 사람의 메시지도 그동안 늦어집니다.
 * @param pingInterval 모든 연결에 ping 제어 프레임을 보내는 간격({@link HeartbeatMonitor}).
 * @param pongTimeout 이 시간 동안 아무 프레임(pong 포함)도 보내지 않은 연결은 죽은 것으로 보고 닫습니다. {@code pingInterval}보다 길어야
 *     합니다. 그렇지 않으면 멀쩡한 연결도 pong이 오기 전에 닫힙니다.
 */
@ConfigurationProperties("chat.websocket")
record WebSocketProperties(
    @DefaultValue("http://localhost:*") List<String> allowedOrigins,
    @DefaultValue("10s") Duration sendTimeLimit,
    @DefaultValue("512KB") DataSize sendBufferSizeLimit,
    @DefaultValue("8KB") DataSize maxTextMessageSize,
    @DefaultValue("0") int sendThreads,
    @DefaultValue("10s") Duration pingInterval,
    @DefaultValue("20s") Duration pongTimeout) {

  WebSocketProperties {
    if (sendThreads <= 0) {
      sendThreads = Runtime.getRuntime().availableProcessors() * 2;
    }
    if (pongTimeout.compareTo(pingInterval) <= 0) {
      throw new IllegalArgumentException(
          "chat.websocket.pong-timeout(%dms)은 ping-interval(%dms)보다 길어야 합니다"
              .formatted(pongTimeout.toMillis(), pingInterval.toMillis()));
    }
  }
}
