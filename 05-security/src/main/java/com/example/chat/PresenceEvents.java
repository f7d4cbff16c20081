package com.example.chat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * 입장과 퇴장을 알립니다. 누가 어느 방에 있는지를 연결(세션)과 묶어 두고, 연결이 끊기면 LEAVE를 보냅니다.
 *
 * <p>STOMP에는 "방에서 나가기" 프레임이 없어서 연결 종료가 곧 퇴장입니다. 탭을 닫든, 네트워크가 죽어 하트비트가 끊기든 스프링이 {@link
 * SessionDisconnectEvent}를 냅니다. 이 이벤트는 한 세션에 두 번 올 수
 * 있으므로(spring-guides/gs-messaging-stomp-websocket#76) 처리는 몇 번 불려도 같은 결과가 나오게 했습니다. 참여자 목록 자체는
 * {@link RoomStore}에 있고, 여기서는 이 서버에 붙은 연결이 어느 방에 들어갔는지만 기억합니다.
 */
@Component
class PresenceEvents {

  private final ChatRooms rooms;
  private final RoomTopic topic;
  private final UserQueues userQueues;
  private final ConcurrentMap<String, Set<String>> roomsBySession = new ConcurrentHashMap<>();

  PresenceEvents(ChatRooms rooms, RoomTopic topic, UserQueues userQueues) {
    this.rooms = rooms;
    this.topic = topic;
    this.userQueues = userQueues;
  }

  /**
   * {@code sessionId} 연결이 방에 들어옵니다. 그 연결에는 기록과 참여자 목록을, 모두에게는 JOIN을 보냅니다. 기록과 목록은 JOIN에 순번을 매긴 뒤에
   * 읽으므로 자기 JOIN까지 들어 있고, 그보다 앞서 방송된 글도 모두 들어 있습니다(같은 잠금 안이므로). 먼저 있던 사람들은 목록을 다시 받지 않고 이 JOIN으로 자기
   * 목록을 고칩니다({@link MemberList}).
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
          userQueues.sendToSession(nickname, sessionId, "/queue/members", room.memberList());
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

  /** {@code memberKey}가 방에서 나갔습니다. 그 닉네임이 방에 더는 없으면 LEAVE를 알립니다. */
  void left(String memberKey, String roomName) {
    ChatRoom room = rooms.get(roomName);
    topic.locked(room, () -> room.leave(memberKey).map(left -> topic.send(room, left)));
  }
}
