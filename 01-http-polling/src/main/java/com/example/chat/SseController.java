package com.example.chat;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events: {@code GET /api/rooms/{room}/events}. 서버가 먼저 말할 수 있는 가장 단순한 HTTP입니다. 응답 하나를
 * 끝내지 않고 이벤트를 이어 붙이며, 보내기는 짧은 폴링과 같은 {@code POST /messages}입니다(SSE는 한쪽 방향뿐입니다).
 *
 * <p>브라우저의 {@code EventSource}는 머리글을 붙일 수 없어서 멤버 토큰을 {@code ?token=}으로 받습니다. 그래서 토큰이 서버와 프록시의 접근
 * 로그, 브라우저 기록에 남을 수 있습니다(README "SSE의 토큰"). 실제 서비스라면 HttpOnly 쿠키나 짧게 사는 일회용 토큰을 쓰겠지만, 이 예제에서는 폴링과
 * 같은 토큰을 씁니다. 다시 붙을 때 브라우저가 보내는 {@code Last-Event-ID}가 {@code ?after=}보다 앞섭니다.
 */
@RestController
final class SseController {

  private final ChatRooms rooms;
  private final Presence presence;
  private final SseStreams streams;

  SseController(ChatRooms rooms, Presence presence, SseStreams streams) {
    this.rooms = rooms;
    this.presence = presence;
    this.streams = streams;
  }

  @GetMapping(path = "/api/rooms/{room}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  ResponseEntity<SseEmitter> events(
      @PathVariable String room,
      @RequestParam(required = false) String token,
      @RequestParam(defaultValue = "0") long after,
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
    ChatRoom chatRoom = rooms.get(room);
    if (token != null) {
      presence.touch(token, chatRoom);
    }
    SseEmitter emitter =
        streams.open(chatRoom, token, lastEventId == null ? after : seen(chatRoom, lastEventId));
    // nginx는 응답을 모았다가 보내는데(proxy_buffering), 이 머리글이 있으면 이 응답만은 모으지 않고 바로 흘려보냅니다.
    return ResponseEntity.ok().header("X-Accel-Buffering", "no").body(emitter);
  }

  /** 브라우저가 마지막으로 받은 id. 숫자가 아니거나 아직 없는 id(미래)면 거절합니다. */
  private static long seen(ChatRoom room, String lastEventId) {
    List<ChatMessage> history = room.history();
    long newest = history.isEmpty() ? 0 : history.get(history.size() - 1).id();
    try {
      long id = Long.parseLong(lastEventId.strip());
      if (id >= 0 && id <= newest) {
        return id;
      }
    } catch (NumberFormatException notANumber) {
      // 아래에서 같은 오류로 답합니다.
    }
    throw new ChatException(ChatError.Code.BAD_LAST_EVENT_ID, lastEventId);
  }
}
