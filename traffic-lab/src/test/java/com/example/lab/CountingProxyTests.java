package com.example.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CountingProxyTests {

  private ServerSocket echo;
  private CountingProxy proxy;

  @BeforeEach
  void startEchoServerAndProxy() throws Exception {
    echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread server =
        new Thread(
            () -> {
              while (!echo.isClosed()) {
                try (Socket socket = echo.accept()) {
                  socket.getInputStream().transferTo(socket.getOutputStream());
                } catch (Exception ignored) {
                  // 시험이 끝나 서버 소켓이 닫혔습니다.
                }
              }
            });
    server.setDaemon(true);
    server.start();
    proxy = new CountingProxy(echo.getLocalPort());
  }

  @AfterEach
  void stop() throws Exception {
    proxy.close();
    echo.close();
  }

  @Test
  @DisplayName("프록시를 지난 바이트를 방향별로 정확히 센다")
  void countsBytesPerDirection() throws Exception {
    // given: 올릴 바이트 1,000개와, 그만큼 되돌려 주는 에코 서버
    byte[] payload = new byte[1000];
    Arrays.fill(payload, (byte) 'x');

    // when: 프록시를 거쳐 보내고 되돌아온 것을 다 읽는다
    try (Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
      OutputStream out = client.getOutputStream();
      out.write(payload);
      out.flush();
      client.shutdownOutput();
      byte[] back = client.getInputStream().readAllBytes();
      assertThat(back).hasSize(1000);
    }

    // then: 올림 1,000, 내림 1,000, 연결 1
    CountingProxy.Counts counts = proxy.counts();
    assertThat(counts.up()).isEqualTo(1000);
    assertThat(counts.down()).isEqualTo(1000);
    assertThat(counts.connections()).isEqualTo(1);
  }

  @Test
  @DisplayName("두 순간의 계량기 차이가 그 사이 구간의 바이트다")
  void differenceOfSnapshotsIsTheTrafficInBetween() throws Exception {
    // given: 한 연결에서 먼저 10바이트를 주고받은 뒤 읽은 계량기
    try (Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
      OutputStream out = client.getOutputStream();
      InputStream in = client.getInputStream();
      out.write(new byte[10]);
      assertThat(in.readNBytes(10)).hasSize(10);
      CountingProxy.Counts before = proxy.counts();

      // when: 같은 연결로 25바이트를 더 주고받는다
      out.write(new byte[25]);
      assertThat(in.readNBytes(25)).hasSize(25);
      CountingProxy.Counts between = proxy.counts().minus(before);

      // then: 차이는 두 번째 교환만이다
      assertThat(between.up()).isEqualTo(25);
      assertThat(between.down()).isEqualTo(25);
      assertThat(between.total()).isEqualTo(50);
    }
  }

  @Test
  @DisplayName("요청 헤더 비교용으로 올림 바이트의 앞부분을 받아 적는다")
  void capturesUpstreamBytes() throws Exception {
    // given: 받아 적기를 켠 두 번째 프록시
    try (CountingProxy capturing = new CountingProxy(echo.getLocalPort(), 16);
        Socket client = new Socket(InetAddress.getLoopbackAddress(), capturing.port())) {
      // when: 16바이트보다 긴 요청을 보낸다
      byte[] request = "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes();
      client.getOutputStream().write(request);
      assertThat(client.getInputStream().readNBytes(request.length)).hasSize(request.length);

      // then: 앞 16바이트만 남는다
      assertThat(capturing.capturedUpstream())
          .singleElement()
          .satisfies(bytes -> assertThat(new String(bytes)).isEqualTo("GET / HTTP/1.1\r\n"));
    }
  }
}
