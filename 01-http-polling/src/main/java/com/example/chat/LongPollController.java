package com.example.chat;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * 긴 폴링: 새 메시지가 생길 때까지 답을 미룹니다({@code GET /messages/wait?after=}).
 *
 * <p>짧은 폴링의 빈 응답 대부분을 없애는 대신, 사람마다 연결 하나를 늘 붙잡아 둡니다. {@link DeferredResult}를 돌려주면 Spring MVC가 서블릿
 * 비동기 모드로 바꾸므로, 기다리는 동안 Tomcat의 요청 스레드는 다른 요청을 처리합니다. 실제 대기와 깨우기는 {@link LongPollWaiters}가 맡습니다.
 *
 * <p>기다리는 동안에도 그 사람은 "아직 있는" 사람이므로, 요청이 시작될 때와 끝날 때 모두 {@link Presence}에 알립니다. 실제 서비스라면 프록시의 유휴 시간
 * 제한도 붙잡는 시간보다 길게 맞춰야 하지만, 이 예제에서는 브라우저와 서버만 있습니다.
 */
@RestController
final class LongPollController {

  private final ChatRooms rooms;
  private final Presence presence;
  private final LongPollWaiters waiters;

  LongPollController(ChatRooms rooms, Presence presence, LongPollWaiters waiters) {
    this.rooms = rooms;
    this.presence = presence;
    this.waiters = waiters;
  }

  @GetMapping("/api/rooms/{room}/messages/wait")
  DeferredResult<List<ChatMessage>> await(
      @PathVariable String room,
      @RequestParam(defaultValue = "0") long after,
      @RequestHeader(name = ChatController.TOKEN, required = false) String token) {
    ChatRoom chatRoom = rooms.get(room);
    if (token != null) {
      presence.touch(token, chatRoom);
    }
    return waiters.await(chatRoom, after, () -> touchQuietly(token, chatRoom));
  }

  /** 기다리는 사이 퇴장했을 수도 있습니다. 그때는 갱신할 것이 없으니 조용히 넘어갑니다. */
  private void touchQuietly(String token, ChatRoom room) {
    if (token == null) {
      return;
    }
    try {
      presence.touch(token, room);
    } catch (ChatException alreadyLeft) {
      // 퇴장한 사람의 긴 폴링이 늦게 끝난 경우입니다.
    }
  }
}
