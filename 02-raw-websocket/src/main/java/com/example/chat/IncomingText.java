package com.example.chat;

import java.util.Map;
import java.util.Optional;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * 조각(partial)으로 들어오는 텍스트 메시지를 연결마다 모아 온전한 메시지로 돌려주고, 크기 한도를 넘는 순간 알려 줍니다.
 *
 * <p>왜 필요한가: Tomcat은 메시지 하나를 통째로 담을 글자 버퍼를 연결마다 미리 잡아 둡니다. 한도(8KB)를 넘는 메시지를 한국어 이유로 닫으려고 그 버퍼를 한도보다
 * 넉넉히(8,192 × 4글자 = 64KB) 잡았더니, 연결 1,000개에 버퍼만 64MB가 들었습니다(docs/traffic/capacity.md). 핸들러가 조각을 받겠다고
 * 하면({@code supportsPartialMessages}) Tomcat은 작은 버퍼가 찰 때마다 조각을 넘기고 크기를 검사하지 않습니다. 그래서 버퍼는 작게 두고, 크기
 * 검사는 여기서 합니다. 덤으로 아무리 큰 메시지도 한국어 이유로 닫힙니다.
 *
 * <p>모으는 중인 조각은 그 연결의 속성({@link WebSocketSession#getAttributes()})에 두므로 연결이 닫히면 함께 사라집니다. 채팅 메시지는
 * 거의 언제나 한 조각이라 그때는 아무것도 모으지 않습니다.
 */
final class IncomingText {

  private static final String PARTS = IncomingText.class.getName() + ".parts";

  private final int maxBytes;

  IncomingText(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** 메시지가 다 모였으면 그 글을, 조각이 더 올 차례면 빈 값을 돌려줍니다. 한도를 넘으면 {@link ChatException}을 한 번 던집니다. */
  Optional<String> add(WebSocketSession session, TextMessage part) {
    Map<String, Object> attributes = session.getAttributes();
    Parts parts = (Parts) attributes.get(PARTS);
    if (parts == null && part.isLast()) {
      check(part.getPayloadLength());
      return Optional.of(part.getPayload());
    }
    if (parts == null) {
      parts = new Parts();
      attributes.put(PARTS, parts);
    }
    if (part.isLast()) {
      attributes.remove(PARTS);
    }
    if (parts.rejected) {
      return Optional.empty(); // 이미 한도를 넘었다고 알린 메시지의 나머지 조각
    }
    parts.bytes += part.getPayloadLength();
    if (parts.bytes > maxBytes) {
      parts.rejected = true;
      check(parts.bytes);
    }
    parts.text.append(part.getPayload());
    return part.isLast() ? Optional.of(parts.text.toString()) : Optional.empty();
  }

  private void check(long bytes) {
    if (bytes > maxBytes) {
      throw new ChatException(ChatError.Code.MESSAGE_TOO_BIG, maxBytes);
    }
  }

  private static final class Parts {
    private final StringBuilder text = new StringBuilder();
    private long bytes;
    private boolean rejected;
  }
}
