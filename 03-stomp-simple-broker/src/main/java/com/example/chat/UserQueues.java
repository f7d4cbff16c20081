package com.example.chat;

import java.util.Set;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.user.SimpSession;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.stereotype.Component;

/**
 * 한 사람의 개인 큐({@code /user/queue/...})로 보냅니다. 그 사람이 탭을 여러 개 열었으면 연결마다 따로 한 통씩 보냅니다.
 *
 * <p>그냥 {@code convertAndSendToUser}를 쓰면 탭 두 개 중 두 번째 탭이 귓속말을 받지 못합니다. 받는 순서를 지키는 설정({@code
 * setPreserveReceiveOrder(true)})을 켜 두면, 스프링 7.0.10의 {@code UserDestinationMessageHandler}는 같은 메시지
 * 객체를 연결마다 차례로 순서 채널에 넘기는데, 첫 연결로 넘길 때 헤더가 잠겨 두 번째부터 "Expected mutable SimpMessageHeaderAccessor"로
 * 버려집니다 (spring-framework#31395가 들인 순서 처리). 연결 id를 붙인 메시지는 그 연결 하나로만 풀리므로 매번 새 헤더로 보내면 잠길 일이 없습니다.
 * 이 서버가 모르는 사람(4장에서 다른 인스턴스에 붙은 사람)에게는 그대로 보내, 스프링이 다른 인스턴스로 넘기게 합니다. 실제 서비스라면 스프링이 고친 판으로 올리고 이
 * 클래스를 지우겠지만, 이 예제에서는 7.0.10에서 동작하도록 둡니다.
 */
@Component
class UserQueues {

  /** 세션마다 하나씩 있는 자기 큐. 구독하면 스프링이 이 세션의 큐로 바꿔 줍니다. */
  static final Set<String> OWN_QUEUES =
      Set.of(
          "/user/queue/errors",
          "/user/queue/whispers",
          "/user/queue/history",
          "/user/queue/members");

  private final SimpMessageSendingOperations messaging;
  private final SimpUserRegistry users;

  UserQueues(SimpMessageSendingOperations messaging, SimpUserRegistry users) {
    this.messaging = messaging;
    this.users = users;
  }

  void send(String user, String destination, Object payload) {
    SimpUser known = users.getUser(user);
    if (known == null || known.getSessions().size() < 2) {
      messaging.convertAndSendToUser(user, destination, payload);
      return;
    }
    for (SimpSession session : known.getSessions()) {
      sendToSession(user, session.getId(), destination, payload);
    }
  }

  /** 그 사람의 연결 하나({@code sessionId})에만 보냅니다. 예: 잘못 보낸 탭에만 가는 오류. */
  void sendToSession(String user, String sessionId, String destination, Object payload) {
    messaging.convertAndSendToUser(
        user, destination, payload, toSession(sessionId).getMessageHeaders());
  }

  /**
   * 연결 하나로 가는 메시지의 헤더. 4장의 릴레이는 이 헤더가 붙은 메시지를 system 연결 대신 그 연결의 브로커 연결로 보내므로({@code null}이면 system
   * 연결), 그 연결이 먼저 보낸 SUBSCRIBE보다 늦게 도착합니다. 헤더를 더 붙일 수 있게 고칠 수 있는 채로 돌려줍니다.
   */
  static SimpMessageHeaderAccessor toSession(String sessionId) {
    SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
    headers.setSessionId(sessionId);
    headers.setLeaveMutable(true);
    return headers;
  }
}
