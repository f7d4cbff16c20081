package com.example.lab;

import java.util.concurrent.CompletableFuture;

/**
 * 실험실의 가상 사용자 한 명. 전송 방식마다 구현이 하나씩 있고, 시나리오는 이 세 동작만 부릅니다.
 *
 * <p>{@link #join()}은 "방에 들어가 이후 메시지를 받을 준비가 끝났을 때" 완료됩니다(폴링은 첫 응답, WebSocket/STOMP는 내 JOIN 메시지가
 * 돌아왔을 때).
 */
interface LabClient {

  CompletableFuture<Void> join();

  /** 비동기로 보냅니다. 보낸 순간은 호출한 쪽이 장부에 이미 적었습니다. */
  void send(String content);

  CompletableFuture<Void> leave();

  /** 서버가 보낸 메시지 JSON 하나를 처리합니다: CHAT은 장부로, 내 JOIN은 입장 완료로. */
  static void dispatch(
      RowContext ctx, int index, String nickname, String json, CompletableFuture<Void> joined) {
    String type = Json.string(json, "type");
    if (type == null) {
      return;
    }
    switch (type) {
      case "CHAT" -> ctx.chat(index, Json.string(json, "content"));
      case "JOIN" -> {
        if (nickname.equals(Json.string(json, "sender"))) {
          joined.complete(null);
        }
      }
      case "ERROR" -> ctx.error(nickname + ": " + json);
      case "MEMBERS" -> ctx.lastMembers = Json.array(json, "members");
      default -> {
        // LEAVE, MEMBERS, WHISPER: 세지 않습니다.
      }
    }
  }
}
