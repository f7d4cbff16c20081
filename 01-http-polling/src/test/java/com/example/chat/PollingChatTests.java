package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.chat.ChatHttp.Member;
import com.example.chat.ChatHttp.Reply;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** 두 사람이 실제 HTTP로 대화합니다: 입장, 보내기, 짧은/긴 폴링으로 받기, 퇴장. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PollingChatTests {

  @LocalServerPort int port;
  @Autowired LongPollWaiters waiters;

  @Test
  @DisplayName("입장하면 201과 토큰·닉네임을 받고, 방에 JOIN이 남고 참여자 목록에 보인다")
  void joinReturnsTokenAndRecordsJoin() {
    ChatHttp http = new ChatHttp(port);

    // when: 민수가 앞뒤 공백이 있는 이름으로 입장한다
    Reply reply =
        http.request("POST", "join-room/members", null, ChatHttp.json("nickname", " 민수 "));

    // then: 토큰과 다듬어진 닉네임, JOIN 기록, 참여자 목록
    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.body().get("token").asString()).hasSizeGreaterThan(30);
    assertThat(reply.body().get("nickname").asString()).isEqualTo("민수");
    Reply history = http.poll("join-room", 0, null);
    assertThat(history.body().get(0).get("type").asString()).isEqualTo("JOIN");
    assertThat(history.body().get(0).get("sender").asString()).isEqualTo("민수");
    assertThat(http.members("join-room")).containsExactly("민수");
  }

  @Test
  @DisplayName("참여자 목록에는 그 목록이 반영한 마지막 글의 id(version)가 붙어, 페이지가 그 뒤의 JOIN·LEAVE만 더하면 된다")
  void memberListCarriesVersion() {
    ChatHttp http = new ChatHttp(port);

    // given: 민수와 지영이 차례로 들어왔다
    http.join("version-room", "민수");
    http.join("version-room", "지영");

    // when: 목록을 묻는다
    Reply list = http.request("GET", "version-room/members", null, null);

    // then: 두 사람과, 마지막 글(지영의 JOIN)의 id가 온다
    Reply history = http.poll("version-room", 0, null);
    JsonNode last = history.body().get(history.body().size() - 1);
    assertThat(last.get("sender").asString()).isEqualTo("지영");
    assertThat(list.body().get("room").asString()).isEqualTo("version-room");
    assertThat(list.body().get("version").asLong()).isEqualTo(last.get("id").asLong());
    assertThat(http.members("version-room")).containsExactly("민수", "지영");
  }

  @Test
  @DisplayName("한 사람이 보낸 메시지를 다른 사람이 짧은 폴링으로 받고, 그다음 폴링은 빈 배열이다")
  void shortPollReceivesMessage() {
    // given: 민수와 지영이 입장했고 지영은 지금까지의 기록을 받았다
    ChatHttp http = new ChatHttp(port);
    Member minsu = http.join("short-room", "민수");
    Member jiyoung = http.join("short-room", "지영");
    long seen = http.poll("short-room", 0, jiyoung.token()).ids().get(1);

    // when: 민수가 말한다
    Reply sent = http.say(minsu, "안녕하세요");

    // then: 201로 저장된 메시지를 받고, 지영의 다음 폴링에 그것만 온다
    assertThat(sent.status()).isEqualTo(201);
    assertThat(sent.body().get("sender").asString()).isEqualTo("민수");
    assertThat(sent.body().get("sentAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    Reply received = http.poll("short-room", seen, jiyoung.token());
    assertThat(received.status()).isEqualTo(200);
    assertThat(received.body()).hasSize(1);
    assertThat(received.body().get(0).get("content").asString()).isEqualTo("안녕하세요");
    assertThat(received.body().get(0).get("id").asLong()).isEqualTo(sent.body().get("id").asLong());
    long last = received.ids().get(0);
    assertThat(http.poll("short-room", last, jiyoung.token()).body()).isEmpty();
  }

  @Test
  @DisplayName("보낸 사람 이름은 본문이 아니라 토큰에 묶인 닉네임으로 서버가 찍는다")
  void senderComesFromToken() {
    // given
    ChatHttp http = new ChatHttp(port);
    Member minsu = http.join("spoof-room", "민수");

    // when: 본문에 다른 사람 이름을 끼워 보낸다
    Reply sent =
        http.request(
            "POST",
            "spoof-room/messages",
            minsu.token(),
            "{\"content\":\"제가 관리자입니다\",\"sender\":\"관리자\",\"id\":999}");

    // then
    assertThat(sent.status()).isEqualTo(201);
    assertThat(sent.body().get("sender").asString()).isEqualTo("민수");
    assertThat(sent.body().get("id").asLong()).isEqualTo(2);
  }

  @Test
  @DisplayName("긴 폴링은 기다리다가 다른 사람이 메시지를 저장하자마자 그 메시지로 답한다")
  void longPollIsWokenByNewMessage() throws Exception {
    // given: 지영이 긴 폴링으로 기다리고 있다
    ChatHttp http = new ChatHttp(port);
    Member minsu = http.join("long-room", "민수");
    Member jiyoung = http.join("long-room", "지영");
    long seen = http.poll("long-room", 0, jiyoung.token()).ids().get(1);
    CompletableFuture<Reply> waiting =
        CompletableFuture.supplyAsync(() -> http.longPoll("long-room", seen, jiyoung.token()));
    await().atMost(Duration.ofSeconds(10)).until(() -> waiters.waiting("long-room") == 1);
    assertThat(waiting).isNotDone();

    // when: 민수가 말한다
    http.say(minsu, "지금 보여요?");

    // then: 기다리던 요청이 붙잡는 시간(25초)을 다 채우지 않고 그 메시지로 끝난다
    Reply received = waiting.get(10, TimeUnit.SECONDS);
    assertThat(received.status()).isEqualTo(200);
    assertThat(received.body()).hasSize(1);
    assertThat(received.body().get(0).get("content").asString()).isEqualTo("지금 보여요?");
    await().atMost(Duration.ofSeconds(5)).until(() -> waiters.waiting("long-room") == 0);
  }

  @Test
  @DisplayName("긴 폴링은 이미 새 메시지가 있으면 기다리지 않고 곧바로 답한다")
  void longPollAnswersAtOnceWhenBehind() {
    // given
    ChatHttp http = new ChatHttp(port);
    Member minsu = http.join("behind-room", "민수");
    http.say(minsu, "하나");

    // when: 처음부터(after=0) 묻는다
    Reply reply = http.longPoll("behind-room", 0, null);

    // then
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.ids()).containsExactly(1L, 2L);
  }

  @Test
  @DisplayName("퇴장하면 204, LEAVE가 남아 상대의 폴링에 보이고, 참여자 목록에서 빠지며, 그 토큰으로는 더 말할 수 없다")
  void leaveRecordsLeaveAndInvalidatesToken() {
    // given
    ChatHttp http = new ChatHttp(port);
    Member minsu = http.join("leave-room", "민수");
    Member jiyoung = http.join("leave-room", "지영");
    long seen = http.poll("leave-room", 0, jiyoung.token()).ids().get(1);

    // when: 민수가 퇴장한다
    Reply left = http.leave(minsu);

    // then
    assertThat(left.status()).isEqualTo(204);
    Reply received = http.poll("leave-room", seen, jiyoung.token());
    assertThat(received.body().get(0).get("type").asString()).isEqualTo("LEAVE");
    assertThat(received.body().get(0).get("sender").asString()).isEqualTo("민수");
    assertThat(http.members("leave-room")).containsExactly("지영");
    Reply afterLeave = http.say(minsu, "아직 있어요");
    assertThat(afterLeave.status()).isEqualTo(401);
    assertThat(afterLeave.code()).isEqualTo("UNKNOWN_MEMBER");
  }
}
