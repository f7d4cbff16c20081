package com.example.chat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 테스트용 SSE 클라이언트 하나: {@code GET /events}를 열어 두고, 받은 이벤트({@code id:}와 {@code data:})를 {@link
 * BlockingQueue}에 모읍니다. 브라우저의 {@code EventSource}처럼 {@code Last-Event-ID}를 실어 열 수 있습니다. 줄이 올 때마다
 * 불리는 구독자로 읽으므로 스트림 천 개를 열어도 테스트 쪽 스레드가 스트림마다 늘지 않습니다.
 */
final class EventStream implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** 받은 이벤트 하나. {@code data}는 메시지 JSON입니다. */
  record Event(long id, JsonNode data) {}

  final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final CompletableFuture<HttpResponse.ResponseInfo> head = new CompletableFuture<>();
  private volatile Flow.Subscription subscription;
  private long id = -1;

  /** 스트림을 열고 응답 머리(상태와 머리글)까지 기다립니다. 서버가 4xx로 답하면 {@link #status}로 알 수 있습니다. */
  static EventStream open(HttpClient http, int port, String query, String lastEventId)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/rooms/" + query))
            .header("Accept", "text/event-stream");
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    EventStream stream = new EventStream();
    http.sendAsync(
        request.build(),
        info -> {
          stream.head.complete(info);
          return HttpResponse.BodySubscribers.fromLineSubscriber(stream.new Lines());
        });
    stream.head.get(10, TimeUnit.SECONDS);
    return stream;
  }

  int status() {
    return head.join().statusCode();
  }

  String contentType() {
    return head.join().headers().firstValue("Content-Type").orElse("");
  }

  Event next() throws InterruptedException {
    Event event = events.poll(10, TimeUnit.SECONDS);
    if (event == null) {
      throw new AssertionError("10초 안에 이벤트가 오지 않았습니다");
    }
    return event;
  }

  /** 탭을 닫듯 연결을 끊습니다. */
  @Override
  public void close() {
    if (subscription != null) {
      subscription.cancel();
    }
  }

  private final class Lines implements Flow.Subscriber<String> {
    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
      if (line.startsWith("id:")) {
        id = Long.parseLong(line.substring(3).strip());
      } else if (line.startsWith("data:") && status() == 200) {
        events.add(new Event(id, JSON.readTree(line.substring(5).strip())));
      }
    }

    @Override
    public void onError(Throwable error) {}

    @Override
    public void onComplete() {}
  }
}
