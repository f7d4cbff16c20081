package com.example.chat;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.messaging.support.NativeMessageHeaderAccessor;

/**
 * 릴레이가 브로커로 넘기는 프레임의 헤더를 두 군데 고칩니다. 둘 다 진짜 브로커를 붙여 봐야 보이는 문제입니다.
 *
 * <ol>
 *   <li>{@code auto-delete:true}: RabbitMQ는 세션마다 생기는 {@code /queue/errors-user세션id} 같은 큐를 지워지지 않는
 *       큐로 만들어, 접속할 때마다 큐가 쌓입니다. 구독과 보내기 양쪽에 달아야 합니다(한쪽만이면 PRECONDITION_FAILED로 끊깁니다).
 *   <li>{@code destination-type} 지우기: 시험용 Artemis가 붙여 보낸 이 헤더를 스프링이 다른 인스턴스에서 넘어온 귓속말을 다시 보낼 때
 *       복사하면, Artemis가 귓속말 큐를 MULTICAST 주소로 보고 잃어버립니다. RabbitMQ는 이 헤더를 쓰지 않습니다.
 * </ol>
 *
 * <p>실제 서비스라면 브로커 쪽 정책(RabbitMQ policy의 expires 등)으로도 큐를 정리하겠지만, 이 예제에서는 앱에서 헤더로 해결합니다.
 */
final class RelayHeaders implements ChannelInterceptor {

  @Override
  public Message<?> preSend(Message<?> message, MessageChannel channel) {
    SimpMessageType type = SimpMessageHeaderAccessor.getMessageType(message.getHeaders());
    String destination = SimpMessageHeaderAccessor.getDestination(message.getHeaders());
    boolean userQueue =
        destination != null
            && destination.startsWith("/queue/")
            && (type == SimpMessageType.MESSAGE || type == SimpMessageType.SUBSCRIBE);
    boolean copiedRouting =
        NativeMessageHeaderAccessor.getFirstNativeHeader("destination-type", message.getHeaders())
            != null;
    if (!userQueue && !copiedRouting) {
      return message;
    }
    // 사본을 만듭니다. 스프링이 같은 메시지를 탭마다 다시 보낼 때 헤더가 잠겨 있으면 두 번째 보내기가 실패합니다.
    NativeMessageHeaderAccessor headers =
        MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class) != null
            ? StompHeaderAccessor.wrap(message)
            : SimpMessageHeaderAccessor.wrap(message);
    headers.removeNativeHeader("destination-type");
    if (userQueue) {
      headers.setNativeHeader("auto-delete", "true");
    }
    return MessageBuilder.createMessage(message.getPayload(), headers.getMessageHeaders());
  }
}
