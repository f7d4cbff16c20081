package com.example.lab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * 브로커의 STOMP 포트(RabbitMQ 61613)에 TCP로 바로 붙는 통로: WebSocket도 스프링도 없이, 프레임은 NUL(\0)로만 나뉩니다.
 *
 * <p>"RabbitMQ 직접" 기준 행이 씁니다. 스프링의 릴레이도 브라우저 세션마다 이런 TCP 연결을 하나씩 엽니다. 그래서 이 행의 지연은 같은 컴퓨터에서 브로커가 낼
 * 수 있는 바닥이고, 4장 행과의 차이가 스프링(WebSocket, 릴레이, 데이터베이스)의 몫입니다. {@link NioTextSocket}처럼 선택기 스레드 하나가 모든
 * 연결을 읽습니다. NUL은 UTF-8의 여러 바이트 글자 안에 나오지 않으므로 바이트에서 자른 뒤 한 번에 해독합니다.
 */
final class TcpStompSocket implements TextSocket {

  private static final Reactor REACTOR = new Reactor();

  private final SocketChannel channel;
  private final Listener listener;
  private ByteBuffer in = ByteBuffer.allocate(16 * 1024);

  private TcpStompSocket(SocketChannel channel, Listener listener) {
    this.channel = channel;
    this.listener = listener;
  }

  static CompletableFuture<TextSocket> open(RowContext ctx, Listener listener) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            SocketChannel channel = SocketChannel.open(new InetSocketAddress(ctx.host, ctx.port));
            channel.socket().setTcpNoDelay(true);
            channel.configureBlocking(false);
            TcpStompSocket socket = new TcpStompSocket(channel, listener);
            REACTOR.register(socket);
            return socket;
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        },
        ctx.executor);
  }

  /** 선택기 스레드가 부릅니다: 읽을 수 있는 만큼 읽고, NUL로 끝난 프레임마다 알립니다. */
  private void readable() {
    try {
      if (!in.hasRemaining()) {
        ByteBuffer bigger = ByteBuffer.allocate(in.capacity() * 2);
        in.flip();
        in = bigger.put(in);
      }
      if (channel.read(in) < 0) {
        ended("연결이 끊김");
        return;
      }
      in.flip();
      byte[] array = in.array();
      int start = in.position();
      for (int i = start; i < in.limit(); i++) {
        if (array[i] == 0) {
          listener.onText(new String(array, start, i + 1 - start, StandardCharsets.UTF_8));
          start = i + 1;
        }
      }
      in.position(start);
      in.compact();
    } catch (IOException e) {
      ended(e.toString());
    }
  }

  private void ended(String reason) {
    listener.onClosed(reason);
    try {
      channel.close();
    } catch (IOException ignored) {
      // 이미 닫혔습니다.
    }
  }

  @Override
  public synchronized CompletableFuture<Void> send(String text) {
    ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    try {
      while (buffer.hasRemaining()) {
        if (channel.write(buffer) == 0) {
          LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
        }
      }
      return CompletableFuture.completedFuture(null);
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public CompletableFuture<Void> close() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // 이미 닫혔습니다.
    }
    return CompletableFuture.completedFuture(null);
  }

  /** 선택기 스레드 하나. 새 연결은 큐에 넣고 깨워서 그 스레드에서 등록합니다. */
  private static final class Reactor implements Runnable {
    private final Queue<TcpStompSocket> pending = new ConcurrentLinkedQueue<>();
    private Selector selector;

    synchronized void register(TcpStompSocket socket) throws IOException {
      if (selector == null) {
        selector = Selector.open();
        Thread thread = new Thread(this, "lab-tcp-reactor");
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
          TcpStompSocket added;
          while ((added = pending.poll()) != null) {
            added.channel.register(selector, SelectionKey.OP_READ, added);
          }
          for (SelectionKey key : selector.selectedKeys()) {
            if (key.isValid() && key.isReadable()) {
              ((TcpStompSocket) key.attachment()).readable();
            }
          }
          selector.selectedKeys().clear();
        } catch (IOException | RuntimeException e) {
          Progress.log("TCP STOMP 클라이언트 오류: " + e);
        }
      }
    }
  }
}
