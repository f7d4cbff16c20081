package com.example.lab;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * 소켓 위에 직접 짠 WebSocket 클라이언트로, 브라우저처럼 {@code permessage-deflate}(RFC 7692)를 청합니다.
 *
 * <p>JDK의 WebSocket 클라이언트는 확장을 협상하지 못해서 압축 실험에는 쓸 수 없습니다. 서버가 받아들이면 메시지마다 RSV1 비트를 켜고 DEFLATE로 줄인
 * 본문을 보내며(끝의 {@code 00 00 ff ff}는 떼어 냄), 받을 때는 그 네 바이트를 다시 붙여 풉니다. 서버가 {@code
 * client_no_context_takeover}를 요구하면 메시지마다 압축 사전을 비웁니다. 실제 서비스라면 검증된 라이브러리를 쓰겠지만, 여기서는 선 위의 모양을 보이려고
 * 직접 씁니다.
 */
final class DeflateTextSocket implements TextSocket {

  static final Factory FACTORY = DeflateTextSocket::open;

  /** 서버가 압축을 받아들인 연결 수(실험 결과에 "정말 협상됐는지"를 적으려고). */
  static final java.util.concurrent.atomic.AtomicLong NEGOTIATED =
      new java.util.concurrent.atomic.AtomicLong();

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Socket socket;
  private final OutputStream out;
  private final Listener listener;
  private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
  private final Inflater inflater = new Inflater(true);
  private boolean deflate;
  private boolean resetDeflater;
  private boolean resetInflater;
  private volatile boolean closing;
  private final CompletableFuture<Void> peerClosed = new CompletableFuture<>();

  private DeflateTextSocket(Socket socket, Listener listener) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.listener = listener;
  }

  static CompletableFuture<TextSocket> open(RowContext ctx, String path, Listener listener) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress(ctx.host, ctx.port), 10_000);
            socket.setTcpNoDelay(true);
            DeflateTextSocket ws = new DeflateTextSocket(socket, listener);
            ctx.httpRequests.incrementAndGet();
            ws.handshake(ctx, path);
            Thread reader = new Thread(ws::readLoop, "lab-deflate-reader");
            reader.setDaemon(true);
            reader.start();
            return ws;
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        });
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
    request.append("\r\nSec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n");
    out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    String response = readHead(socket.getInputStream());
    if (!response.startsWith("HTTP/1.1 101")) {
      throw new IOException("핸드셰이크 실패: " + response.lines().findFirst().orElse(""));
    }
    for (String line : response.split("\r\n")) {
      String lower = line.toLowerCase();
      if (lower.startsWith("sec-websocket-extensions:") && lower.contains("permessage-deflate")) {
        deflate = true;
        NEGOTIATED.incrementAndGet();
        resetDeflater = lower.contains("client_no_context_takeover");
        resetInflater = lower.contains("server_no_context_takeover");
      }
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("핸드셰이크 중 연결이 끊겼습니다");
      }
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private void readLoop() {
    try {
      DataInputStream in = new DataInputStream(socket.getInputStream());
      ByteArrayOutputStream message = new ByteArrayOutputStream();
      boolean compressed = false;
      while (true) {
        int b0 = in.readUnsignedByte();
        int b1 = in.readUnsignedByte();
        int opcode = b0 & 0x0f;
        long length = b1 & 0x7f;
        if (length == 126) {
          length = in.readUnsignedShort();
        } else if (length == 127) {
          length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        if (opcode == 0x8) {
          if (!closing) {
            listener.onClosed("close frame");
            writeFrame(0x8, payload, false);
          }
          socket.close();
          peerClosed.complete(null);
          return;
        } else if (opcode == 0x9) {
          writeFrame(0xA, payload, false);
        } else if (opcode == 0x1 || opcode == 0x0) {
          if (opcode == 0x1) {
            compressed = (b0 & 0x40) != 0;
          }
          message.write(payload);
          if ((b0 & 0x80) != 0) {
            byte[] data = message.toByteArray();
            message.reset();
            listener.onText(new String(compressed ? inflate(data) : data, StandardCharsets.UTF_8));
          }
        }
      }
    } catch (IOException | DataFormatException e) {
      if (!closing) {
        listener.onClosed(e.toString());
      }
      peerClosed.complete(null);
    }
  }

  private byte[] inflate(byte[] data) throws DataFormatException {
    byte[] input = new byte[data.length + 4];
    System.arraycopy(data, 0, input, 0, data.length);
    input[data.length + 2] = (byte) 0xff;
    input[data.length + 3] = (byte) 0xff;
    inflater.setInput(input);
    ByteArrayOutputStream result = new ByteArrayOutputStream(data.length * 4);
    byte[] buffer = new byte[8192];
    int n;
    while ((n = inflater.inflate(buffer)) > 0) {
      result.write(buffer, 0, n);
    }
    if (resetInflater) {
      inflater.reset();
    }
    return result.toByteArray();
  }

  private byte[] deflate(byte[] data) {
    deflater.setInput(data);
    ByteArrayOutputStream result = new ByteArrayOutputStream(data.length + 16);
    byte[] buffer = new byte[8192];
    int n;
    do {
      n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
      result.write(buffer, 0, n);
    } while (n == buffer.length);
    if (resetDeflater) {
      deflater.reset();
    }
    byte[] all = result.toByteArray();
    byte[] trimmed = new byte[all.length - 4];
    System.arraycopy(all, 0, trimmed, 0, trimmed.length);
    return trimmed;
  }

  @Override
  public synchronized CompletableFuture<Void> send(String text) {
    try {
      byte[] data = text.getBytes(StandardCharsets.UTF_8);
      if (deflate) {
        writeFrame(0x1, deflate(data), true);
      } else {
        writeFrame(0x1, data, false);
      }
      return CompletableFuture.completedFuture(null);
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** 클라이언트 프레임: FIN, (압축이면) RSV1, 마스크 비트와 4바이트 마스크 키(RFC 6455 5.3). */
  private synchronized void writeFrame(int opcode, byte[] payload, boolean rsv1)
      throws IOException {
    ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
    frame.write(0x80 | (rsv1 ? 0x40 : 0) | opcode);
    if (payload.length < 126) {
      frame.write(0x80 | payload.length);
    } else if (payload.length < 65536) {
      frame.write(0x80 | 126);
      frame.write(payload.length >>> 8);
      frame.write(payload.length & 0xff);
    } else {
      frame.write(0x80 | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        frame.write((int) ((long) payload.length >>> shift) & 0xff);
      }
    }
    byte[] mask = new byte[4];
    RANDOM.nextBytes(mask);
    frame.write(mask);
    for (int i = 0; i < payload.length; i++) {
      frame.write(payload[i] ^ mask[i % 4]);
    }
    out.write(frame.toByteArray());
    out.flush();
  }

  @Override
  public CompletableFuture<Void> close() {
    closing = true;
    try {
      writeFrame(0x8, new byte[] {0x03, (byte) 0xe8}, false);
    } catch (IOException e) {
      peerClosed.complete(null);
    }
    // 서버의 닫기 프레임을 기다렸다가(최대 5초) 소켓을 닫습니다.
    return peerClosed
        .completeOnTimeout(null, 5, java.util.concurrent.TimeUnit.SECONDS)
        .thenRun(
            () -> {
              try {
                socket.close();
              } catch (IOException ignored) {
                // 이미 닫혔습니다.
              }
            });
  }
}
