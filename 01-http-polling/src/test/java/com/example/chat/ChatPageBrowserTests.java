package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.chat.BrowserSession.Shown;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 실제 페이지를 headless Chromium 두 개로 열어, 사람이 하듯 입장하고 대화합니다({@code mvn verify -Pbrowser}에서만 돕니다).
 *
 * <p>단위 테스트가 "서버가 맞는 JSON을 보낸다"를 확인한다면, 이 테스트는 "사람이 화면에서 그것을 본다"를 확인합니다. {@code
 * -Dscreenshots=true}를 주면 대화 장면을 {@code docs/images/}에 저장합니다.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChatPageBrowserTests {

  @LocalServerPort int port;

  @Autowired WebServerApplicationContext context;

  private final List<BrowserSession> browsers = new ArrayList<>();

  /** 서버를 내렸다 올려도 같은 주소로 돌아오도록, 무작위로 고른 빈 포트를 고정해 씁니다. */
  @DynamicPropertySource
  static void fixedRandomPort(DynamicPropertyRegistry registry) {
    registry.add("server.port", ChatPageBrowserTests::freePort);
  }

  @AfterEach
  void closeBrowsers() {
    browsers.forEach(BrowserSession::close);
  }

  @Test
  @DisplayName("두 사람이 입장해 서로 대화하고, 참여자 목록과 입장·퇴장 알림을 본다")
  void twoPeopleChatBothWays() {
    // given: 민수와 지영이 같은 방에 들어온다
    BrowserSession minsu = browser().join("민수", "browser-chat");
    BrowserSession jiyoung = browser().join("지영", "browser-chat");

    // then: 둘 다 참여자 목록에서 서로를 보고, 민수는 지영의 입장 알림을 본다
    minsu.waitForMembers("민수", "지영");
    jiyoung.waitForMembers("민수", "지영");
    minsu.waitForNotice("JOIN", "지영");
    jiyoung.waitForNotice("JOIN", "민수");

    // when: 서로 말을 주고받는다
    minsu.send("안녕하세요, 지영님!");
    jiyoung.waitForChat("민수", "안녕하세요, 지영님!");
    jiyoung.send("반가워요 민수님 😀 오늘 실습 같이 해요");
    minsu.waitForChat("지영", "반가워요 민수님 😀 오늘 실습 같이 해요");
    minsu.send("좋아요. 트래픽 패널 숫자도 같이 봐요");

    // then: 두 화면 모두 같은 대화를 같은 순서로 보여 준다
    jiyoung.waitForChat("민수", "좋아요. 트래픽 패널 숫자도 같이 봐요");
    minsu.waitForChat("민수", "좋아요. 트래픽 패널 숫자도 같이 봐요");
    assertThat(chats(minsu)).isEqualTo(chats(jiyoung)).hasSize(3);
    // and: 트래픽 패널은 받은 메시지(입장 알림 둘 + 대화 셋)를 센다
    assertThat(minsu.counter("messages")).isGreaterThanOrEqualTo(5);
    minsu.saveScreenshotIfAsked("01-http-polling.png");

    // when: 지영이 나간다
    jiyoung.leave();

    // then: 민수는 퇴장 알림을 보고, 참여자 목록에는 민수만 남는다
    minsu.waitForNotice("LEAVE", "지영");
    minsu.waitForMembers("민수");
  }

  @Test
  @DisplayName("방식을 SSE로 고른 사람도 같은 방에서 대화하고, 트래픽 패널은 요청 하나로 메시지를 받는 모습을 보인다")
  void sseModeChats() {
    // given: 민수는 SSE, 지영은 짧은 폴링으로 같은 방에 들어온다
    BrowserSession minsu = browser();
    minsu.script(
        "const mode = document.getElementById('poll-mode');"
            + " mode.value = 'sse'; mode.dispatchEvent(new Event('change'));");
    minsu.join("민수", "browser-sse");
    BrowserSession jiyoung = browser().join("지영", "browser-sse");
    minsu.waitForMembers("민수", "지영");

    // when: 서로 말한다
    jiyoung.send("폴링에서 보내요");
    minsu.waitForChat("지영", "폴링에서 보내요");
    minsu.send("SSE에서 답해요");
    jiyoung.waitForChat("민수", "SSE에서 답해요");

    // then: 민수의 화면은 SSE로 연결되었다고 말하고, 받은 메시지가 여럿이어도 스트림 요청은 하나다
    assertThat(minsu.status()).isEqualTo("connected");
    assertThat(
            minsu.script(
                "return document.querySelector('[data-testid=\"connection-status\"]').textContent"))
        .isEqualTo("연결됨 · SSE");
    assertThat(minsu.counter("messages")).isGreaterThanOrEqualTo(3);
    assertThat(minsu.counter("emptyResponses")).isZero();
  }

  @Test
  @DisplayName("늦게 들어온 사람도 지난 대화를 순서대로 한 번씩 본다")
  void lateJoinerSeesHistory() {
    // given: 민수가 먼저 들어와 두 마디를 남긴다
    BrowserSession minsu = browser().join("민수", "browser-history");
    minsu.send("첫 번째 메시지");
    minsu.waitForChat("민수", "첫 번째 메시지");
    minsu.send("두 번째 메시지");
    minsu.waitForChat("민수", "두 번째 메시지");

    // when: 지영이 나중에 들어온다
    BrowserSession jiyoung = browser().join("지영", "browser-history");

    // then: 지영의 화면에 지난 대화가 순서대로, 겹치지 않고 보인다
    jiyoung.waitForChat("민수", "두 번째 메시지");
    assertThat(chats(jiyoung)).containsExactly("민수: 첫 번째 메시지", "민수: 두 번째 메시지");
    assertNoMessageShownTwice(jiyoung);
  }

  @Test
  @DisplayName("HTML과 스크립트가 든 메시지와 닉네임은 글자 그대로 보이고 아무것도 실행되지 않는다")
  void htmlIsShownAsTextAndNeverRuns() {
    String image = "<img src=x onerror=\"window.__pwned=1\">";
    String script = "<script>window.__pwned=1</script>";
    // given: 닉네임에도 태그를 쓴 사람과 민수가 같은 방에 있다
    BrowserSession minsu = browser().join("민수", "browser-xss");
    BrowserSession tagged = browser().join("<b>지영</b>", "browser-xss");
    minsu.waitForMembers("민수", "<b>지영</b>");

    // when: 태그가 든 메시지를 보낸다
    tagged.send(image);
    tagged.send(script);

    // then: 두 화면 모두 글자 그대로 보여 주고, 요소는 만들어지지 않고, 스크립트는 돌지 않았다
    for (BrowserSession browser : List.of(minsu, tagged)) {
      browser.waitForChat("<b>지영</b>", image);
      browser.waitForChat("<b>지영</b>", script);
      assertThat(browser.countInside("message-list", "img, script, b")).isZero();
      assertThat(browser.countInside("member-list", "b")).isZero();
      assertThat(browser.script("return typeof window.__pwned")).isEqualTo("undefined");
    }
  }

  @Test
  @DisplayName("서버가 거절한 메시지는 보낸 사람에게만 한국어 ERROR로 보이고, 대화는 이어진다")
  void serverValidationErrorGoesToSenderOnly() {
    // given: 민수와 지영이 같은 방에 있다
    BrowserSession minsu = browser().join("민수", "browser-error");
    BrowserSession jiyoung = browser().join("지영", "browser-error");
    minsu.waitForMembers("민수", "지영");

    // when: 민수가 입력칸의 maxlength를 건너뛰어 1001자를 보낸다
    minsu.sendBypassingMaxlength("가".repeat(1001));

    // then: 민수는 서버가 보낸 ERROR 항목을 본다
    Shown error = minsu.waitForMessage("ERROR 항목", m -> m.type().equals("ERROR"));
    assertThat(error.code()).isEqualTo("CONTENT_TOO_LONG");
    assertThat(error.text()).contains("1000자 이하");

    // when: 민수가 이어서 평범한 메시지를 보낸다
    minsu.send("오류 다음 메시지");

    // then: 지영은 그 메시지만 보고, 오류나 1001자 메시지는 보지 않는다
    jiyoung.waitForChat("민수", "오류 다음 메시지");
    minsu.waitForChat("민수", "오류 다음 메시지");
    assertThat(jiyoung.messages()).noneMatch(m -> m.type().equals("ERROR"));
    assertThat(chats(jiyoung)).containsExactly("민수: 오류 다음 메시지");
    assertThat(chats(minsu)).containsExactly("민수: 오류 다음 메시지");
  }

  @Test
  @DisplayName("서버가 내려가면 연결 상태가 바뀌고, 돌아오면 다시 연결되어 빠지거나 겹친 메시지 없이 대화가 이어진다")
  void reconnectsWhenServerComesBack() {
    // given: 민수와 지영이 한 마디 나눈 상태
    BrowserSession minsu = browser().join("민수", "browser-restart");
    BrowserSession jiyoung = browser().join("지영", "browser-restart");
    minsu.send("서버가 내려가기 전");
    jiyoung.waitForChat("민수", "서버가 내려가기 전");
    minsu.waitForStatus("connected"::equals, "연결됨");

    // 웹 서버(포트)만 내렸다 올립니다. 앱의 메모리(방, 기록)는 그대로라, 네트워크가 잠깐 끊긴 것과 같습니다.
    WebServer server = context.getWebServer();
    try {
      // when: 서버가 내려간다
      server.stop();

      // then: 두 화면 모두 더는 '연결됨'이 아니라고 보여 준다
      minsu.waitForStatus(state -> !state.equals("connected"), "연결됨이 아님");
      jiyoung.waitForStatus(state -> !state.equals("connected"), "연결됨이 아님");
    } finally {
      // when: 서버가 같은 포트로 돌아온다
      server.start();
    }

    // then: 두 화면 모두 스스로 다시 연결하고, 참여자도 그대로다
    minsu.waitForStatus("connected"::equals, "연결됨");
    jiyoung.waitForStatus("connected"::equals, "연결됨");
    minsu.waitForMembers("민수", "지영");
    jiyoung.waitForMembers("민수", "지영");

    // when: 지영이 말한다
    jiyoung.send("서버가 돌아온 뒤");

    // then: 두 화면 모두 두 메시지를 한 번씩, 순서대로 본다
    for (BrowserSession browser : List.of(minsu, jiyoung)) {
      browser.waitForChat("지영", "서버가 돌아온 뒤");
      assertThat(chats(browser)).containsExactly("민수: 서버가 내려가기 전", "지영: 서버가 돌아온 뒤");
      assertNoMessageShownTwice(browser);
    }
  }

  private BrowserSession browser() {
    BrowserSession browser = BrowserSession.open("http://localhost:" + port + "/");
    browsers.add(browser);
    return browser;
  }

  /** 화면의 CHAT 항목을 "보낸 사람: 본문"으로. */
  private static List<String> chats(BrowserSession browser) {
    return browser.messages().stream()
        .filter(m -> m.type().equals("CHAT"))
        .map(m -> m.sender() + ": " + m.content())
        .toList();
  }

  /**
   * 같은 id가 두 번 그려지지 않았는지 봅니다. id의 오름차순까지는 요구하지 않습니다: 3·4장은 기록(구독 응답)과 실시간 메시지가 서로 다른 길로 와서 자기 JOIN
   * 알림이 기록보다 먼저 그려질 수 있습니다. 대화(CHAT)의 순서는 각 테스트가 따로 확인합니다.
   */
  private static void assertNoMessageShownTwice(BrowserSession browser) {
    List<Long> ids =
        browser.messages().stream()
            .filter(m -> !m.id().isEmpty())
            .map(m -> Long.parseLong(m.id()))
            .toList();
    assertThat(ids).as("메시지 id, %s", browser).doesNotHaveDuplicates();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
