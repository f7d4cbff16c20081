package com.example.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * 누가 어느 인스턴스에 있는지: 이 인스턴스의 사람(멤버 키 = 세션 id)과, {@link ChatCluster}가 알려 준 다른 인스턴스의 사람(멤버 키 = {@code
 * 출처/세션id})을 방마다 기억하고, 바뀌면 참여자 목록을 보냅니다.
 *
 * <p>다른 인스턴스의 사람도 이 인스턴스의 {@link ChatRoom}에 넣어 두므로 목록과 귓속말 상대 확인은 3장 코드 그대로 동작합니다. 실제 서비스라면 Redis
 * 같은 공유 저장소에 "방 → 사람"을 두겠지만, 이 예제에서는 인스턴스마다 사본을 둡니다.
 */
@Component
final class ClusterMembers {

  /** 참여자 목록을 한 번 더 보내기까지의 시간({@link #publish}). */
  static final Duration RESEND = Duration.ofSeconds(1);

  private final Set<String> local = ConcurrentHashMap.newKeySet();
  private final Set<String> remote = ConcurrentHashMap.newKeySet();
  private final ChatRooms rooms;
  private final SimpMessageSendingOperations messaging;
  private final TaskScheduler scheduler;
  private final MessageIds ids;

  ClusterMembers(
      ChatRooms rooms,
      MessageIds ids,
      SimpMessageSendingOperations messaging,
      @Lazy @Qualifier("messageBrokerTaskScheduler") TaskScheduler scheduler) {
    this.rooms = rooms;
    this.ids = ids;
    this.messaging = messaging;
    this.scheduler = scheduler;
  }

  /** 이 인스턴스에 있는 한 사람. 새로 켜진 인스턴스에 알려 줄 때 씁니다. */
  record Here(String room, String member, String nickname) {}

  void localJoined(String room, String member) {
    local.add(room + "\n" + member);
  }

  void localLeft(String room, String member) {
    local.remove(room + "\n" + member);
  }

  List<Here> here() {
    return local.stream()
        .map(entry -> entry.split("\n", 2))
        .flatMap(
            e -> rooms.get(e[0]).nicknameOf(e[1]).map(name -> new Here(e[0], e[1], name)).stream())
        .toList();
  }

  /** 다른 인스턴스의 사람이 들어왔습니다(이미 알면 아무것도 하지 않습니다). */
  void remoteJoined(String roomName, String key, String nickname) {
    ChatRoom room = rooms.get(roomName);
    if (room.nicknameOf(key).isEmpty()) {
      room.join(key, nickname);
      remote.add(roomName + "\n" + key);
      publish(room);
    }
  }

  void remoteLeft(String roomName, String key) {
    ChatRoom room = rooms.get(roomName);
    room.leave(key);
    remote.remove(roomName + "\n" + key);
    publish(room);
  }

  /** 브로커가 끊기면 다른 인스턴스의 퇴장 소식을 못 받으므로 그쪽 사람들을 지웁니다. 다시 붙은 페이지들이 다시 입장합니다. */
  void forgetRemote() {
    for (String entry : Set.copyOf(remote)) {
      String[] roomAndKey = entry.split("\n", 2);
      rooms.get(roomAndKey[0]).leave(roomAndKey[1]);
      remote.remove(entry);
    }
  }

  /**
   * 참여자 목록을 지금 보내고, {@link #RESEND} 뒤에 한 번 더 보냅니다. 브로커는 연결마다 따로 프레임을 처리하므로, 방금 들어온 사람의 SUBSCRIBE가
   * 등록되기 전에 다른 연결로 보낸 목록이 지나가 버릴 수 있습니다. 두 번째 목록은 그 사이에 들어온 사람까지 같은 목록을 갖게 합니다. 모든 인스턴스가 각자 보내므로,
   * 동시에 두 사람이 들어와도 마지막 목록은 모두 같습니다.
   */
  void publish(ChatRoom room) {
    send(room, null);
    publishLater(room);
  }

  /** 방금 들어온 사람의 브로커 연결로 먼저 보냅니다. 그 연결로 먼저 간 SUBSCRIBE 뒤에 도착하므로 본인은 목록을 놓치지 않습니다. */
  void publishTo(String sessionId, ChatRoom room) {
    send(room, sessionId);
    publishLater(room);
  }

  private void publishLater(ChatRoom room) {
    scheduler.schedule(() -> send(room, null), Instant.now().plus(RESEND));
  }

  /**
   * {@code members-version} 머리글은 보내는 순간의 {@link MessageIds} 번호입니다. 3장은 목록을 바꾼 JOIN/LEAVE의 id를 썼지만,
   * 여러 서버가 같은 변화를 각자 보내는 4장에서는 "가장 늦게 만든 목록"이 이겨야 하므로, 1초 뒤에 다시 보내는 목록이 언제나 가장 큰 번호를 갖습니다.
   */
  private void send(ChatRoom room, String sessionId) {
    SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
    headers.setNativeHeader(PresenceEvents.MEMBERS_VERSION, String.valueOf(ids.next()));
    headers.setSessionId(sessionId);
    headers.setLeaveMutable(true);
    try {
      messaging.convertAndSend(
          ChatController.topic(room.name()) + ".members",
          room.members(),
          headers.getMessageHeaders());
    } catch (MessagingException e) {
      // 브로커가 끊겼습니다. 다시 붙은 페이지들이 다시 입장하며 목록이 새로 만들어집니다.
    }
  }
}
