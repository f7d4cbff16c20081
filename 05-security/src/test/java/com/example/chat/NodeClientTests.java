package com.example.chat;

import static com.example.chat.ChatStompTests.awaitMessage;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.chat.StompTestClient.Room;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * README의 Node 예제({@code clients/token-client.mjs})를 README에 적힌 그대로 실행합니다({@code mvn verify
 * -Pnode}에서만 돕니다. 먼저 {@code npm install --prefix 05-security/clients}).
 */
@Tag("node")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NodeClientTests {

  private static final Path CLIENTS = Path.of("clients");

  @LocalServerPort int port;

  @Test
  @DisplayName("Node 클라이언트가 토큰을 받아 붙고, 그 글이 로그인한 지영에게 계정의 이름으로 닿는다")
  void nodeClientChatsWithAToken() throws Exception {
    try (StompTestClient jiyoung = ChatLogin.as(port, "jiyoung").connect()) {
      Room jiyoungRoom = jiyoung.join("node");

      // when: README의 명령을 실행한다
      Run run = node("minsu", "minsu1234", "node", "Node에서 보냅니다");

      // then: 클라이언트는 자기 글을 받고 끝나며, 지영에게도 민수의 글로 닿는다
      assertThat(run.exitCode()).as(run.output()).isZero();
      assertThat(run.output()).contains("연결했습니다.", "[CHAT] 민수: Node에서 보냅니다");
      ChatMessage received =
          awaitMessage(jiyoungRoom.messages(), m -> "Node에서 보냅니다".equals(m.content()));
      assertThat(received.sender()).isEqualTo("민수");
    }
  }

  @Test
  @DisplayName("비밀번호가 틀리면 Node 클라이언트는 서버의 한국어 까닭을 보여 주고 실패로 끝난다")
  void nodeClientShowsTheRefusal() throws Exception {
    // when
    Run run = node("minsu", "wrong", "node", "보내지 못할 글");

    // then
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.output()).contains("토큰을 받지 못했습니다(HTTP 401): 아이디 또는 비밀번호가 맞지 않습니다.");
  }

  private Run node(String... args) throws IOException, InterruptedException {
    if (!Files.isDirectory(CLIENTS.resolve("node_modules/@stomp/stompjs"))) {
      throw new IllegalStateException(
          "Node 예제의 의존성이 없습니다. 먼저 npm install --prefix 05-security/clients 를 실행하세요.");
    }
    List<String> command = new java.util.ArrayList<>(List.of("node", "token-client.mjs"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(CLIENTS.toFile());
    builder.environment().put("CHAT_URL", "http://127.0.0.1:" + port);
    Process process = builder.redirectErrorStream(true).start();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("Node 클라이언트가 30초 안에 끝나지 않았습니다");
    }
    return new Run(
        process.exitValue(),
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  private record Run(int exitCode, String output) {}
}
