package com.example.lab;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 실험실 클라이언트가 HTTP 요청마다 싣는 "브라우저 같은" 헤더입니다.
 *
 * <p>자바 HTTP 클라이언트는 기본으로 {@code User-Agent: Java-http-client/17} 한 줄만 보내서, 그대로 재면 폴링 비용이 브라우저보다 훨씬
 * 작게 나옵니다. 그래서 데스크톱 Chrome이 1장 페이지의 {@code fetch()}에 싣는 헤더를 같은 순서·같은 값으로 싣습니다: User-Agent, Accept,
 * Accept-Language, 쿠키, 그리고 Chromium에서 실제로 받아 적은 나머지(Pragma/Cache-Control: {@code cache: 'no-store'}
 * 때문, sec-ch-ua 셋, Sec-Fetch 셋, Referer, Accept-Encoding). POST/DELETE에는 브라우저처럼 Origin도 싣습니다. 실제
 * Chromium과의 비교는 {@code --chromium-check}가 {@code docs/traffic/chromium-headers.md}에 남깁니다. 자바
 * 클라이언트가 직접 정할 수 없는 것은 {@code Connection: keep-alive} 한 줄뿐입니다(HTTP/1.1은 기본이 keep-alive라 빼도 동작이
 * 같습니다).
 */
final class BrowserHeaders {

  static final String USER_AGENT =
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
          + " Chrome/156.0.0.0 Safari/537.36";
  static final String ACCEPT_LANGUAGE = "ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7";
  static final String COOKIE =
      "JSESSIONID=5F2B8C1D9E0A4F3B7C6D5E4F3A2B1C0D; _ga=GA1.1.1234567890.1764201600";

  private BrowserHeaders() {}

  /** 같은 출처 페이지의 fetch()/XHR 요청 헤더. base는 {@code http://host:port}. */
  static Map<String, String> fetch(String base, boolean withOrigin) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Pragma", "no-cache");
    headers.put("Cache-Control", "no-cache");
    headers.put("sec-ch-ua-platform", "\"Linux\"");
    headers.put("User-Agent", USER_AGENT);
    headers.put("sec-ch-ua", "\"Not:A-Brand\";v=\"8\", \"Chromium\";v=\"156\"");
    headers.put("sec-ch-ua-mobile", "?0");
    headers.put("Accept", "*/*");
    if (withOrigin) {
      headers.put("Origin", base);
    }
    headers.put("Sec-Fetch-Site", "same-origin");
    headers.put("Sec-Fetch-Mode", "cors");
    headers.put("Sec-Fetch-Dest", "empty");
    headers.put("Referer", base + "/");
    headers.put("Accept-Encoding", "gzip, deflate, br, zstd");
    headers.put("Accept-Language", ACCEPT_LANGUAGE);
    headers.put("Cookie", COOKIE);
    return headers;
  }

  /** WebSocket 핸드셰이크에 붙이는 헤더(Upgrade, Sec-WebSocket-* 는 클라이언트가 직접 씁니다). */
  static Map<String, String> webSocket(String origin) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Pragma", "no-cache");
    headers.put("Cache-Control", "no-cache");
    headers.put("User-Agent", USER_AGENT);
    headers.put("Origin", origin);
    headers.put("Accept-Encoding", "gzip, deflate, br, zstd");
    headers.put("Accept-Language", ACCEPT_LANGUAGE);
    headers.put("Cookie", COOKIE);
    return headers;
  }
}
