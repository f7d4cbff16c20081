package com.example.lab;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * 실험실 폴링 요청의 헤더가 정말 "브라우저 같은지" 한 번 확인합니다(--chromium-check).
 *
 * <p>1장 서버 앞에 프록시를 두고, 실제 Chromium(헤드리스)이 1장 페이지를 열어 입장 버튼을 누르게 합니다(DevTools 프로토콜의 {@code
 * Runtime.evaluate}). 같은 일을 실험실 클라이언트로도 한 뒤, 두 프록시가 받아 적은 짧은 폴링 요청({@code GET …/messages?after=})의
 * 헤더를 나란히 놓습니다.
 */
final class ChromiumCheck {

  private static final String ROOM = "lab-chromium";

  private final LabOptions options;

  ChromiumCheck(LabOptions options) {
    this.options = options;
  }

  String run() throws Exception {
    try (Servers servers = new Servers(options, List.of("01"), null)) {
      int port = servers.get("01").port;
      String chrome;
      try (CountingProxy proxy = new CountingProxy(port, 64 * 1024)) {
        driveChromium(proxy.port());
        chrome = firstPoll(proxy.capturedUpstream());
      }
      String lab;
      try (CountingProxy proxy = new CountingProxy(port, 64 * 1024);
          RowContext ctx = new RowContext("127.0.0.1", proxy.port(), ROOM)) {
        PollingClient client = new PollingClient(ctx, 0, "실험실", false, 1000);
        client.join().get(30, TimeUnit.SECONDS);
        client.leave().get(30, TimeUnit.SECONDS);
        lab = firstPoll(proxy.capturedUpstream());
      }
      return report(chrome, lab);
    }
  }

  private void driveChromium(int proxyPort) throws Exception {
    Path profile = Files.createTempDirectory("lab-chromium");
    List<String> command =
        List.of(
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--remote-debugging-port=0",
            "--remote-allow-origins=*",
            "--user-data-dir=" + profile,
            "http://127.0.0.1:" + proxyPort + "/");
    Process chromium;
    try {
      chromium =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(profile.resolve("chromium.log").toFile())
              .start();
    } catch (IOException e) {
      throw new IOException("chromium을 찾지 못했습니다. apt-get install -y chromium 으로 설치하세요", e);
    }
    try {
      Path portFile = profile.resolve("DevToolsActivePort");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!Files.exists(portFile) && System.nanoTime() < deadline) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
      }
      int devtools = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
      HttpClient http = HttpClient.newHttpClient();
      String pages = "";
      // 페이지가 about:blank에서 1장 페이지로 넘어간 뒤에 조작해야 합니다.
      while (!(pages.contains("webSocketDebuggerUrl") && pages.contains(":" + proxyPort + "/"))
          && System.nanoTime() < deadline) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        pages =
            http.send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + devtools + "/json/list"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body();
      }
      String target = Json.string(pages, "webSocketDebuggerUrl");
      java.util.Map<Integer, CompletableFuture<String>> answers =
          new java.util.concurrent.ConcurrentHashMap<>();
      WebSocket ws =
          http.newWebSocketBuilder()
              .buildAsync(
                  URI.create(target),
                  new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(
                        WebSocket socket, CharSequence data, boolean last) {
                      text.append(data);
                      if (last) {
                        String message = text.toString();
                        long id = Json.number(message, "id", 0);
                        CompletableFuture<String> answer = answers.get((int) id);
                        if (answer != null) {
                          answer.complete(message);
                        }
                        text.setLength(0);
                      }
                      socket.request(1);
                      return null;
                    }
                  })
              .get(10, TimeUnit.SECONDS);
      // 문서가 다 실린 뒤(readyState가 complete)에 조작합니다. 그 전에는 실행 문맥이 바뀔 수 있습니다.
      for (int id = 1; id < 100; id++) {
        String ready = evaluate(ws, answers, id, "document.readyState + ':' + location.href");
        if (ready.contains("complete:http")) {
          break;
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
      }
      String script =
          "(async () => {"
              + " const wait = (ms) => new Promise(r => setTimeout(r, ms));"
              + " document.cookie = 'JSESSIONID=5F2B8C1D9E0A4F3B7C6D5E4F3A2B1C0D; path=/';"
              + " document.cookie = '_ga=GA1.1.1234567890.1764201600; path=/';"
              + " document.querySelector('[data-testid=nickname-input]').value = '크롬';"
              + " document.querySelector('[data-testid=room-input]').value = '"
              + ROOM
              + "';"
              + " document.querySelector('[data-testid=join-button]').click();"
              + " await wait(3500); return 'ok'; })()";
      String result = evaluate(ws, answers, 100, script);
      if (!result.contains("\"ok\"")) {
        throw new IOException("Chromium에서 페이지 조작이 실패했습니다: " + result);
      }
      ws.abort();
    } finally {
      chromium.descendants().forEach(ProcessHandle::destroy);
      chromium.destroy();
      chromium.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static String evaluate(
      WebSocket ws,
      java.util.Map<Integer, CompletableFuture<String>> answers,
      int id,
      String expression)
      throws Exception {
    CompletableFuture<String> answer = new CompletableFuture<>();
    answers.put(id, answer);
    ws.sendText(
            "{\"id\":"
                + id
                + ",\"method\":\"Runtime.evaluate\",\"params\":{\"expression\":"
                + Json.quote(expression)
                + ",\"awaitPromise\":true}}",
            true)
        .get(10, TimeUnit.SECONDS);
    return answer.get(30, TimeUnit.SECONDS);
  }

  /** 받아 적은 올림 바이트에서 첫 짧은 폴링 요청의 머리(요청 줄 + 헤더 + 빈 줄)를 찾습니다. */
  static String firstPoll(List<byte[]> captured) throws IOException {
    for (byte[] bytes : captured) {
      String text = new String(bytes, StandardCharsets.UTF_8);
      int at = text.indexOf("GET /api/rooms/" + ROOM + "/messages?after=");
      if (at >= 0) {
        int end = text.indexOf("\r\n\r\n", at);
        return text.substring(at, end + 4);
      }
    }
    throw new IOException("폴링 요청을 받아 적지 못했습니다");
  }

  private String report(String chrome, String lab) {
    StringBuilder md = new StringBuilder("# 폴링 요청 헤더: 실제 Chromium과 실험실 클라이언트\n\n");
    md.append(
        ReportWriter.runInfo(
            options, "- 1장 짧은 폴링, 같은 계수 프록시로 받아 적은 첫 `GET …/messages?after=` 요청\n\n"));
    md.append(
        String.format(
            Locale.ROOT,
            "| | Chromium | 실험실 |%n|---|---:|---:|%n| 요청 머리 바이트 | %d | %d |%n",
            chrome.getBytes(StandardCharsets.UTF_8).length,
            lab.getBytes(StandardCharsets.UTF_8).length));
    md.append("\n## Chromium이 보낸 요청\n\n```http\n").append(chrome.strip()).append("\n```\n");
    md.append("\n## 실험실이 보낸 요청\n\n```http\n").append(lab.strip()).append("\n```\n");
    md.append("\n## Chromium에만 있는 헤더\n\n");
    for (String name : names(chrome)) {
      if (!names(lab).contains(name)) {
        md.append("- `").append(name).append("`\n");
      }
    }
    return md.toString();
  }

  private static List<String> names(String head) {
    List<String> names = new ArrayList<>();
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && !line.startsWith("GET ")) {
        names.add(line.substring(0, colon).toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }
}
