package com.example.chat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * 관리자가 방에서 내보낸 사람들. 내보낸 사람은 그 방을 다시 구독하거나 그 방에 보낼 수 없습니다({@link MessageSecurityConfig}의 규칙).
 *
 * <p>실제 서비스라면 방의 다른 상태와 함께 데이터베이스에 두고 기간이나 해제 기능을 두겠지만, 이 예제에서는 서버가 켜져 있는 동안만 기억합니다.
 */
@Component
class RoomBans {

  private final Set<String> banned = ConcurrentHashMap.newKeySet();

  void ban(String room, String displayName) {
    banned.add(room + "\n" + displayName);
  }

  boolean isBanned(String room, String displayName) {
    return banned.contains(room + "\n" + displayName);
  }
}
