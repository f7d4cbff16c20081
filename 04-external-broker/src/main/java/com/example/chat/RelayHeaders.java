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
 * 릴레이가 브로커로 넘기는 프레임의 헤더를 두 군데 고칩니다. 둘 다 simple broker에는 없던, 진짜 브로커를 붙여 봐야 보이는 문제입니다.
 *
 * <ol>
 *   <li>{@code auto-delete:true}: {@code /user/queue/errors}는 세션마다 {@code /queue/errors-user세션id}
 *       큐가 됩니다. RabbitMQ는 {@code /queue/...}를 기본으로 "지워지지 않는 큐"로 만들어서, 그냥 두면 접속할 때마다 큐가 두 개씩 영원히
 *       쌓입니다. 구독과 보내기 양쪽에 같은 값을 달아야 합니다(한쪽만 달면 RabbitMQ가 PRECONDITION_FAILED로 연결을 끊습니다).
 *   <li>{@code destination-type} 지우기: ActiveMQ Artemis는 보내 주는 메시지에 {@code
 *       destination-type:MULTICAST}를 붙입니다. 다른 인스턴스가 넘긴 귓속말({@code /topic/unresolved-user})을 스프링이
 *       {@code /queue/whispers-user...}로 다시 보낼 때 이 헤더까지 복사하면, Artemis는 그 큐를 MULTICAST 주소로 보고 귓속말을
 *       잃어버립니다. RabbitMQ는 이 헤더를 쓰지 않습니다.
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
    // 원래 메시지의 헤더를 고치지 않고 사본을 만듭니다. 탭이 둘인 사람에게 가는 귓속말처럼 스프링이 같은 메시지를 연결마다 다시 보낼 때,
    // 첫 번째 보내기에서 헤더가 잠기면(immutable) 두 번째 탭의 보내기가 "Expected mutable SimpMessageHeaderAccessor"로
    // 실패합니다.
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
