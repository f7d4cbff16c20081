package com.example.lab;

import java.util.concurrent.CompletableFuture;

/**
 * 입장 폭주의 가상 사용자 한 명: 먼저 연결만 해 두고({@link #connect}), 시나리오가 정한 순간에 JOIN을 보냅니다({@link #sendJoin}).
 *
 * <p>실험실의 다른 클라이언트({@link RawWebSocketClient}, {@link StompClient})는 연결하자마자 입장해서, "1초 동안 고르게 들어오는
 * 1,000명"을 만들 수 없습니다. 그래서 연결과 입장을 나누고, {@link NioTextSocket}이 알려 주는 프레임 바이트를 {@link StormTally}에
 * 적습니다. 전송 방식마다 다른 것(JOIN과 CHAT의 모양, 받은 텍스트의 해석)만 하위 클래스가 정합니다.
 */
abstract class StormClient implements TextSocket.WireListener {

  final RowContext ctx;
  final StormTally tally;
  final int index;
  final String nickname;
  final CompletableFuture<Void> ready = new CompletableFuture<>();
  volatile TextSocket socket;
  private volatile boolean leaving;

  /** 닫히기 직전에 받은 STOMP ERROR의 message 머리글(닫힌 까닭에 덧붙입니다). */
  volatile String lastError;

  private volatile String chatMarker;
  private boolean chatSeen;
  private int pendingBytes;
  private boolean listSeen;

  StormClient(RowContext ctx, StormTally tally, int index) {
    this.ctx = ctx;
    this.tally = tally;
    this.index = index;
    this.nickname = Row.nickname(index, true);
  }

  /** 연결하고(STOMP는 CONNECT와 구독까지) 입장 직전 상태가 되면 완료됩니다. */
  CompletableFuture<Void> connect(String path) {
    NioTextSocket.FACTORY
        .open(ctx, path, this)
        .thenAccept(
            opened -> {
              socket = opened;
              opened(opened);
            })
        .exceptionally(
            e -> {
              ready.completeExceptionally(e);
              return null;
            });
    return ready;
  }

  abstract void opened(TextSocket socket);

  abstract void sendJoin();

  abstract void sendChat(String content);

  /** 텍스트 메시지 하나를 해석합니다. wireBytes는 그 메시지가 선 위에서 차지한 바이트입니다. */
  abstract void text(String text, int wireBytes, long nanos);

  /** 이 내용의 CHAT이 오면 한 번 셉니다. */
  void expectChat(String marker) {
    chatMarker = marker;
  }

  /** 받은 텍스트(2장의 프레임, STOMP의 본문)에 기다리던 CHAT의 내용이 들어 있으면 셉니다. */
  void maybeChat(String text, long nanos) {
    String marker = chatMarker;
    if (!chatSeen && marker != null && text.contains(marker)) {
      chatSeen = true;
      tally.chat(nanos);
    }
  }

  /**
   * 처음 받은 참여자 목록에 있는 사람은 "안 것"으로 셉니다. 서버가 JOIN을 보낸 순서와 다르게 처리하면 내 뒤 사람의 JOIN이 내 입장 전에 방송되고, 그것이
   * 기록(최근 100개)에서도 밀려나면 나는 그 JOIN을 끝내 받지 못합니다. 그래도 들어올 때 받은 목록에는 그 사람이 있습니다. 목록은 첫 것만 읽습니다(뒤의 목록은
   * 이미 방송으로 받은 사람들이라 다시 읽을 까닭이 없고, 1,000명이면 목록 하나가 10KB가 넘습니다).
   */
  void firstMemberList(String json, long nanos) {
    if (!listSeen) {
      listSeen = true;
      StormFrames.members(json, member -> tally.joins.joined(index, member, nanos));
    }
  }

  @Override
  public void onFrame(int opcode, int wireBytes) {
    long now = System.nanoTime();
    tally.frame(index, wireBytes, now);
    if (opcode == 0x9) {
      tally.beats.beat(index, now); // 2장의 ping
    } else if (opcode == 0x1 || opcode == 0x0) {
      pendingBytes += wireBytes; // 조각난 메시지는 조각들의 합
    }
  }

  @Override
  public void onText(String text) {
    int bytes = pendingBytes;
    pendingBytes = 0;
    text(text, bytes, System.nanoTime());
  }

  @Override
  public void onClosed(String reason) {
    if (!leaving) {
      long now = System.nanoTime();
      tally.beats.ended(index, now);
      tally.silence.ended(index, now);
      tally.closed(lastError == null ? reason : reason + " (ERROR " + lastError + ")");
      ready.completeExceptionally(new IllegalStateException("closed: " + reason));
    }
  }

  CompletableFuture<Void> leave() {
    leaving = true;
    TextSocket s = socket;
    return s == null ? CompletableFuture.completedFuture(null) : s.close();
  }
}
