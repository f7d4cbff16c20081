package com.example.chat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;

/**
 * 페이지({@code chat-ui.js})와 같은 규칙으로 한 방의 참여자 목록을 만듭니다: 들어올 때 받은 {@link MemberList}에, 그 {@code
 * version}보다 큰 id의 JOIN·LEAVE를 id 순서로 더합니다. 목록이 바뀔 때마다 지금의 목록을 큐에 넣으므로, 시험은 페이지가 그릴 목록을 그대로 봅니다.
 */
final class Roster {

  private final String room;
  private final BlockingQueue<String[]> lists;
  private final TreeMap<Long, ChatMessage> changes = new TreeMap<>();
  private List<String> base;
  private long version;

  Roster(String room, BlockingQueue<String[]> lists) {
    this.room = room;
    this.lists = lists;
  }

  synchronized void snapshot(MemberList list) {
    if (!list.room().equals(room)) {
      return;
    }
    base = new ArrayList<>(list.members());
    version = list.version();
    changes.headMap(version, true).clear();
    publish();
  }

  synchronized void message(ChatMessage message) {
    boolean presence =
        message.type() == ChatMessage.Type.JOIN || message.type() == ChatMessage.Type.LEAVE;
    if (!presence || message.id() <= version) {
      return;
    }
    changes.put(message.id(), message);
    if (base != null) {
      publish();
    }
  }

  private void publish() {
    Set<String> names = new LinkedHashSet<>(base);
    for (ChatMessage change : changes.values()) {
      if (change.type() == ChatMessage.Type.JOIN) {
        names.add(change.sender());
      } else {
        names.remove(change.sender());
      }
    }
    lists.add(names.toArray(String[]::new));
  }
}
