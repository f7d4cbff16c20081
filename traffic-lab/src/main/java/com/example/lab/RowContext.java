package com.example.lab;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * 표의 한 행(전송 방식 하나)을 재는 동안 그 행의 클라이언트들이 함께 쓰는 것: HTTP 클라이언트, 타이머, 요청 수, 오류, 배달 장부.
 *
 * <p>주소는 언제나 프록시를 가리킵니다({@code host:port}). 그래서 모든 바이트가 프록시를 지나며 세어집니다.
 */
final class RowContext implements AutoCloseable {

  /**
   * 보낼 문장들. 같은 문장만 되풀이하면 압축(permessage-deflate) 실험이 실제보다 좋게 나오므로 길이와 내용이 다른 문장을 돌려 씁니다. 끝의 {@code
   * #순번}으로 어느 메시지인지 알아봅니다.
   */
  private static final String[] PHRASES = {
    "안녕하세요, 반갑습니다",
    "오늘 점심 뭐 먹을까요?",
    "회의는 3시에 2층 회의실에서 시작합니다",
    "방금 배포 끝났어요. 확인 부탁드립니다",
    "ㅋㅋㅋ 그거 진짜 웃기네요",
    "자료는 공유 폴더에 올려 두었습니다. 월요일까지 검토해 주세요",
    "네 알겠습니다!",
    "혹시 이 오류 메시지 본 적 있으신 분?",
    "퇴근길에 비 온대요, 우산 챙기세요",
    "Spring Boot 4로 올리면서 Jackson 3로 바뀐 부분을 정리했어요",
    "좋아요 👍",
    "다음 주 워크숍은 WebSocket과 STOMP를 직접 비교해 보는 시간입니다",
  };

  static String content(int seq) {
    return PHRASES[Math.floorMod(seq, PHRASES.length)] + " #" + seq;
  }

  final String host;
  final int port;
  final String room;
  final HttpClient http;
  final ScheduledExecutorService timer;
  final AtomicLong httpRequests = new AtomicLong();
  final AtomicLong errors = new AtomicLong();
  final AtomicReference<String> firstError = new AtomicReference<>();

  /**
   * STOMP 클라이언트가 참여자 토픽을 구독할지. 부하 모드에서는 끕니다: 3·4장은 입장마다 참여자 목록 전체를 모두에게 보내므로 1,000명이 들어오는 동안만 수 GB가
   * 오가고(1,000명 × 목록 10KB × 1,000번), 입장 자체가 시간 안에 끝나지 않습니다. 채팅 배달은 이 구독과 상관없습니다.
   */
  volatile boolean memberList = true;

  /** 가장 최근에 받은 참여자 목록(JSON 배열). 소크 테스트가 "방이 비었는지" 확인할 때 씁니다. */
  volatile String lastMembers = "";

  final ExecutorService executor;
  private final List<Deliveries> ledgers = new CopyOnWriteArrayList<>();

  RowContext(String host, int port, String room) {
    this.host = host;
    this.port = port;
    this.room = room;
    this.executor = Executors.newCachedThreadPool(daemon("http"));
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(executor)
            .build();
    this.timer = Executors.newScheduledThreadPool(2, daemon("timer"));
  }

  String httpBase() {
    return "http://" + host + ":" + port;
  }

  String wsBase() {
    return "ws://" + host + ":" + port;
  }

  void track(Deliveries ledger) {
    ledgers.add(ledger);
  }

  /** 받은 CHAT을 넘길 곳({@link FanoutBridge}만 씁니다). */
  volatile Consumer<String> forward;

  /** 받은 CHAT 하나를 장부에 적습니다. 내용 끝의 {@code #순번}으로 어느 메시지인지 압니다. */
  void chat(int client, String content) {
    long now = System.nanoTime();
    Consumer<String> next = forward;
    if (next != null && content != null) {
      next.accept(content);
    }
    int hash = content == null ? -1 : content.lastIndexOf('#');
    if (hash < 0) {
      return;
    }
    int seq;
    try {
      seq = Integer.parseInt(content.substring(hash + 1));
    } catch (NumberFormatException e) {
      return;
    }
    for (Deliveries ledger : ledgers) {
      if (ledger.covers(seq)) {
        ledger.received(client, seq, now);
        return;
      }
    }
  }

  void error(String text) {
    errors.incrementAndGet();
    if (firstError.compareAndSet(null, text)) {
      Progress.log("  오류(" + room + "): " + text);
    }
  }

  static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, "lab-" + name);
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() {
    timer.shutdownNow();
    executor.shutdownNow();
  }
}
