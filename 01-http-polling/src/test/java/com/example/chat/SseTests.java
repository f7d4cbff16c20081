package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.chat.ChatHttp.Member;
import com.example.chat.EventStream.Event;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Server-Sent Events({@code GET /api/rooms/{room}/events}): 진짜 서버에 스트림을 열어 두고 받은 이벤트를 봅니다. 퇴장을 빨리
 * 보려고 presence-timeout은 2초, keep-alive는 0.5초로 줄였습니다.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "chat.polling.long-poll-hold=1s",
      "chat.polling.presence-timeout=2s",
      "chat.polling.sweep-interval=200ms",
      "chat.polling.sse-keep-alive=500ms"
    })
class SseTests {

  @LocalServerPort int port;
  @Autowired SseStreams streams;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  @DisplayName("SSE로 듣는 사람은 남이 보낸 글을 곧바로 이벤트로 받고, 이벤트 id는 메시지 id다")
  void messagesArriveAsEvents() throws Exception {
    ChatHttp chat = new ChatHttp(port);
    Member minsu = chat.join("sse", "민수");
    Member jiyoung = chat.join("sse", "지영");
    // given: 민수가 스트림을 연다(처음부터: 두 JOIN이 먼저 온다)
    try (EventStream stream =
        EventStream.open(http, port, "sse/events?token=" + minsu.token(), null)) {
      assertThat(stream.status()).isEqualTo(200);
      assertThat(stream.contentType()).startsWith("text/event-stream");
      stream.next();
      stream.next();

      // when: 지영이 보낸다(보내기는 폴링과 같은 POST)
      chat.say(jiyoung, "SSE로 가나요?");

      // then
      Event event = stream.next();
      assertThat(event.data().path("content").asString()).isEqualTo("SSE로 가나요?");
      assertThat(event.data().path("sender").asString()).isEqualTo("지영");
      assertThat(event.id()).isEqualTo(event.data().path("id").asLong());
    }
  }

  @Test
  @DisplayName("Last-Event-ID를 실어 다시 붙으면 그 뒤의 메시지만 받는다(끊긴 동안 놓친 것)")
  void lastEventIdReplaysWhatWasMissed() throws Exception {
    ChatHttp chat = new ChatHttp(port);
    Member minsu = chat.join("replay", "민수");
    chat.say(minsu, "첫째");
    chat.say(minsu, "둘째");
    chat.say(minsu, "셋째");
    // when: 브라우저가 id 2까지 받은 채 끊겼다가 다시 붙는다
    try (EventStream stream =
        EventStream.open(http, port, "replay/events?token=" + minsu.token(), "2")) {
      // then: 3(둘째)부터 받는다
      assertThat(stream.next().data().path("content").asString()).isEqualTo("둘째");
      assertThat(stream.next().data().path("content").asString()).isEqualTo("셋째");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "모르는 토큰, bad/events?token=no-such-token, , 401",
    "규칙 밖 방 이름, Bad%20Room/events, , 400",
    "숫자가 아닌 Last-Event-ID, bad/events, abc, 400",
    "아직 없는 Last-Event-ID(미래), bad/events, 999, 400"
  })
  @DisplayName("잘못된 SSE 요청은 스트림을 열지 않고 4xx로 답한다(EventSource는 다시 붙지 않습니다)")
  void badRequestsGet4xx(String kind, String query, String lastEventId, int status)
      throws Exception {
    new ChatHttp(port).join("bad", "민수");
    try (EventStream stream = EventStream.open(http, port, query, lastEventId)) {
      assertThat(stream.status()).as(kind).isEqualTo(status);
    }
    assertThat(streams.count("bad")).isZero();
  }

  @Test
  @DisplayName("잘못된 Last-Event-ID에는 한국어 까닭을 JSON으로 답한다(curl이나 fetch로 읽을 때)")
  void badLastEventIdExplainsInKorean() {
    ChatHttp chat = new ChatHttp(port);
    chat.join("why", "민수");
    ChatHttp.Reply reply = chat.requestWithHeader("GET", "why/events", "Last-Event-ID", "abc");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().path("code").asString()).isEqualTo("BAD_LAST_EVENT_ID");
    assertThat(reply.body().path("content").asString()).startsWith("Last-Event-ID는");
  }

  @Test
  @DisplayName("스트림을 열어 둔 사람은 조용해도 방에 남고, 스트림이 닫히면 LEAVE와 함께 나간다")
  void closedStreamLeaves() throws Exception {
    ChatHttp chat = new ChatHttp(port);
    Member minsu = chat.join("presence", "민수");
    Member jiyoung = chat.join("presence", "지영");
    EventStream stream =
        EventStream.open(http, port, "presence/events?token=" + jiyoung.token(), null);

    // when: presence-timeout(2초)보다 오래 스트림만 열어 둔다. 그동안 민수는 폴링으로 "아직 있음"을 알린다
    Awaitility.await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(5))
        .until(
            () -> {
              chat.poll("presence", 0, minsu.token());
              return chat.members("presence").contains("지영");
            });

    // when: 지영의 스트림이 닫힌다(탭을 닫음)
    stream.close();

    // then: presence-timeout 뒤에 지영의 LEAVE가 남는다
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                chat.poll("presence", 0, minsu.token())
                    .body()
                    .valueStream()
                    .anyMatch(
                        m ->
                            "LEAVE".equals(m.path("type").asString())
                                && "지영".equals(m.path("sender").asString())));
  }

  @Test
  @DisplayName("스트림 1,000개가 열려 있어도 요청 스레드를 붙잡지 않아, 서버는 다른 요청에 곧바로 답한다")
  void thousandIdleStreamsHoldNoThreads() throws Exception {
    ChatHttp chat = new ChatHttp(port);
    int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
    List<EventStream> crowd = new ArrayList<>();
    try {
      // given: 구경꾼 스트림 1,000개(Tomcat의 요청 스레드는 기본 200개)
      HttpClient many = HttpClient.newHttpClient();
      for (int i = 0; i < 1000; i++) {
        crowd.add(EventStream.open(many, port, "crowd/events", null));
      }
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> streams.count("crowd") == 1000);

      // when: 그 와중에 민수가 들어와 보낸다
      Member minsu = chat.join("crowd", "민수");
      assertThat(chat.say(minsu, "다 받나요?").status()).isEqualTo(201);

      // then: 1,000개 모두 받고, 이 JVM의 스레드는 스트림 수만큼 늘지 않았다
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  crowd.stream()
                      .allMatch(
                          stream ->
                              stream.events.stream()
                                  .anyMatch(
                                      e -> "다 받나요?".equals(e.data().path("content").asString()))));
      int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
      System.out.printf(
          "sse.threads before=%d after=%d streams=1000%n", threadsBefore, threadsAfter);
      assertThat(threadsAfter - threadsBefore).isLessThan(1000);
    } finally {
      crowd.forEach(EventStream::close);
    }
  }
}
