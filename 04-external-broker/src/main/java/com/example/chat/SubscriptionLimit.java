package com.example.chat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * 한 연결이 가질 수 있는 구독 수를 제한합니다. 넘으면 한국어 ERROR 프레임({@code TOO_MANY_SUBSCRIPTIONS})을 보내고 연결을 닫습니다.
 *
 * <p>구독 하나는 서버 메모리에 구독 표 한 줄입니다. 한도가 없으면 연결 하나가 방 이름을 바꿔 가며 SUBSCRIBE를 2만 번 보내 힙을 10MB쯤 채울 수 있고, 그런
 * 소켓 몇십 개면 서버가 멈춥니다. 한도는 "방 {@code roomsPerConnection}개를 듣는 페이지"에서 나옵니다: 방마다 글 구독 하나, 그리고 자기
 * 큐({@link UserQueues#OWN_QUEUES}). 이 문지기는 주소를 검사하는 문지기 뒤에 있어서 허용된 주소만 셉니다. 실제 서비스라면 사용자별 한도도 두겠지만,
 * 이 예제에서는 연결마다 셉니다.
 */
@Component
class SubscriptionLimit implements ChannelInterceptor {

  private static final int PER_ROOM = 1;

  private final int max;
  private final StompErrors errors;
  private final MessageChannel clientOutboundChannel;
  private final ConcurrentMap<String, Set<String>> bySession = new ConcurrentHashMap<>();

  SubscriptionLimit(
      WebSocketProperties properties,
      StompErrors errors,
      @Lazy @Qualifier("clientOutboundChannel") MessageChannel clientOutboundChannel) {
    this.max = properties.roomsPerConnection() * PER_ROOM + UserQueues.OWN_QUEUES.size();
    this.errors = errors;
    this.clientOutboundChannel = clientOutboundChannel;
  }

  int max() {
    return max;
  }

  @Override
  public Message<?> preSend(Message<?> message, MessageChannel channel) {
    StompHeaderAccessor stomp =
        MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
    if (stomp == null || stomp.getCommand() == null || stomp.getSessionId() == null) {
      return message;
    }
    String session = stomp.getSessionId();
    switch (stomp.getCommand()) {
      case SUBSCRIBE -> {
        Set<String> ids = bySession.computeIfAbsent(session, s -> ConcurrentHashMap.newKeySet());
        // 한 세션의 프레임은 차례로 처리되므로(preserveReceiveOrder) 세기와 더하기 사이에 끼어들 것이 없습니다.
        if (ids.size() >= max && !ids.contains(stomp.getSubscriptionId())) {
          ChatException error = new ChatException(ChatError.Code.TOO_MANY_SUBSCRIPTIONS, max);
          clientOutboundChannel.send(errors.frame(session, error));
          return null;
        }
        ids.add(String.valueOf(stomp.getSubscriptionId()));
      }
      case UNSUBSCRIBE -> {
        Set<String> ids = bySession.get(session);
        if (ids != null) {
          ids.remove(String.valueOf(stomp.getSubscriptionId()));
        }
      }
      case DISCONNECT -> bySession.remove(session);
      default -> {}
    }
    return message;
  }
}
