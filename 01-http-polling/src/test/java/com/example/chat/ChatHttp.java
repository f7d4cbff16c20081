package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** 테스트에서 "브라우저 대신 HTTP를 직접 쓰는 사용자" 역할. JDK {@link HttpClient}로 실제 포트에 요청합니다. */
final class ChatHttp {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;

  ChatHttp(int port) {
    this.base = "http://localhost:" + port + "/api/rooms/";
  }

  /** 응답 하나: 상태, JSON 본문(없으면 null), 헤더. */
  record Reply(int status, JsonNode body, HttpHeaders headers) {
    List<Long> ids() {
      List<Long> ids = new ArrayList<>();
      body.forEach(message -> ids.add(message.get("id").asLong()));
      return ids;
    }

    String code() {
      return body.get("code").asString();
    }

    String content() {
      return body.get("content").asString();
    }
  }

  /** 입장한 사용자: 방과 토큰. */
  record Member(String room, String token, String nickname) {}

  Member join(String room, String nickname) {
    Reply reply = request("POST", room + "/members", null, json("nickname", nickname));
    assertThat(reply.status()).as("입장 응답 %s", reply.body()).isEqualTo(201);
    return new Member(room, reply.body().get("token").asString(), nickname);
  }

  Reply say(Member member, String content) {
    return request("POST", member.room() + "/messages", member.token(), json("content", content));
  }

  Reply leave(Member member) {
    return request("DELETE", member.room() + "/members/me", member.token(), null);
  }

  Reply poll(String room, long after, String token) {
    return request("GET", room + "/messages?after=" + after, token, null);
  }

  Reply longPoll(String room, long after, String token) {
    return request("GET", room + "/messages/wait?after=" + after, token, null);
  }

  List<String> members(String room) {
    Reply reply = request("GET", room + "/members", null, null);
    assertThat(reply.status()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    reply.body().path("members").forEach(name -> names.add(name.asString()));
    return names;
  }

  static String json(String field, String value) {
    return JSON.writeValueAsString(java.util.Map.of(field, value));
  }

  /** 머리글 하나를 붙여 본문 없이 요청합니다(예: {@code Last-Event-ID}). */
  Reply requestWithHeader(String method, String path, String name, String value) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header(name, value)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    return send(request);
  }

  Reply request(String method, String path, String token, String body) {
    return request(method, path, token, body, "application/json");
  }

  Reply request(String method, String path, String token, String body, String contentType) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      builder.header("X-Member-Token", token);
    }
    if (body != null) {
      builder.header("Content-Type", contentType);
    }
    builder.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    return send(builder.build());
  }

  private Reply send(HttpRequest request) {
    try {
      HttpResponse<String> response =
          client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      JsonNode json = response.body().isEmpty() ? null : JSON.readTree(response.body());
      return new Reply(response.statusCode(), json, response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
