package com.example.lab;

import java.util.function.IntConsumer;
import java.util.regex.Pattern;

/**
 * 받은 메시지가 참여자 목록인지, 누구의 JOIN이 들어 있는지 가립니다(입장 폭주 측정).
 *
 * <p>참여자 목록은 두 모양입니다. 2장은 {@code "type":"MEMBERS"} 프레임, 3·4장은 참여자 주소로 온 STOMP MESSAGE입니다. 바뀌기 전에는 방
 * 전체의 {@code /topic/rooms.{방}.members}로, 바뀐 뒤에는 들어온 사람에게만 {@code /user/queue/members}로 옵니다. 둘 다 세므로
 * 같은 실험실로 앞뒤를 잴 수 있습니다.
 */
final class StormFrames {

  private static final Pattern MEMBER_TOPIC = Pattern.compile("/topic/rooms\\.[^.]*\\.members");
  static final String MEMBER_QUEUE = "/user/queue/members";

  private StormFrames() {}

  /** 2장: 프레임의 type이 MEMBERS인지. */
  static boolean rawMemberList(String json) {
    return "MEMBERS".equals(Json.string(json, "type"));
  }

  /** 3·4장: 참여자 목록 주소로 온 MESSAGE인지. */
  static boolean stompMemberList(StompFrame frame) {
    String destination = frame.header("destination");
    return "MESSAGE".equals(frame.command())
        && destination != null
        && (destination.equals(MEMBER_QUEUE) || MEMBER_TOPIC.matcher(destination).matches());
  }

  /** 메시지 하나(객체) 또는 기록(객체 배열) 안의 JOIN마다 보낸 사람의 번호를 알려 줍니다. 실험실 닉네임({@code user0042})이 아니면 건너뜁니다. */
  static void joins(String json, IntConsumer senders) {
    String trimmed = json.strip();
    if (trimmed.startsWith("[")) {
      for (String message : Json.objects(trimmed)) {
        join(message, senders);
      }
    } else {
      join(trimmed, senders);
    }
  }

  private static void join(String message, IntConsumer senders) {
    if ("JOIN".equals(Json.string(message, "type"))) {
      int index = senderIndex(Json.string(message, "sender"));
      if (index >= 0) {
        senders.accept(index);
      }
    }
  }

  /** 참여자 목록(2장 MEMBERS 프레임, 3·4장 본문) 안의 실험실 닉네임마다 번호를 알려 줍니다. */
  static void members(String json, IntConsumer members) {
    for (String name : Json.strings(json)) {
      int index = senderIndex(name);
      if (index >= 0) {
        members.accept(index);
      }
    }
  }

  /** {@link Row#nickname}(ASCII)의 번호. 아니면 -1. */
  static int senderIndex(String nickname) {
    if (nickname == null || !nickname.startsWith("user")) {
      return -1;
    }
    try {
      return Integer.parseInt(nickname.substring(4));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
