package com.example.lab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 클라이언트와 서버 사이에 끼워 넣는 TCP 중계기로, 지나가는 바이트를 방향별로 셉니다.
 *
 * <p>브라우저의 DevTools나 애플리케이션 안의 카운터는 HTTP 헤더, WebSocket 프레임 머리, STOMP 헤더 가운데 일부를 빠뜨립니다. 여기서는 TCP 위의
 * 바이트를 그대로 세므로 그 모두가 들어갑니다(TCP/IP 헤더와 TLS는 빠집니다: 평문 로컬 연결입니다). "올림(up)"은 클라이언트 → 서버, "내림(down)"은 서버
 * → 클라이언트입니다.
 *
 * <p>연결마다 방향별 스레드 하나씩을 씁니다. 실제 서비스의 프록시라면 NIO를 쓰겠지만, 이 실험실의 수백 연결에는 이쪽이 읽기 쉽고 충분합니다.
 */
final class CountingProxy implements AutoCloseable {

  private final ServerSocket server;
  private final InetSocketAddress target;
  private final AtomicLong up = new AtomicLong();
  private final AtomicLong down = new AtomicLong();
  private final AtomicLong connections = new AtomicLong();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final int captureLimit;
  private final List<ByteArrayOutputStream> captured = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  CountingProxy(int targetPort) throws IOException {
    this(targetPort, 0);
  }

  /** captureLimit > 0 이면 연결마다 올림 바이트의 앞부분을 그만큼 보관합니다(요청 헤더 비교용). */
  CountingProxy(int targetPort, int captureLimit) throws IOException {
    this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
    this.captureLimit = captureLimit;
    this.server = new ServerSocket(0, 1000, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "proxy-accept-" + port());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  Counts counts() {
    return new Counts(up.get(), down.get(), connections.get());
  }

  List<byte[]> capturedUpstream() {
    return captured.stream().map(ByteArrayOutputStream::toByteArray).toList();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket();
        upstream.connect(target, 5000);
        client.setTcpNoDelay(true);
        upstream.setTcpNoDelay(true);
        sockets.add(client);
        sockets.add(upstream);
        connections.incrementAndGet();
        ByteArrayOutputStream capture = null;
        if (captureLimit > 0) {
          capture = new ByteArrayOutputStream();
          captured.add(capture);
        }
        AtomicInteger finished = new AtomicInteger();
        pump(client, upstream, up, capture, finished);
        pump(upstream, client, down, null, finished);
      } catch (IOException e) {
        if (!closed) {
          Progress.log("프록시: 연결 실패 " + e.getMessage());
        }
      }
    }
  }

  /** 한 방향을 복사합니다. 끝(EOF)은 반대쪽에 FIN으로 전하고, 두 방향이 다 끝나면 두 소켓을 닫습니다. */
  private void pump(
      Socket from,
      Socket to,
      AtomicLong counter,
      ByteArrayOutputStream capture,
      AtomicInteger finished) {
    Thread thread =
        new Thread(
            null,
            () -> {
              byte[] buffer = new byte[16 * 1024];
              try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buffer)) >= 0) {
                  counter.addAndGet(n);
                  if (capture != null && capture.size() < captureLimit) {
                    capture.write(buffer, 0, Math.min(n, captureLimit - capture.size()));
                  }
                  out.write(buffer, 0, n);
                }
                to.shutdownOutput();
              } catch (IOException e) {
                closeQuietly(to);
                closeQuietly(from);
              } finally {
                if (finished.incrementAndGet() == 2) {
                  closeQuietly(to);
                  closeQuietly(from);
                  sockets.remove(from);
                  sockets.remove(to);
                }
              }
            },
            "proxy-pump",
            128 * 1024);
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // 이미 닫혔습니다.
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
    sockets.forEach(CountingProxy::closeQuietly);
  }

  /** 어느 순간의 누적 바이트. 두 순간의 차이가 한 구간의 트래픽입니다. */
  record Counts(long up, long down, long connections) {
    Counts minus(Counts earlier) {
      return new Counts(up - earlier.up, down - earlier.down, connections - earlier.connections);
    }

    long total() {
      return up + down;
    }
  }
}
