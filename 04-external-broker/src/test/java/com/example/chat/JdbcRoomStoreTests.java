package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL에 둔 방의 상태를 인스턴스 여럿이 함께 쓸 때의 규칙. 저장소 객체 하나가 인스턴스 하나이고(켤 때마다 새 인스턴스 id), 모두 같은 스키마를
 * 씁니다({@link TestRoomStores}).
 */
class JdbcRoomStoreTests {

  private final ChatLimits limits = new ChatLimits(100, 20, 1000, 100, 10);
  private final DataSource database = TestRoomStores.freshSchema();
  private final ChatRoom onA = room(TestRoomStores.store(database, limits));
  private final ChatRoom onB = room(TestRoomStores.store(database, limits));

  private ChatRoom room(RoomStore store) {
    return new ChatRoom("lobby", limits, Clock.systemUTC(), store);
  }

  @Test
  @DisplayName("두 인스턴스가 번갈아 써도 방의 번호는 데이터베이스가 1, 2, 3…으로 매긴다")
  void idsComeFromTheDatabaseInOneSequence() {
    // given: 민수는 A, 지영은 B에서 들어왔다
    onA.join("a-1", "민수");
    onB.join("b-1", "지영");

    // when: 번갈아 보낸다
    for (int i = 0; i < 3; i++) {
      onA.post("a-1", "A " + i);
      onB.post("b-1", "B " + i);
    }

    // then: 어느 인스턴스에서 읽어도 같은 기록, 빈틈없는 번호
    assertThat(onB.history())
        .extracting(ChatMessage::id)
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    assertThat(onA.history()).isEqualTo(onB.history());
  }

  @Test
  @DisplayName("따옴표와 '; DROP TABLE이 든 닉네임과 글은 글자 그대로 저장되고 테이블은 그대로다")
  void sqlLookingInputIsStoredAsText() {
    // given: SQL처럼 보이는 닉네임과 글
    String nickname = "'); DROP TABLE m;--";
    String content = "'); DROP TABLE chat_message; -- \" \\ 안녕";

    // when: 그 이름으로 들어와 말한다
    onA.join("a-1", nickname);
    onA.post("a-1", content);

    // then: 다른 인스턴스가 읽어도 글자 그대로다
    ChatMessage last = onB.history().get(1);
    assertThat(last.sender()).isEqualTo(nickname);
    assertThat(last.content()).isEqualTo(content);
    assertThat(onB.members()).containsExactly(nickname);
    // then: 테이블은 모두 남아 있다
    assertThat(
            JdbcClient.create(database)
                .sql(
                    "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()")
                .query(Long.class)
                .single())
        .isEqualTo(4);
  }

  @Test
  @DisplayName("SQL이 든 방 이름은 SQL에 닿기 전에 INVALID_ROOM으로 거절된다")
  void sqlLookingRoomNameNeverReachesTheDatabase() {
    // given: 방 이름 검사는 ChatRooms가 합니다
    ChatRooms rooms = new ChatRooms(limits, TestRoomStores.store(database, limits));

    // when / then
    assertThatThrownBy(() -> rooms.get("lobby'; DROP TABLE chat_room; --"))
        .isInstanceOf(ChatException.class)
        .extracting(e -> ((ChatException) e).code())
        .isEqualTo(ChatError.Code.INVALID_ROOM);
  }

  @Test
  @DisplayName("인스턴스를 모두 새로 켜도(새 저장소 객체) 기록과 번호가 이어진다")
  void historySurvivesNewInstances() {
    // given: A에서 두 글이 오갔다
    onA.join("a-1", "민수");
    onA.post("a-1", "하나");

    // when: A와 B를 버리고 새 인스턴스 C를 켠다
    ChatRoom onC = room(TestRoomStores.store(database, limits));

    // then: C는 기록을 주고, 다음 번호를 잇는다
    assertThat(onC.history()).extracting(ChatMessage::content).endsWith("하나");
    onC.join("c-1", "지영");
    assertThat(onC.history()).extracting(ChatMessage::id).containsExactly(1L, 2L, 3L);
  }

  @Test
  @DisplayName("한 닉네임이 두 인스턴스에 탭을 열어도 한 사람이고, 한쪽을 닫아도 LEAVE가 없다")
  void twoTabsOnTwoInstancesAreOneMember() {
    // given: 민수가 A와 B에 탭을 하나씩 열었다
    onA.join("a-1", "민수");
    onB.join("b-1", "민수");

    // then: 목록에는 한 번만 있다
    assertThat(onA.members()).containsExactly("민수");

    // when: A의 탭을 닫는다 / then: 아직 B에 있으므로 LEAVE가 없다
    assertThat(onA.leave("a-1")).isEmpty();
    assertThat(onB.members()).containsExactly("민수");

    // when: B의 탭도 닫는다 / then: 이제 LEAVE가 한 번 남는다
    assertThat(onB.leave("b-1")).map(ChatMessage::type).contains(ChatMessage.Type.LEAVE);
    assertThat(onA.members()).isEmpty();
  }

  @Test
  @DisplayName("빈 데이터베이스에 두 인스턴스가 동시에 켜져 여럿이 한꺼번에 들어와도 오류 없이 모두 들어온다")
  void instancesStartingTogetherOnAnEmptyDatabaseCollideOnNothing() throws Exception {
    // given: 테이블이 아직 없는 새 스키마와, 그 위에 막 켜진 인스턴스 둘
    DataSource empty = TestRoomStores.freshSchema();
    List<ChatRoom> instances =
        List.of(
            room(TestRoomStores.store(empty, limits)), room(TestRoomStores.store(empty, limits)));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<ChatMessage>> joins = new ArrayList<>();
    try {
      // when: 여덟 명이 두 인스턴스에 나뉘어 같은 순간에 들어온다(첫 요청이 스키마를 만듭니다)
      for (int i = 0; i < 8; i++) {
        ChatRoom instance = instances.get(i % 2);
        String key = "key-" + i;
        String nickname = "손님" + i;
        joins.add(
            pool.submit(
                () -> {
                  start.await();
                  return instance.join(key, nickname);
                }));
      }
      start.countDown();

      // then: 모두 입장했고(STORE_UNAVAILABLE 없음), 번호는 1..8이다
      List<Long> ids = new ArrayList<>();
      for (Future<ChatMessage> join : joins) {
        ids.add(join.get(30, TimeUnit.SECONDS).id());
      }
      assertThat(ids).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    } finally {
      pool.shutdownNow();
    }
  }
}
