package com.example.chat;

import java.util.List;

/**
 * 참여자 목록 한 장: 방 이름, 그 방에 있는 사람들, 그리고 이 목록이 반영한 마지막 글의 id({@code version}).
 *
 * <p>목록은 들어온 사람에게 한 번만 보냅니다. 누가 들어오고 나갈 때마다 방 전체에 목록을 통째로 보내면, 1,000명이 한꺼번에 들어오는 동안 목록이 1,000개씩
 * 1,000번 오갑니다(사람 수의 제곱). 그 뒤의 변화는 모두가 이미 받는 JOIN·LEAVE 글에 들어 있습니다. 그래서 클라이언트는 이 목록에 {@code
 * version}보다 큰 id의 JOIN·LEAVE를 id 순서로 더하면 지금의 목록을 얻습니다. 실제 서비스라면 아주 큰 방의 목록은 나눠서 받겠지만, 이 예제에서는 한 번에
 * 보냅니다.
 */
record MemberList(String room, long version, List<String> members) {}
