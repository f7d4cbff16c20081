package com.example.lab;

import java.util.concurrent.CompletableFuture;

/**
 * 텍스트 메시지를 주고받는 양방향 통로. WebSocket(JDK 클라이언트 또는 압축을 협상하는 직접 구현)과 SockJS xhr-streaming이 같은 모양을 하므로, 그
 * 위의 2장 JSON 클라이언트와 STOMP 클라이언트는 통로를 가리지 않습니다.
 */
interface TextSocket {

  /** 순서대로 보냅니다(앞의 전송이 끝난 뒤 다음 것을 보냅니다). */
  CompletableFuture<Void> send(String text);

  /** 닫는 인사를 주고받고(또는 잠시 기다린 뒤) 연결을 끊습니다. */
  CompletableFuture<Void> close();

  /** 받은 텍스트 메시지와 닫힘을 알려 받는 쪽. */
  interface Listener {
    void onText(String text);

    void onClosed(String reason);
  }

  /**
   * 선 위의 바이트까지 알고 싶은 쪽(입장 폭주 측정). 참여자 목록이 몇 바이트였는지, 서버의 ping이 얼마나 늦었는지는 텍스트만 봐서는 알 수 없어서 {@link
   * NioTextSocket}이 프레임마다 따로 알려 줍니다.
   */
  interface WireListener extends Listener {
    /** 프레임 하나의 opcode와 머리를 포함한 바이트 수. 텍스트 프레임이면 그 {@link #onText} 바로 앞에 불립니다. */
    void onFrame(int opcode, int wireBytes);
  }

  /** 통로를 여는 방법(행마다 다릅니다). path는 {@code /ws/chat} 같은 서버 경로입니다. */
  interface Factory {
    CompletableFuture<TextSocket> open(RowContext ctx, String path, Listener listener);
  }
}
