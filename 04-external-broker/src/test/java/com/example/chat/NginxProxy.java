package com.example.chat;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.sockjs.client.RestClientXhrTransport;
import org.springframework.web.socket.sockjs.client.SockJsClient;

/**
 * 테스트에서 {@code deploy/nginx.sh}로 진짜 nginx를 켜고 끄며, 그 자체 서명 인증서를 믿는 클라이언트를 만듭니다. 인증서 검사를 끄지 않고 만든 인증서
 * 하나만 믿으므로, 주소(localhost)와 인증서가 맞는지도 그대로 시험됩니다.
 */
final class NginxProxy {

  static final String ORIGIN = "https://localhost:8443";
  static final String WSS = "wss://localhost:8443/ws/websocket";
  static final Path SCRIPT = Path.of("..", "deploy", "nginx.sh");
  static final Path DIR = Path.of(System.getProperty("java.io.tmpdir"), "chat-nginx-test");

  private NginxProxy() {}

  /** 읽기 시한을 {@code readTimeout}으로 줄이고 뒤에 둘 인스턴스의 포트를 정해 켭니다. nginx가 없으면 실패합니다. */
  static void start(String readTimeout, int portA, int portB) throws Exception {
    run(
        "start",
        Map.of(
            "CHAT_NGINX_READ_TIMEOUT", readTimeout,
            "CHAT_PORT_A", String.valueOf(portA),
            "CHAT_PORT_B", String.valueOf(portB)));
  }

  static void stop() throws Exception {
    run("stop", Map.of());
  }

  /** 만든 인증서 하나만 믿는 TLS. */
  static SSLContext trust() throws Exception {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    try (InputStream in = Files.newInputStream(DIR.resolve("localhost.crt"))) {
      store.setCertificateEntry(
          "chat-nginx", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, trust.getTrustManagers(), null);
    return tls;
  }

  /** 만든 인증서를 믿고 {@code wss://}로 붙는 웹소켓 클라이언트. */
  static StandardWebSocketClient websocketClient() throws Exception {
    StandardWebSocketClient client = new StandardWebSocketClient();
    client.setSslContext(trust());
    return client;
  }

  /** 만든 인증서를 믿는 SockJS 클라이언트. HTTP 전송(xhr-streaming)만 씁니다. */
  static SockJsClient xhrStreamingClient() throws Exception {
    HttpClient http = HttpClient.newBuilder().sslContext(trust()).build();
    RestClient rest =
        RestClient.builder().requestFactory(new JdkClientHttpRequestFactory(http)).build();
    return new SockJsClient(List.of(new RestClientXhrTransport(rest)));
  }

  /** 핸드셰이크 머리글: 페이지가 보내는 {@code Origin}. */
  static WebSocketHttpHeaders origin(String origin) {
    WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
    headers.setOrigin(origin);
    return headers;
  }

  private static void run(String command, Map<String, String> env) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString(), command).inheritIO();
    builder.environment().putAll(env);
    builder.environment().put("CHAT_NGINX_DIR", DIR.toString());
    Process process = builder.start();
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(
          "deploy/nginx.sh " + command + "가 실패했습니다. nginx가 없다면: sudo apt-get install -y nginx");
    }
  }
}
