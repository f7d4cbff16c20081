package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.chat.ChatHttp.Member;
import com.example.chat.ChatHttp.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 긴 폴링 수십 개가 기다리는 동안 여러 사람이 한꺼번에 보내도, 메시지를 잃거나 두 번 주지 않는지 확인합니다.
 *
 * <p>붙잡는 시간을 2분으로 늘려 둡니다. 깨우기를 하나라도 놓치면 그 요청은 2분 동안 답이 없으므로, 아래의 1분 제한 안에 끝나지 못하고 실패합니다(시간 초과 응답이
 * 놓친 메시지를 뒤늦게 건져 주는 일이 없습니다).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "chat.polling.long-poll-hold=120s",
      "chat.polling.presence-timeout=180s",
      "spring.mvc.async.request-timeout=180s",
      "chat.limits.messages-per-second=100000",
      "chat.limits.history-size=10000"
    })
class LongPollConcurrencyTests {

  private static final String ROOM = "race";
  private static final int POLLERS = 24;
  private static final int POSTERS = 12;
  private static final int MESSAGES_EACH = 20;
  private static final long TOTAL = POSTERS + (long) POSTERS * MESSAGES_EACH; // JOIN + CHAT

  @LocalServerPort int port;
  @Autowired LongPollWaiters waiters;

  @Test
  @DisplayName("긴 폴링 24개가 기다리는 동안 12명이 동시에 240개를 보내도, 모두가 모든 메시지를 한 번씩 순서대로 받는다")
  void noMessageLostOrDuplicated() throws Exception {
    // given: 24명이 긴 폴링으로 기다린다
    ChatHttp http = new ChatHttp(port);
    ExecutorService pool = Executors.newFixedThreadPool(POLLERS + POSTERS);
    Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
    List<Future<List<Long>>> pollers = new ArrayList<>();
    for (int i = 0; i < POLLERS; i++) {
      pollers.add(pool.submit(() -> receiveAll(http, deadline)));
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> waiters.waiting(ROOM) == POLLERS);

    // when: 12명이 신호에 맞춰 한꺼번에 입장하고 20개씩 보낸다
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Set<String>>> posters = new ArrayList<>();
    for (int p = 0; p < POSTERS; p++) {
      int poster = p;
      posters.add(pool.submit(() -> post(http, start, poster)));
    }
    start.countDown();
    Set<String> sent = new HashSet<>();
    for (Future<Set<String>> poster : posters) {
      sent.addAll(poster.get(60, TimeUnit.SECONDS));
    }

    // then: 저장은 빈틈없이 1..TOTAL, 그리고 기다리던 모두가 정확히 그 순서대로 한 번씩 받았다
    List<Long> expected = LongStream.rangeClosed(1, TOTAL).boxed().toList();
    Reply stored = http.poll(ROOM, 0, null);
    assertThat(stored.ids()).isEqualTo(expected);
    Set<String> storedChats = new HashSet<>();
    stored.body().forEach(m -> storedChats.add(m.get("content").asString()));
    assertThat(storedChats).containsAll(sent);
    for (Future<List<Long>> poller : pollers) {
      assertThat(poller.get(70, TimeUnit.SECONDS)).isEqualTo(expected);
    }
    pool.shutdown();
  }

  /** 받은 id를 모두 기록하며 마지막 id까지 긴 폴링을 되풀이합니다. */
  private static List<Long> receiveAll(ChatHttp http, Instant deadline) {
    List<Long> received = new ArrayList<>();
    long after = 0;
    while (after < TOTAL && Instant.now().isBefore(deadline)) {
      Reply reply = http.longPoll(ROOM, after, null);
      assertThat(reply.status()).isEqualTo(200);
      received.addAll(reply.ids());
      if (!received.isEmpty()) {
        after = received.get(received.size() - 1);
      }
    }
    return received;
  }

  private static Set<String> post(ChatHttp http, CountDownLatch start, int poster)
      throws InterruptedException {
    start.await();
    Member member = http.join(ROOM, "보내는이" + poster);
    Set<String> sent = new HashSet<>();
    for (int i = 0; i < MESSAGES_EACH; i++) {
      String content = poster + "-" + i;
      assertThat(http.say(member, content).status()).isEqualTo(201);
      sent.add(content);
    }
    return sent;
  }
}
