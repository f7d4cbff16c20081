package com.example.chat;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * 클라이언트가 보내는 텍스트 프레임 하나(JSON)입니다.
 *
 * <p>맨 처음은 {@code {"type":"JOIN","room":"lobby","sender":"민수"}}, 그다음부터는 {@code
 * {"type":"CHAT","content":"..."}}입니다. 웹소켓 자체는 "텍스트 한 덩어리"만 나를 뿐 그 안의 뜻은 정하지 않으므로, 메시지 종류({@code
 * type})와 필드 이름은 이 앱이 스스로 정한 약속입니다. 3장에서는 이 약속을 STOMP라는 표준이 대신합니다.
 *
 * <p>{@code sender}는 JOIN에서만 읽습니다. 입장한 뒤의 보낸 사람 이름은 서버가 세션에 기억한 닉네임으로 찍습니다(남을 사칭할 수 없게).
 */
record ClientFrame(String type, String room, String sender, String content) {

  /** JSON 객체가 아니면(그냥 글, 숫자, 배열, {@code null}) MALFORMED_MESSAGE. */
  static ClientFrame parse(JsonMapper json, String payload) {
    try {
      ClientFrame frame = json.readValue(payload, ClientFrame.class);
      if (frame != null) {
        return frame;
      }
    } catch (JacksonException e) {
      // 아래에서 같은 오류로 답합니다(라이브러리의 영어 설명은 사람에게 보이지 않습니다).
    }
    throw new ChatException(ChatError.Code.MALFORMED_MESSAGE, "JSON 객체여야 합니다");
  }

  /** 모르는 type. 오류 문장에 그대로 되돌려 주되, 너무 길면 자릅니다. */
  ChatException unknownType() {
    String shown = type == null ? "(없음)" : type.length() > 20 ? type.substring(0, 20) + "…" : type;
    return new ChatException(ChatError.Code.UNKNOWN_TYPE, shown);
  }
}
