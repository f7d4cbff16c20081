package com.example.chat;

import java.security.Principal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * 들어오는 STOMP 프레임의 문지기: CONNECT의 {@code nickname} 헤더를 세션의 {@link Principal}로 만들고, 허용한 주소로만 보내고 구독하게
 * 합니다.
 *
 * <p>SEND를 {@code /topic/...}으로 바로 보내면 컨트롤러를 건너뛰어 보낸 사람을 속일 수 있고, {@code /queue/whispers-user...}를
 * 직접 구독하면 남의 귓속말을 엿들을 수 있습니다. 그래서 표에 있는 주소만 통과시킵니다. 어기면 그 프레임을 버리고, 연결은 그대로 둔 채 그 연결의 {@code
 * /user/queue/errors}로만 알립니다. 4장에서는 이 검사가 하나 더 중요합니다: 틀린 주소(예: {@code /topic/rooms/lobby})를 그대로
 * RabbitMQ에 넘기면 브로커가 ERROR로 답하고 그 연결을 끊습니다. 닉네임이 없거나 틀린 CONNECT만 ERROR 프레임으로 끊습니다. 예외를 던지지 않는 까닭:
 * 받은 순서 보존(preserveReceiveOrder)을 켜면 여기서 던진 예외는 로그로만 남고 클라이언트에게 가지 않습니다. 실제 서비스라면 로그인(Spring
 * Security)으로 사용자를 정하겠지만, 이 예제에서는 닉네임만 검사합니다.
 */
@Component
class NicknameInterceptor implements ChannelInterceptor {

  private static final Pattern SEND = Pattern.compile("/app/rooms\\.([^.]*)\\.(join|send|whisper)");
  private static final Pattern SUBSCRIBE = Pattern.compile("/topic/rooms\\.([^.]*)");

  private final ChatLimits limits;
  private final StompErrors errors;
  private final MessageChannel clientOutboundChannel;
  private final UserQueues userQueues;

  NicknameInterceptor(
      ChatLimits limits,
      StompErrors errors,
      @Lazy @Qualifier("clientOutboundChannel") MessageChannel clientOutboundChannel,
      @Lazy UserQueues userQueues) {
    this.limits = limits;
    this.errors = errors;
    this.clientOutboundChannel = clientOutboundChannel;
    this.userQueues = userQueues;
  }

  @Override
  public Message<?> preSend(Message<?> message, MessageChannel channel) {
    StompHeaderAccessor stomp =
        MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
    if (stomp == null || stomp.getCommand() == null) {
      return message;
    }
    try {
      switch (stomp.getCommand()) {
        case CONNECT, STOMP ->
            stomp.setUser(new ChatUser(limits.nickname(stomp.getFirstNativeHeader("nickname"))));
        case SEND -> checkDestination(stomp, SEND);
        case SUBSCRIBE -> checkSubscription(stomp);
        default -> {}
      }
      return message;
    } catch (ChatException e) {
      Principal user = stomp.getUser();
      if (user == null) {
        clientOutboundChannel.send(errors.frame(stomp.getSessionId(), e));
      } else {
        userQueues.sendToSession(
            user.getName(), stomp.getSessionId(), "/queue/errors", ChatError.of(e));
      }
      return null;
    }
  }

  private void checkSubscription(StompHeaderAccessor stomp) {
    requireUser(stomp);
    String destination = String.valueOf(stomp.getDestination());
    if (UserQueues.OWN_QUEUES.contains(destination)) {
      return; // 자기 큐: 스프링이 이 세션의 큐로 바꿔 줍니다
    }
    if (destination.startsWith("/user/") || destination.startsWith("/queue/")) {
      throw new ChatException(ChatError.Code.FORBIDDEN_DESTINATION, destination);
    }
    checkDestination(stomp, SUBSCRIBE);
  }

  private void checkDestination(StompHeaderAccessor stomp, Pattern allowed) {
    requireUser(stomp);
    String destination = String.valueOf(stomp.getDestination());
    Matcher matcher = allowed.matcher(destination);
    if (!matcher.matches()) {
      throw new ChatException(ChatError.Code.INVALID_DESTINATION, destination);
    }
    limits.room(matcher.group(1));
  }

  private static void requireUser(StompHeaderAccessor stomp) {
    if (stomp.getUser() == null) {
      throw new ChatException(ChatError.Code.NOT_JOINED);
    }
  }

  /** 세션의 사용자. 이름이 곧 닉네임이라 귓속말을 닉네임으로 보낼 수 있습니다. */
  record ChatUser(String name) implements Principal {
    @Override
    public String getName() {
      return name;
    }
  }
}
