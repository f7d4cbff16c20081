package com.example.chat;

import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.broker.AbstractBrokerMessageHandler;
import org.springframework.messaging.simp.broker.BrokerAvailabilityEvent;
import org.springframework.messaging.simp.stomp.StompBrokerRelayMessageHandler;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * 인스턴스 여럿이 한 채팅방을 나눠 갖게 합니다: 이 인스턴스에서 생긴 방 메시지를 브로커의 {@code /topic/chat.cluster}로 모든 인스턴스에 알리고, 다른
 * 인스턴스가 알린 것을 받아 자기 기록({@link RoomHistory})과 참여자 목록에 더합니다.
 *
 * <p>브라우저는 방 주소를 브로커에서 직접 구독하므로 메시지 전달에는 이것이 필요 없습니다. 필요한 것은 각 인스턴스 메모리에 있는 기록(늦게 들어온 사람에게 줄 것)과
 * 참여자(목록, 귓속말 상대 확인)입니다. 다른 인스턴스의 사람은 {@code 출처/세션id}라는 멤버 키로 이 인스턴스의 {@link ChatRoom}에 넣습니다. 실제
 * 서비스라면 Redis/DB에 기록과 참여자를 두고 모든 인스턴스가 같은 곳을 읽겠지만, 이 예제에서는 설치할 것을 늘리지 않으려고 각 인스턴스가 브로커로 받은 사본을 메모리에
 * 둡니다. 그래서 나중에 켠 인스턴스는 켜진 뒤의 메시지만 압니다(참여자는 켜질 때 인사를 보내 받아 옵니다).
 */
@Component
class ChatCluster implements MessageHandler {

  static final String DESTINATION = "/topic/chat.cluster";
  private static final Logger log = LoggerFactory.getLogger(ChatCluster.class);

  private final String origin = UUID.randomUUID().toString();
  private final ClusterMembers members;
  private final RoomHistory history;
  private final MessageIds ids;
  private final SimpMessageSendingOperations messaging;
  private final JsonMapper json;
  private final TaskScheduler scheduler;

  ChatCluster(
      ClusterMembers members,
      RoomHistory history,
      MessageIds ids,
      SimpMessageSendingOperations messaging,
      JsonMapper json,
      @Lazy @Qualifier("messageBrokerTaskScheduler") TaskScheduler scheduler,
      @Qualifier("stompBrokerRelayMessageHandler") AbstractBrokerMessageHandler relay) {
    this.members = members;
    this.history = history;
    this.ids = ids;
    this.messaging = messaging;
    this.json = json;
    this.scheduler = scheduler;
    // 릴레이의 system 연결이 이 주소도 구독하게 합니다(연결이 다시 맺어질 때마다 다시 구독합니다).
    ((StompBrokerRelayMessageHandler) relay).getSystemSubscriptions().put(DESTINATION, this);
  }

  /** 이 인스턴스에서 생긴 메시지: 겹치지 않는 번호를 새로 매기고, 다른 인스턴스에 알린 뒤 기록합니다. */
  ChatMessage local(String memberKey, ChatMessage message) {
    ChatMessage stamped = stamp(message);
    switch (stamped.type()) {
      case JOIN -> members.localJoined(stamped.room(), memberKey);
      case LEAVE -> members.localLeft(stamped.room(), memberKey);
      default -> {}
    }
    try {
      messaging.convertAndSend(DESTINATION, new Event(Kind.MESSAGE, origin, memberKey, stamped));
    } catch (MessagingException e) {
      // 브로커가 막 끊겼습니다. 아무도 받지 못한 메시지는 기록하지 않고, 보낸 사람에게 알립니다.
      throw new ChatException(ChatError.Code.BROKER_UNAVAILABLE);
    }
    history.record(stamped);
    return stamped;
  }

  ChatMessage stamp(ChatMessage m) {
    return new ChatMessage(ids.next(), m.room(), m.type(), m.sender(), m.content(), m.sentAt());
  }

  /** 다른 인스턴스가 알린 소식(릴레이의 system 연결이 부릅니다). */
  @Override
  public void handleMessage(Message<?> message) throws MessagingException {
    Event event = json.readValue((byte[]) message.getPayload(), Event.class);
    if (origin.equals(event.origin())) {
      return;
    }
    String key = event.origin() + "/" + event.member();
    switch (event.kind()) {
      case HELLO -> members.here().forEach(here -> send(present(here)));
      case PRESENT -> members.remoteJoined(event.message().room(), key, event.message().sender());
      case MESSAGE -> apply(event.message(), key);
    }
  }

  private void apply(ChatMessage m, String key) {
    if (MessageIds.instanceOf(m.id()) == ids.instance()) {
      log.error("다른 인스턴스가 같은 번호 {}를 씁니다. chat.broker.instance-id를 서로 다르게 정하세요", ids.instance());
    }
    ids.observe(m.id());
    switch (m.type()) {
      case JOIN -> members.remoteJoined(m.room(), key, m.sender());
      case LEAVE -> members.remoteLeft(m.room(), key);
      default -> {}
    }
    history.record(m);
  }

  void publishMembers(ChatRoom room) {
    members.publish(room);
  }

  void publishMembersTo(String sessionId, ChatRoom room) {
    members.publishTo(sessionId, room);
  }

  /**
   * 새로 켜졌거나 브로커에 다시 붙은 인스턴스는 다른 인스턴스에 누가 있는지 모릅니다. 그래서 붙으면 인사(HELLO)를 보내고, 인사를 받은 인스턴스는 자기 쪽 사람들을
   * 알려 줍니다(PRESENT). 인사는 system 연결의 구독이 등록될 시간({@link ClusterMembers#RESEND})을 두고 보냅니다.
   */
  @EventListener
  void onBrokerAvailability(BrokerAvailabilityEvent event) {
    if (event.isBrokerAvailable()) {
      Event hello = new Event(Kind.HELLO, origin, null, null);
      scheduler.schedule(() -> send(hello), Instant.now().plus(ClusterMembers.RESEND));
    } else {
      members.forgetRemote();
    }
  }

  /**
   * 이 헤더를 붙여 보내면 릴레이가 system 연결 대신 그 세션의 브로커 연결로 보냅니다. 한 연결 안에서는 순서가 지켜지므로, 방금 그 세션이 보낸 SUBSCRIBE보다
   * 늦게 도착합니다.
   */
  static MessageHeaders viaSession(String sessionId) {
    SimpMessageHeaderAccessor accessor = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
    accessor.setSessionId(sessionId);
    accessor.setLeaveMutable(true);
    return accessor.getMessageHeaders();
  }

  private Event present(ClusterMembers.Here here) {
    ChatMessage joined =
        new ChatMessage(0, here.room(), ChatMessage.Type.JOIN, here.nickname(), "", Instant.now());
    return new Event(Kind.PRESENT, origin, here.member(), joined);
  }

  private void send(Event event) {
    try {
      messaging.convertAndSend(DESTINATION, event);
    } catch (MessagingException e) {
      // 브로커가 끊겼습니다. 다시 붙으면 인사부터 다시 합니다.
    }
  }

  /** 인스턴스끼리 주고받는 소식의 종류: 방 메시지, 인사(누구 있어요?), 대답(여기 이 사람이 있어요). */
  enum Kind {
    MESSAGE,
    HELLO,
    PRESENT
  }

  /** 인스턴스끼리 주고받는 소식: 누가(origin) 어느 연결(member)의 무엇을 알리는가. */
  record Event(Kind kind, String origin, String member, ChatMessage message) {}
}
