package com.example.lab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * 부하 모드용 가벼운 WebSocket 클라이언트: 선택기(Selector) 스레드 둘이 1,000개 연결을 모두 읽습니다.
 *
 * <p>JDK의 WebSocket 클라이언트는 메시지마다 여러 단계의 비동기 전달과 글자 단위 UTF-8 해독을 거쳐, 용량 측정에서 배달 하나에 서버보다 많은 CPU를
 * 썼습니다(실험실 JFR 프로파일). 같은 코어를 서버와 나눠 쓰므로 그만큼 서버의 몫이 줄어듭니다. 그래서 용량·지연·소크 모드에서는 이 클라이언트로 프레임을 직접 읽고
 * {@code new String(bytes, UTF_8)}로 한 번에 해독합니다. 핸드셰이크와 프레임 모양(마스크 포함)은 RFC 6455 그대로이고, 확장은 청하지
 * 않습니다.
 */
final class NioTextSocket implements TextSocket {

  static final Factory FACTORY = NioTextSocket::open;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Reactor[] REACTORS = {new Reactor(), new Reactor()};
  private static final AtomicInteger NEXT = new AtomicInteger();

  private final SocketChannel channel;
  private final Listener listener;
  private final ByteArrayOutputStream fragments = new ByteArrayOutputStream();
  private final CompletableFuture<Void> peerClosed = new CompletableFuture<>();
  private ByteBuffer in = ByteBuffer.allocate(64 * 1024);
  private volatile boolean closing;

  private NioTextSocket(SocketChannel channel, Listener listener) {
    this.channel = channel;
    this.listener = listener;
  }

  static CompletableFuture<TextSocket> open(RowContext ctx, String path, Listener listener) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            SocketChannel channel = SocketChannel.open(new InetSocketAddress(ctx.host, ctx.port));
            channel.socket().setTcpNoDelay(true);
            NioTextSocket socket = new NioTextSocket(channel, listener);
            ctx.httpRequests.incrementAndGet();
            socket.handshake(ctx, path);
            channel.configureBlocking(false);
            REACTORS[Math.floorMod(NEXT.getAndIncrement(), REACTORS.length)].register(socket);
            return socket;
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        },
        ctx.executor);
  }

  private void handshake(RowContext ctx, String path) throws IOException {
    byte[] nonce = new byte[16];
    RANDOM.nextBytes(nonce);
    StringBuilder request = new StringBuilder();
    request.append("GET ").append(path).append(" HTTP/1.1\r\n");
    request.append("Host: ").append(ctx.host).append(':').append(ctx.port).append("\r\n");
    request.append("Connection: Upgrade\r\nUpgrade: websocket\r\n");
    BrowserHeaders.webSocket(ctx.httpBase())
        .forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
    request.append("Sec-WebSocket-Version: 13\r\n");
    request.append("Sec-WebSocket-Key: ").append(Base64.getEncoder().encodeToString(nonce));
    writeFully(
        ByteBuffer.wrap(
            request.append("\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1)));
    // 응답 머리를 읽습니다. 머리 뒤에 붙어 온 바이트(첫 프레임)는 in 버퍼에 남깁니다.
    while (true) {
      if (channel.read(in) < 0) {
        throw new IOException("핸드셰이크 중 연결이 끊겼습니다");
      }
      String head = new String(in.array(), 0, in.position(), StandardCharsets.ISO_8859_1);
      int end = head.indexOf("\r\n\r\n");
      if (end >= 0) {
        if (!head.startsWith("HTTP/1.1 101")) {
          throw new IOException("핸드셰이크 실패: " + head.lines().findFirst().orElse(""));
        }
        in.flip();
        in.position(end + 4);
        in.compact();
        return;
      }
    }
  }

  /** 선택기 스레드가 부릅니다: 읽을 수 있는 만큼 읽고, 완성된 프레임을 처리합니다. */
  private void readable() {
    try {
      if (!in.hasRemaining()) {
        ByteBuffer bigger = ByteBuffer.allocate(in.capacity() * 2);
        in.flip();
        in = bigger.put(in);
      }
      int n = channel.read(in);
      if (n < 0) {
        ended("연결이 끊김");
        return;
      }
      in.flip();
      while (frame()) {
        // 완성된 프레임을 모두 처리합니다.
      }
      in.compact();
    } catch (IOException e) {
      ended(e.toString());
    }
  }

  /** 버퍼 앞의 프레임 하나를 처리했으면 true. 덜 왔으면 위치를 되돌리고 false. */
  private boolean frame() throws IOException {
    int start = in.position();
    if (in.remaining() < 2) {
      return false;
    }
    int b0 = in.get() & 0xff;
    int b1 = in.get() & 0xff;
    long length = b1 & 0x7f;
    if (length == 126) {
      if (in.remaining() < 2) {
        in.position(start);
        return false;
      }
      length = in.getShort() & 0xffff;
    } else if (length == 127) {
      if (in.remaining() < 8) {
        in.position(start);
        return false;
      }
      length = in.getLong();
    }
    if (in.remaining() < length) {
      in.position(start);
      return false;
    }
    int offset = in.position();
    in.position(offset + (int) length);
    int opcode = b0 & 0x0f;
    boolean fin = (b0 & 0x80) != 0;
    byte[] array = in.array();
    if (listener instanceof WireListener wire) {
      wire.onFrame(opcode, offset - start + (int) length);
    }
    if (opcode == 0x1 && fin) {
      listener.onText(new String(array, offset, (int) length, StandardCharsets.UTF_8));
    } else if (opcode == 0x1 || opcode == 0x0) {
      fragments.write(array, offset, (int) length);
      if (fin) {
        listener.onText(fragments.toString(StandardCharsets.UTF_8));
        fragments.reset();
      }
    } else if (opcode == 0x9) {
      byte[] payload = new byte[(int) length];
      System.arraycopy(array, offset, payload, 0, payload.length);
      writeFrame(0xA, payload);
    } else if (opcode == 0x8) {
      if (!closing) {
        writeFrame(0x8, new byte[0]);
      }
      ended(closeReason(array, offset, (int) length));
    }
    return true;
  }

  /** 닫기 프레임의 상태 코드와 이유(RFC 6455 5.5.1): 서버가 왜 닫았는지 결과에 남깁니다. */
  static String closeReason(byte[] array, int offset, int length) {
    if (length < 2) {
      return "close frame";
    }
    int code = ((array[offset] & 0xff) << 8) | (array[offset + 1] & 0xff);
    String reason = new String(array, offset + 2, length - 2, StandardCharsets.UTF_8);
    return "close frame " + code + (reason.isEmpty() ? "" : " " + reason);
  }

  private void ended(String reason) {
    if (!closing) {
      listener.onClosed(reason);
    }
    peerClosed.complete(null);
    try {
      channel.close();
    } catch (IOException ignored) {
      // 이미 닫혔습니다.
    }
  }

  @Override
  public CompletableFuture<Void> send(String text) {
    try {
      writeFrame(0x1, text.getBytes(StandardCharsets.UTF_8));
      return CompletableFuture.completedFuture(null);
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** 클라이언트 프레임(FIN, 마스크). 논블로킹 채널이라 버퍼가 차면 잠깐 쉬었다 이어 씁니다. */
  private synchronized void writeFrame(int opcode, byte[] payload) throws IOException {
    int header = payload.length < 126 ? 6 : (payload.length < 65536 ? 8 : 14);
    ByteBuffer frame = ByteBuffer.allocate(header + payload.length);
    frame.put((byte) (0x80 | opcode));
    if (payload.length < 126) {
      frame.put((byte) (0x80 | payload.length));
    } else if (payload.length < 65536) {
      frame.put((byte) (0x80 | 126)).putShort((short) payload.length);
    } else {
      frame.put((byte) (0x80 | 127)).putLong(payload.length);
    }
    byte[] mask = new byte[4];
    RANDOM.nextBytes(mask);
    frame.put(mask);
    for (int i = 0; i < payload.length; i++) {
      frame.put((byte) (payload[i] ^ mask[i & 3]));
    }
    frame.flip();
    writeFully(frame);
  }

  private void writeFully(ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      if (channel.write(buffer) == 0) {
        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
      }
    }
  }

  @Override
  public CompletableFuture<Void> close() {
    closing = true;
    try {
      writeFrame(0x8, new byte[] {0x03, (byte) 0xe8});
    } catch (IOException e) {
      peerClosed.complete(null);
    }
    return peerClosed
        .completeOnTimeout(null, 5, TimeUnit.SECONDS)
        .thenRun(
            () -> {
              try {
                channel.close();
              } catch (IOException ignored) {
                // 이미 닫혔습니다.
              }
            });
  }

  /** 선택기 스레드 하나. 새 연결은 큐에 넣고 깨워서 그 스레드에서 등록합니다. */
  private static final class Reactor implements Runnable {
    private final Queue<NioTextSocket> pending = new ConcurrentLinkedQueue<>();
    private Selector selector;

    synchronized void register(NioTextSocket socket) throws IOException {
      if (selector == null) {
        selector = Selector.open();
        Thread thread = new Thread(this, "lab-nio-reactor");
        thread.setDaemon(true);
        thread.start();
      }
      pending.add(socket);
      selector.wakeup();
    }

    @Override
    public void run() {
      while (true) {
        try {
          selector.select();
          NioTextSocket added;
          while ((added = pending.poll()) != null) {
            added.channel.register(selector, SelectionKey.OP_READ, added);
            if (added.in.position() > 0) {
              // 핸드셰이크 응답에 붙어 온 첫 프레임을 처리합니다.
              added.in.flip();
              while (added.frame()) {
                // 계속
              }
              added.in.compact();
            }
          }
          for (SelectionKey key : selector.selectedKeys()) {
            if (key.isValid() && key.isReadable()) {
              ((NioTextSocket) key.attachment()).readable();
            }
          }
          selector.selectedKeys().clear();
        } catch (IOException | RuntimeException e) {
          Progress.log("NIO 클라이언트 오류: " + e);
        }
      }
    }
  }
}
