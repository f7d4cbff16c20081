package com.example.chat;

import java.util.List;

/**
 * 참여자 목록 알림 {@code {"type":"MEMBERS","members":["민수","지영"]}}. 입장 직후 그 사람에게, 그리고 누가 들어오고 나갈 때마다 방의
 * 모두에게 보냅니다.
 *
 * <p>웹소켓에는 "누가 접속해 있나"(presence)라는 개념이 없어서, 이 앱이 JOIN과 연결 종료를 보고 직접 만들어 알립니다.
 */
record MembersFrame(String type, List<String> members) {

  static MembersFrame of(ChatRoom room) {
    return new MembersFrame("MEMBERS", room.members());
  }
}
