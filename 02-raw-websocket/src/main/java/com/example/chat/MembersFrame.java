package com.example.chat;

import java.util.List;

/**
 * 참여자 목록 알림 {@code {"type":"MEMBERS","room":"lobby","version":7,"members":["민수","지영"]}}. 입장 직후 그
 * 사람에게만, 기록 다음에 한 번 보냅니다. 먼저 있던 사람들은 목록을 다시 받지 않고 이 사람의 JOIN으로 자기 목록을 고칩니다({@link MemberList}).
 *
 * <p>웹소켓에는 "누가 접속해 있나"(presence)라는 개념이 없어서, 이 앱이 JOIN과 연결 종료를 보고 직접 만들어 알립니다.
 */
record MembersFrame(String type, String room, long version, List<String> members) {

  static MembersFrame of(MemberList list) {
    return new MembersFrame("MEMBERS", list.room(), list.version(), list.members());
  }
}
