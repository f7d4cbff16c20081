package com.example.chat;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * 입장과 퇴장을 알립니다. 누가 어느 방에 있는지를 연결(세션)과 묶어 두고, 연결이 끊기면 LEAVE와 새 참여자 목록을 보냅니다.
 *
 * <p>STOMP에는 "방에서 나가기" 프레임이 없어서 연결 종료가 곧 퇴장입니다. 탭을 닫든, 네트워크가 죽어 하트비트가 끊기든 스프링이 {@link
 * SessionDisconnectEvent}를 냅니다. 이 이벤트는 한 세션에 두 번 올 수
 * 있으므로(spring-guides/gs-messaging-stomp-websocket#76) 처리는 몇 번 불려도 같은 결과가 나오게 했습니다. 참여자 목록 자체는
 * {@link RoomStore}에 있고, 여기서는 이 서버에 붙은 연결이 어느 방에 들어갔는지만 기억합니다.
 */
@Component
class PresenceEvents {

  /** 참여자 목록 MESSAGE에 붙는 STOMP 머리글. */
  static final String MEMBERS_VERSION = "members-version";

  private final ChatRooms rooms;
  private final RoomTopic topic;
  private final UserQueues userQueues;
  private final SimpMessageSendingOperations messaging;
  private final ConcurrentMap<String, Set<String>> roomsBySession = new ConcurrentHashMap<>();

  PresenceEvents(
      ChatRooms rooms,
      RoomTopic topic,
      UserQueues userQueues,
      SimpMessageSendingOperations messaging) {
    this.rooms = rooms;
    this.topic = topic;
    this.userQueues = userQueues;
    this.messaging = messaging;
  }

  /**
   * {@code sessionId} 연결이 방에 들어옵니다. 그 연결에는 기록을, 모두에게는 JOIN과 새 참여자 목록을 보냅니다. 기록은 JOIN에 순번을 매긴 뒤에
   * 읽으므로 자기 JOIN까지 들어 있고, 그보다 앞서 방송된 글도 모두 들어 있습니다(같은 잠금 안이므로).
   */
  void join(String sessionId, String nickname, ChatRoom room) {
    topic.locked(
        room,
        () -> {
          ChatMessage joined = room.join(sessionId, nickname);
          roomsBySession
              .computeIfAbsent(sessionId, id -> ConcurrentHashMap.newKeySet())
              .add(room.name());
          userQueues.sendToSession(nickname, sessionId, "/queue/history", room.history());
          topic.send(room, joined);
          publishMembers(room, joined);
          return joined;
        });
  }

  @EventListener
  void onDisconnect(SessionDisconnectEvent event) {
    // remove는 한 번만 값을 돌려주므로, 같은 세션의 두 번째 이벤트는 여기서 아무것도 하지 않습니다.
    Set<String> joined = roomsBySession.remove(event.getSessionId());
    if (joined == null) {
      return;
    }
    joined.forEach(room -> left(event.getSessionId(), room));
  }

  /** {@code memberKey}가 방에서 나갔습니다. 그 닉네임이 방에 더는 없으면 LEAVE와 새 참여자 목록을 알립니다. */
  void left(String memberKey, String roomName) {
    ChatRoom room = rooms.get(roomName);
    topic.locked(room, () -> room.leave(memberKey).map(left -> announceLeave(room, left)));
  }

  private ChatMessage announceLeave(ChatRoom room, ChatMessage left) {
    topic.send(room, left);
    publishMembers(room, left);
    return left;
  }

  /**
   * 참여자 목록을 보냅니다. 목록을 바꾼 JOIN/LEAVE의 {@code id}를 {@code members-version} 머리글로 붙입니다. 이 장에서는 목록이 언제나
   * 바뀐 순서대로 도착하므로 페이지가 번호를 볼 일이 없지만, 4장처럼 목록이 두 길로 오는 곳에서는 이 번호로 새것을 가립니다.
   */
  private void publishMembers(ChatRoom room, ChatMessage cause) {
    messaging.convertAndSend(
        RoomTopic.of(room.name()) + ".members",
        room.members(),
        Map.<String, Object>of(MEMBERS_VERSION, cause.id()));
  }
}
