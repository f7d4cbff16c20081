package com.example.lab;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * "인스턴스마다 구독 하나" 모형을 실험실에서 흉내 냅니다. 큰 채팅 서비스가 흔히 쓰는 구조로, 4장(브라우저마다 브로커 연결과 큐 하나)과 나란히 잽니다.
 *
 * <p>인스턴스는 브로커에 연결 하나({@link #instance})로 붙어 그 방의 토픽을 <b>한 번만</b> 구독하고(큐 하나), 글도 같은 연결로 그 토픽에 보냅니다.
 * 받은 글은 자기에게 붙은 사람들에게 메모리 안에서 뿌립니다. 뿌리는 일은 3장 서버(simple broker)가 합니다: 다리 역할의 참여자 하나({@link
 * #member})가 받은 글을 3장에 SEND하면 3장이 방의 모두에게 보냅니다. 다리가 서버 안이 아니라 실험실에 있으므로 루프백 WebSocket 한 번만큼 실제보다
 * 느립니다(위쪽 어림). 이 모형은 4장 코드에 넣지 않습니다. 4장의 주제는 스프링의 릴레이이고, 이 모형에서는 귓속말·참여자 목록처럼 "한 사람에게 가는 메시지"를 인스턴스
 * 사이에 따로 날라야 하기 때문입니다.
 */
final class FanoutBridge implements AutoCloseable {

  private final RowContext brokerCtx;
  private final RowContext serverCtx;
  private final DirectStompClient instance;
  private final StompClient member;

  FanoutBridge(int brokerPort, int chapter03Port, String room, TextSocket.Factory ws) {
    this.brokerCtx = new RowContext("127.0.0.1", brokerPort, room);
    this.serverCtx = new RowContext("127.0.0.1", chapter03Port, room);
    serverCtx.memberList = false;
    this.instance = new DirectStompClient(brokerCtx, -1, "instance", true);
    this.member = new StompClient(serverCtx, -1, "bridge", ws, "/ws/websocket", true, false);
    // 인스턴스의 구독이 받은 CHAT을 3장 서버에 넘깁니다. 3장이 그 방의 모두에게 뿌립니다.
    brokerCtx.forward = member::send;
  }

  /** 다리와 인스턴스의 구독을 붙입니다. 측정하는 사람들보다 먼저 부릅니다. */
  void open() throws Exception {
    member.join().get(60, TimeUnit.SECONDS);
    instance.join().get(60, TimeUnit.SECONDS);
  }

  /** 측정에서 글을 보내는 쪽: 인스턴스의 브로커 연결로 토픽에 보냅니다(어느 인스턴스의 사용자가 보냈든 같은 길입니다). */
  LabClient sender() {
    return instance;
  }

  @Override
  public void close() throws IOException {
    instance.leave();
    member.leave();
    brokerCtx.close();
    serverCtx.close();
  }
}
