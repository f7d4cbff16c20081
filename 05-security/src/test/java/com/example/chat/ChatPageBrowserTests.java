package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.chat.BrowserSession.Shown;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 실제 페이지를 headless Chromium으로 열어, 사람이 하듯 로그인하고 대화합니다({@code mvn verify -Pbrowser}에서만 돕니다). 브라우저마다 새
 * 프로필이라 쿠키를 나누지 않습니다(서로 다른 두 사람의 컴퓨터).
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChatPageBrowserTests {

  @LocalServerPort int port;

  private static final String KICK_FORM_SHOWN =
      "return getComputedStyle(document.querySelector('[data-testid=\"kick-form\"]')).display"
          + " !== 'none';";

  private final List<BrowserSession> browsers = new ArrayList<>();
  private HttpServer evil;

  @AfterEach
  void closeBrowsers() {
    browsers.forEach(BrowserSession::close);
    if (evil != null) {
      evil.stop(0);
    }
  }

  @Test
  @DisplayName("두 계정이 두 브라우저에서 로그인해 대화하고 귓속말한다")
  void twoAccountsChatAndWhisper() {
    // given: 민수와 지영이 각자 로그인해 같은 방에 들어온다
    BrowserSession minsu = browser().login("minsu", "minsu1234").enter("browser-chat");
    BrowserSession jiyoung = browser().login("jiyoung", "jiyoung1234").enter("browser-chat");
    minsu.waitForMembers("민수", "지영");

    // when: 민수가 말하고, 지영이 민수에게 귓속말한다
    minsu.send("안녕하세요, 지영님!");
    jiyoung.waitForChat("민수", "안녕하세요, 지영님!");
    jiyoung.send("/w 민수 비밀 이야기예요");

    // then: 민수는 귓속말을 보고, 보낸 사람은 로그인한 계정의 이름이다
    Shown whisper =
        minsu.waitForMessage(
            "지영의 귓속말", m -> m.type().equals("WHISPER") && m.sender().startsWith("지영"));
    assertThat(whisper.content()).isEqualTo("비밀 이야기예요");
    minsu.saveScreenshotIfAsked("05-security-chat.png");
  }

  @Test
  @DisplayName("말로리가 이름 칸을 '지영'으로 고쳐 들어와도 모두의 화면에는 '말로리'로 찍힌다")
  void impersonationFailsVisibly() {
    BrowserSession jiyoung = browser().login("jiyoung", "jiyoung1234").enter("impostor");
    BrowserSession mallory = browser().login("mallory", "mallory1234");

    // when: 말로리가 개발자 도구로 읽기 전용 이름 칸을 '지영'으로 바꾸고 들어와 글을 쓴다
    mallory.script(
        "const input = document.getElementById('nickname');"
            + " input.readOnly = false; input.value = '지영';");
    mallory.enter("impostor");
    mallory.send("저 지영이에요");

    // then: 지영의 화면에도, 말로리의 화면에도 보낸 사람은 말로리다
    jiyoung.waitForChat("말로리", "저 지영이에요");
    mallory.waitForChat("말로리", "저 지영이에요");
    jiyoung.waitForMembers("지영", "말로리");
    assertThat(jiyoung.messages())
        .noneMatch(m -> m.sender().equals("지영") && m.content().equals("저 지영이에요"));
  }

  @Test
  @DisplayName("관리자만 내보내기 폼을 보고, 내보내진 말로리의 화면에는 까닭이 나오고 방에서 나온다")
  void adminKicksFromThePage() {
    BrowserSession admin = browser().login("admin", "admin1234").enter("moderated");
    BrowserSession mallory = browser().login("mallory", "mallory1234").enter("moderated");
    admin.waitForMembers("관리자", "말로리");
    assertThat(mallory.script(KICK_FORM_SHOWN)).isEqualTo(false);
    assertThat(admin.script(KICK_FORM_SHOWN)).isEqualTo(true);

    // when: 관리자가 폼에 '말로리'를 적고 내보낸다
    admin.script(
        "document.querySelector('[data-testid=\"kick-input\"]').value = '말로리';"
            + " document.querySelector('[data-testid=\"kick-button\"]').click();");

    // then: 말로리의 화면에 한국어 까닭이 나오고 연결이 끊긴 상태가 되며, 관리자의 목록에서 말로리가 빠진다
    Shown kicked =
        mallory.waitForMessage(
            "KICKED 오류", m -> m.type().equals("ERROR") && m.code().equals("KICKED"));
    assertThat(kicked.text()).contains("관리자가 'moderated' 방에서 내보냈습니다.");
    mallory.waitForStatus("disconnected"::equals, "연결 안 됨");
    admin.waitForMembers("관리자");
  }

  @Test
  @DisplayName("로그인한 지영이 다른 출처의 공격 페이지를 열어도, 그 페이지는 지영의 쿠키로 웹소켓을 열지 못한다")
  void crossSiteWebSocketHijackingFails() throws Exception {
    // given: 지영이 로그인해 있고, 같은 컴퓨터의 다른 포트(다른 출처)에 공격 페이지가 있다
    BrowserSession jiyoung = browser().login("jiyoung", "jiyoung1234");
    int evilPort = startEvilPage();

    // when: 지영의 브라우저가 공격 페이지를 연다. 페이지는 채팅 서버로 웹소켓을 열고 CONNECT와 SEND를 보내려 한다
    jiyoung.script("location.assign('http://localhost:" + evilPort + "/')");

    // then: 브라우저는 쿠키를 붙여 보냈지만 서버가 Origin을 보고 핸드셰이크를 거절해, 소켓은 열리지 않고 닫힌다
    String result =
        Awaitility.await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> String.valueOf(jiyoung.script("return document.body.dataset.result || ''")),
                value -> !value.isEmpty());
    assertThat(result).isEqualTo("closed-before-open");
  }

  private BrowserSession browser() {
    BrowserSession session = BrowserSession.open("http://localhost:" + port + "/");
    browsers.add(session);
    return session;
  }

  /** 공격 페이지: 피해자가 로그인한 채팅 서버로 웹소켓을 열어 지영인 척 글을 쓰려 합니다. */
  private int startEvilPage() throws Exception {
    String page =
        """
        <!doctype html><meta charset="utf-8"><body>
        <script>
          const ws = new WebSocket('ws://localhost:%d/ws/websocket');
          let opened = false;
          ws.onopen = () => {
            opened = true;
            ws.send('CONNECT\\naccept-version:1.2\\n\\n\\0');
            ws.send('SEND\\ndestination:/app/rooms.lobby.send\\n\\n{"content":"해킹"}\\0');
          };
          ws.onclose = () => { document.body.dataset.result = opened ? 'opened' : 'closed-before-open'; };
        </script>
        """
            .formatted(port);
    evil = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    evil.createContext(
        "/",
        exchange -> {
          byte[] body = page.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    evil.start();
    return evil.getAddress().getPort();
  }
}
