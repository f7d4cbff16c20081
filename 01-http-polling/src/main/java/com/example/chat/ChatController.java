package com.example.chat;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 채팅 규약을 평범한 REST 호출로 옮긴 컨트롤러입니다(입장, 퇴장, 보내기, 짧은 폴링, 참여자).
 *
 * <p>HTTP는 클라이언트가 물어야만 서버가 답할 수 있습니다. 그래서 새 메시지를 받는 유일한 방법은 "{@code after} 다음 것 있나요?"를 되풀이해 묻는
 * 것이고({@code GET /messages?after=}), 대부분은 빈 배열이 돌아옵니다. 긴 폴링은 {@link LongPollController}에 있습니다.
 *
 * <p>입장하면 토큰을 받고, 그 뒤 요청은 {@code X-Member-Token} 헤더로 자신을 밝힙니다. 보낸 사람 이름은 토큰에 묶인 닉네임으로 서버가 찍으므로, 본문에
 * 다른 이름을 써도 소용없습니다. 실제 서비스라면 로그인과 HTTPS가 앞에 있겠지만, 이 예제에서는 토큰 하나로 단순하게 갑니다.
 */
@RestController
@RequestMapping("/api/rooms/{room}")
final class ChatController {

  static final String TOKEN = "X-Member-Token";

  private final ChatRooms rooms;
  private final Presence presence;
  private final LongPollWaiters waiters;

  ChatController(ChatRooms rooms, Presence presence, LongPollWaiters waiters) {
    this.rooms = rooms;
    this.presence = presence;
    this.waiters = waiters;
  }

  @PostMapping("/members")
  @ResponseStatus(HttpStatus.CREATED)
  Joined join(@PathVariable String room, @RequestBody JoinRequest request) {
    ChatRoom chatRoom = rooms.get(room);
    String token = presence.join(chatRoom, request.nickname());
    return new Joined(token, chatRoom.nicknameOf(token).orElseThrow());
  }

  @DeleteMapping("/members/me")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void leave(
      @PathVariable String room, @RequestHeader(name = TOKEN, required = false) String token) {
    presence.leave(token, rooms.get(room));
  }

  @PostMapping("/messages")
  @ResponseStatus(HttpStatus.CREATED)
  ChatMessage send(
      @PathVariable String room,
      @RequestHeader(name = TOKEN, required = false) String token,
      @RequestBody SendRequest request) {
    ChatRoom chatRoom = presence.touch(token, rooms.get(room));
    ChatMessage message = chatRoom.post(token, request.content());
    waiters.wake(chatRoom);
    return message;
  }

  /** 짧은 폴링: 있으면 있는 대로, 없으면 {@code []}를 곧바로 답합니다. 토큰을 실어 오면 "아직 있음"으로 기록합니다. */
  @GetMapping("/messages")
  List<ChatMessage> poll(
      @PathVariable String room,
      @RequestParam(defaultValue = "0") long after,
      @RequestHeader(name = TOKEN, required = false) String token) {
    ChatRoom chatRoom = rooms.get(room);
    if (token != null) {
      presence.touch(token, chatRoom);
    }
    return chatRoom.after(after);
  }

  /** 참여자 목록과 그 version. 페이지는 입장할 때 한 번 묻고, 그 뒤로는 폴링으로 받는 JOIN·LEAVE로 목록을 고칩니다. */
  @GetMapping("/members")
  MemberList members(@PathVariable String room) {
    return rooms.get(room).memberList();
  }

  record JoinRequest(String nickname) {}

  record SendRequest(String content) {}

  record Joined(String token, String nickname) {}
}
