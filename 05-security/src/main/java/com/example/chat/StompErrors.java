package com.example.chat;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompConversionException;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.socket.messaging.StompSubProtocolErrorHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * STOMP ERROR 프레임을 만듭니다. ERROR를 보낸 뒤 서버는 그 연결을 닫습니다(STOMP 규약).
 *
 * <p>주소가 틀리거나 CONNECT 없이 보내는 등 "프로토콜을 어긴" 프레임만 ERROR로 답합니다. 글 내용이 틀린 것은 연결을 끊을 일이 아니므로 {@link
 * ChatController}가 {@code /user/queue/errors}로 알립니다. {@code message} 헤더에는 사람이 읽을 한국어 문장을, 본문에는 다른
 * 오류와 같은 {@link ChatError} JSON을 넣습니다.
 */
@Component
class StompErrors extends StompSubProtocolErrorHandler {

  private final WebSocketProperties properties;
  private final JsonMapper json;

  StompErrors(WebSocketProperties properties, JsonMapper json) {
    this.properties = properties;
    this.json = json;
  }

  /** {@code sessionId} 연결에 보낼 ERROR 프레임. */
  Message<byte[]> frame(String sessionId, ChatException error) {
    StompHeaderAccessor accessor = headers(error);
    accessor.setSessionId(sessionId);
    return MessageBuilder.createMessage(body(error), accessor.getMessageHeaders());
  }

  /**
   * 스프링이 프레임을 읽거나 넘기다 실패했을 때 부릅니다. 프레임을 아예 읽지 못했으면({@code clientMessage == null}) 크기 초과나 깨진 프레임이고,
   * 읽었는데 넘기지 못했으면 CONNECT 순서를 어긴 프레임입니다.
   */
  @Override
  public @Nullable Message<byte[]> handleClientMessageProcessingError(
      @Nullable Message<byte[]> clientMessage, Throwable ex) {
    ChatException error = clientMessage == null ? decodeError(ex) : sessionError(clientMessage);
    return MessageBuilder.createMessage(body(error), headers(error).getMessageHeaders());
  }

  private ChatException decodeError(Throwable ex) {
    // 크기 초과는 BufferingStompDecoder가 "... buffer size limit ..."로 알립니다(전용 예외가 없습니다).
    if (ex instanceof StompConversionException
        && String.valueOf(ex.getMessage()).contains("limit")) {
      return new ChatException(
          ChatError.Code.MESSAGE_TOO_BIG, properties.messageSizeLimit().toBytes());
    }
    return new ChatException(ChatError.Code.MALFORMED_MESSAGE, "STOMP 프레임으로 읽을 수 없습니다");
  }

  /** CONNECT를 두 번 보냈거나, CONNECT 없이 다른 프레임을 보냈습니다. */
  private static ChatException sessionError(Message<byte[]> clientMessage) {
    StompCommand command = StompHeaderAccessor.wrap(clientMessage).getCommand();
    return new ChatException(
        command == StompCommand.CONNECT || command == StompCommand.STOMP
            ? ChatError.Code.ALREADY_JOINED
            : ChatError.Code.NOT_JOINED);
  }

  private static StompHeaderAccessor headers(ChatException error) {
    StompHeaderAccessor accessor = StompHeaderAccessor.create(StompCommand.ERROR);
    accessor.setMessage(error.getMessage());
    accessor.setContentType(MimeTypeUtils.APPLICATION_JSON);
    accessor.setLeaveMutable(true);
    return accessor;
  }

  private byte[] body(ChatException error) {
    return json.writeValueAsString(ChatError.of(error)).getBytes(StandardCharsets.UTF_8);
  }
}
