package com.example.chat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * 실제 Chromium 창 하나를 채팅 페이지의 {@code data-testid}로만 조작하는 도우미(페이지 객체)입니다.
 *
 * <p>왜 있나: 브라우저 테스트가 CSS 구조가 아니라 프로토콜 문서에 적힌 이름({@code nickname-input}, {@code message-list} …)에만
 * 기대게 하려고요. 그래서 네 장이 이 파일을 바이트 하나 다르지 않게 함께 씁니다.
 *
 * <p>브라우저는 내려받지 않습니다. Debian의 {@code chromium}과 {@code chromium-driver}를 쓰고, 둘 중 하나라도 없으면 테스트를 건너뛰지
 * 않고 설치 방법을 적어 실패합니다. 실제 서비스라면 여러 브라우저와 화면 크기를 돌리겠지만, 이 예제에서는 headless Chromium 한 가지만 씁니다.
 */
final class BrowserSession implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  // Selenium이 Chromium 156에 맞는 DevTools(CDP) 모듈을 찾지 못했다는 경고를 숨깁니다. 이 테스트는 CDP를 쓰지 않습니다.
  private static final Logger CDP_LOG = Logger.getLogger("org.openqa.selenium.devtools");

  static {
    CDP_LOG.setLevel(Level.SEVERE);
  }

  /** 화면에 그려진 메시지 한 줄. ERROR 항목에는 보낸 사람과 본문 칸이 없어 {@code text}만 채워집니다. */
  record Shown(String type, String id, String code, String sender, String content, String text) {}

  private static final String READ_MESSAGES =
      """
      return [...document.querySelectorAll('[data-testid="message-list"] [data-testid="message"]')]
        .map((li) => ({
          type: li.dataset.type || '', id: li.dataset.id || '', code: li.dataset.code || '',
          sender: li.querySelector('.sender')?.textContent || '',
          content: li.querySelector('.content')?.textContent ?? '', text: li.textContent }));
      """;

  private final ChromeDriver driver;
  private final Path profile;

  private BrowserSession(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /**
   * 새 Chromium(새 임시 프로필, 1100×900)을 띄워 {@code url}을 엽니다. {@code extraArguments}는 Chromium에 더 줄
   * 인자입니다(예: 프록시의 자체 서명 인증서를 받아들이는 {@code --ignore-certificate-errors}).
   */
  static BrowserSession open(String url, String... extraArguments) {
    require(CHROMIUM, "chromium");
    require(CHROMEDRIVER, "chromium-driver");
    // Selenium Manager가 드라이버를 내려받으러 가지 않도록 경로를 못 박아 둡니다.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    Path profile = createTempDirectory();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    // 실패 메시지에 페이지의 콘솔 기록(자바스크립트 오류 포함)을 붙이려고 모읍니다.
    LoggingPreferences console = new LoggingPreferences();
    console.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", console);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        // 두 창을 함께 띄워도 뒤쪽 창의 타이머(폴링, 재연결)가 느려지지 않게 합니다.
        "--disable-background-timer-throttling",
        "--disable-renderer-backgrounding",
        "--disable-backgrounding-occluded-windows",
        "--lang=ko-KR",
        "--window-size=1100,900",
        "--user-data-dir=" + profile);
    options.addArguments(extraArguments);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    BrowserSession session = new BrowserSession(new ChromeDriver(service, options), profile);
    try {
      session.driver.get(url);
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
    return session;
  }

  // ---- 사용자가 하는 일 ----

  /** 닉네임과 방을 적고 입장 버튼을 누른 뒤, 메시지 입력칸이 열릴 때까지 기다립니다. */
  BrowserSession join(String nickname, String room) {
    type("nickname-input", nickname);
    return enter(room);
  }

  /** 5장: 로그인 폼에 아이디와 비밀번호를 적고 로그인한 뒤, 채팅 페이지가 계정의 이름을 채울 때까지 기다립니다. */
  BrowserSession login(String username, String password) {
    type("login-username", username);
    type("login-password", password);
    byTestId("login-button").click();
    waitUntil(
        "'" + username + "' 로그인 후 이름이 채워짐",
        () ->
            !driver.findElements(By.cssSelector("[data-testid=\"nickname-input\"]")).isEmpty()
                && !byTestId("nickname-input").getDomProperty("value").isEmpty());
    return this;
  }

  /** 방 이름만 적고 입장합니다(5장처럼 이름을 계정이 정하는 페이지). */
  BrowserSession enter(String room) {
    type("room-input", room);
    byTestId("join-button").click();
    waitUntil("'" + room + "' 입장 후 입력칸이 열림", () -> byTestId("message-input").isEnabled());
    // 입력칸은 연결되는 동안에도 열립니다(퇴장으로 그만둘 수 있게). 보내기 전에 연결까지 기다립니다.
    waitForStatus("connected"::equals, "연결됨");
    return this;
  }

  void send(String text) {
    type("message-input", text);
    byTestId("send-button").click();
  }

  /** 입력칸의 {@code maxlength}를 지나치는 값(curl이나 봇이 보낼 법한 값)을 스크립트로 넣고 보냅니다. */
  void sendBypassingMaxlength(String text) {
    driver.executeScript("arguments[0].value = arguments[1];", byTestId("message-input"), text);
    byTestId("send-button").click();
  }

  void leave() {
    byTestId("leave-button").click();
  }

  // ---- 화면에서 읽는 것 ----

  List<Shown> messages() {
    List<?> rows = (List<?>) driver.executeScript(READ_MESSAGES);
    return rows.stream().map(row -> (Map<?, ?>) row).map(BrowserSession::shown).toList();
  }

  /** 참여자 목록의 이름들. 목록은 통째로 바뀌므로(replaceChildren) 한 번의 스크립트로 읽습니다. */
  List<String> members() {
    List<?> names =
        (List<?>)
            driver.executeScript(
                "return [...document.querySelectorAll('[data-testid=\"member-list\"] li')]"
                    + ".map((li) => li.textContent);");
    return names.stream().map(String::valueOf).toList();
  }

  String status() {
    return byTestId("connection-status").getDomAttribute("data-state");
  }

  /** 트래픽 패널의 카운터 값(예: {@code requests}, {@code framesIn}). 아직 없으면 0. */
  long counter(String name) {
    Object text =
        driver.executeScript(
            "const dd = document.querySelector(`[data-testid=\"traffic-panel\"] [data-counter=\"${arguments[0]}\"]`);"
                + " return dd ? dd.textContent : '0';",
            name);
    return Long.parseLong(String.valueOf(text).replaceAll("[^0-9]", ""));
  }

  /** {@code data-testid} 영역 안에서 CSS 선택자에 맞는 요소 수(예: 메시지 목록 안의 {@code img}). */
  long countInside(String testId, String cssSelector) {
    return byTestId(testId).findElements(By.cssSelector(cssSelector)).size();
  }

  Object script(String javascript) {
    return driver.executeScript(javascript);
  }

  // ---- 기다리기(sleep 없이, 조건이 맞을 때까지) ----

  Shown waitForMessage(String description, Predicate<Shown> match) {
    waitUntil(description, () -> messages().stream().anyMatch(match));
    return messages().stream().filter(match).findFirst().orElseThrow();
  }

  Shown waitForChat(String sender, String content) {
    return waitForMessage(
        sender + "의 CHAT '" + content + "'",
        m -> m.type().equals("CHAT") && m.sender().equals(sender) && m.content().equals(content));
  }

  /** JOIN/LEAVE 알림처럼 그 사람의 닉네임이 들어간 {@code type} 항목을 기다립니다. */
  Shown waitForNotice(String type, String nickname) {
    return waitForMessage(
        nickname + "의 " + type + " 알림", m -> m.type().equals(type) && m.text().contains(nickname));
  }

  void waitForMembers(String... nicknames) {
    List<String> expected = Stream.of(nicknames).sorted().toList();
    waitUntil("참여자 목록 " + expected, () -> members().stream().sorted().toList().equals(expected));
  }

  void waitForStatus(Predicate<String> state, String description) {
    waitUntil("연결 상태 " + description, () -> state.test(status()));
  }

  private void waitUntil(String description, BooleanSupplier condition) {
    new WebDriverWait(driver, TIMEOUT)
        .ignoring(StaleElementReferenceException.class)
        .withMessage(() -> description + " — 지금 화면: " + this)
        .until(d -> condition.getAsBoolean());
  }

  // ---- 화면 저장(-Dscreenshots=true일 때만) ----

  /** 지금 화면을 저장소의 {@code docs/images/{fileName}}에 저장합니다. 평소 테스트 실행에서는 아무것도 쓰지 않습니다. */
  void saveScreenshotIfAsked(String fileName) {
    if (!Boolean.getBoolean("screenshots")) {
      return;
    }
    driver.executeScript("document.activeElement?.blur();");
    Path target =
        Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .toAbsolutePath()
            .getParent()
            .resolve("docs/images")
            .resolve(fileName);
    try {
      Files.createDirectories(target.getParent());
      Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * 화면설계서용: 각 영역에 번호 배지(1, 2, …)와 테두리를 그린 뒤 저장합니다. {@code areas[i]}는 번호 i+1이 가리키는 {@code
   * data-testid}들을 공백으로 이은 것입니다(예: {@code "message-input send-button"}). {@code #}으로 시작하면 요소 id입니다.
   */
  void saveCalloutScreenshotIfAsked(String fileName, String... areas) {
    if (!Boolean.getBoolean("screenshots")) {
      return;
    }
    driver.executeScript(
        """
        arguments[0].forEach((area, index) => {
          const targets = area.split(' ').map((id) => {
            const el = document.querySelector(id.startsWith('#') ? id : `[data-testid="${id}"]`);
            if (!el) throw new Error(`화면에 ${id} 가 없습니다`);
            return el;
          });
          targets.forEach((el) => { el.style.outline = '2px dashed #d1242f'; el.style.outlineOffset = '2px'; });
          const box = targets[0].getBoundingClientRect();
          const badge = document.createElement('div');
          badge.dataset.callout = String(index + 1);
          badge.textContent = String(index + 1);
          Object.assign(badge.style, {
            position: 'absolute', zIndex: 1000, width: '24px', height: '24px', borderRadius: '50%',
            background: '#d1242f', color: '#fff', font: 'bold 14px/24px sans-serif', textAlign: 'center',
            boxShadow: '0 0 0 2px #fff', left: `${box.left + scrollX - 14}px`, top: `${box.top + scrollY - 14}px` });
          document.body.append(badge);
        });
        """,
        List.of(areas));
    saveScreenshotIfAsked(fileName);
  }

  @Override
  public String toString() {
    List<String> console =
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .map(entry -> entry.getLevel() + " " + entry.getMessage())
            .toList();
    return "상태=" + status() + ", 참여자=" + members() + ", 메시지=" + messages() + ", 콘솔=" + console;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteQuietly(profile);
    }
  }

  // ---- 내부 ----

  private WebElement byTestId(String testId) {
    return driver.findElement(By.cssSelector("[data-testid=\"" + testId + "\"]"));
  }

  private void type(String testId, String text) {
    WebElement input = byTestId(testId);
    input.clear();
    if (text.codePoints().allMatch(Character::isBmpCodePoint)) {
      input.sendKeys(text);
      return;
    }
    // ChromeDriver는 BMP 밖의 글자(이모지 등)를 sendKeys로 치지 못합니다("ChromeDriver only supports characters in
    // the
    // BMP", Debian의 chromium-driver 150에서 겪음). 그런 글은 값을 스크립트로 넣고, 사람이 칠 때처럼 input 이벤트를 냅니다.
    driver.executeScript(
        "arguments[0].value = arguments[1];"
            + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
        input,
        text);
  }

  private static Shown shown(Map<?, ?> row) {
    return new Shown(
        text(row, "type"),
        text(row, "id"),
        text(row, "code"),
        text(row, "sender"),
        text(row, "content"),
        text(row, "text"));
  }

  private static String text(Map<?, ?> row, String key) {
    return Objects.toString(row.get(key), "");
  }

  private static void require(Path executable, String debianPackage) {
    if (!Files.isExecutable(executable)) {
      throw new IllegalStateException(
          executable
              + " 이(가) 없거나 실행할 수 없습니다(Debian 패키지 "
              + debianPackage
              + "). 브라우저 테스트(-Pbrowser)는 브라우저를 내려받지 않고 설치된 것을 씁니다: "
              + "apt-get install -y chromium chromium-driver");
    }
  }

  private static Path createTempDirectory() {
    try {
      return Files.createTempDirectory("chat-browser-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // 임시 프로필을 못 지워도 테스트 결과와는 상관없습니다.
    }
  }
}
