package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * 손으로 짠 웹소켓 클라이언트. 핸드셰이크와 JOIN 프레임만 보내고, 그 뒤로는 테스트가 {@link #readUntilClosed}를 부르기 전까지 읽지도 답하지도
 * 않습니다. JDK 클라이언트({@link ChatSocket})는 늘 읽고 ping에 pong을 알아서 답하므로, "읽지 않는 클라이언트"와 "FIN 없이 사라진
 * 클라이언트"는 이렇게 직접 만듭니다.
 */
final class RawChatSocket implements AutoCloseable {

  /** 이제야 읽어 본 결과: 그동안 쌓여 있던 ping 수와 닫기 코드(닫기 프레임 없이 연결이 끝났으면 -1). */
  record Ending(int pings, int code) {}

  private final Socket socket = new Socket();

  /** 연결하고 JOIN을 보냅니다. {@code receiveBufferBytes}가 작을수록 서버 쪽 소켓이 빨리 찹니다. */
  static RawChatSocket joined(int port, String room, String nickname, int receiveBufferBytes)
      throws IOException {
    RawChatSocket client = new RawChatSocket();
    client.socket.setReceiveBufferSize(receiveBufferBytes);
    client.socket.connect(new InetSocketAddress("localhost", port));
    OutputStream out = client.socket.getOutputStream();
    out.write(
        ("GET /ws/chat HTTP/1.1\r\nHost: localhost:%d\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n")
            .formatted(port)
            .getBytes(StandardCharsets.US_ASCII));
    assertThat(readHeaders(client.socket.getInputStream())).startsWith("HTTP/1.1 101");
    String join = "{\"type\":\"JOIN\",\"room\":\"%s\",\"sender\":\"%s\"}".formatted(room, nickname);
    out.write(maskedTextFrame(join.getBytes(StandardCharsets.UTF_8)));
    out.flush();
    return client;
  }

  /** 이제야 읽기 시작해, 밀려 있던 프레임을 건너뛰며(ping은 세기만 하고 답하지 않음) 닫기 프레임(opcode 8)을 찾습니다. */
  Ending readUntilClosed() throws IOException {
    socket.setSoTimeout(10_000);
    DataInputStream in = new DataInputStream(socket.getInputStream());
    int pings = 0;
    while (true) {
      int first;
      try {
        first = in.readUnsignedByte();
      } catch (EOFException e) {
        return new Ending(pings, -1);
      }
      int length = in.readUnsignedByte() & 0x7f; // 서버가 보내는 프레임은 마스킹하지 않습니다
      long size = length == 126 ? in.readUnsignedShort() : length == 127 ? in.readLong() : length;
      byte[] payload = in.readNBytes((int) size);
      int opcode = first & 0x0f;
      if (opcode == 0x9) {
        pings++;
      } else if (opcode == 0x8) {
        return new Ending(pings, ((payload[0] & 0xff) << 8) | (payload[1] & 0xff));
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private static String readHeaders(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      head.write(in.read());
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  /** 클라이언트가 보내는 프레임은 반드시 마스킹합니다(RFC 6455). 여기서는 마스크 키 0으로 단순하게. */
  private static byte[] maskedTextFrame(byte[] payload) {
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write(0x81); // FIN + 텍스트
    frame.write(0x80 | payload.length); // 마스크 비트 + 길이(125바이트 이하)
    frame.writeBytes(new byte[4]); // 마스크 키 0 0 0 0: XOR해도 그대로
    frame.writeBytes(payload);
    return frame.toByteArray();
  }
}
