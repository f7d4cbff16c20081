package com.example.chat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * 테스트 JVM 안에서 켜는 진짜 STOMP 브로커(ActiveMQ Artemis). JDK만 있는 컴퓨터에서도 {@code mvn verify}가 릴레이를 실제 브로커로
 * 시험하게 합니다.
 *
 * <p>RabbitMQ처럼 {@code /topic/...}은 모두에게(multicast), {@code /queue/...}는 한 곳으로(anycast) 가도록 접두사를
 * 정합니다. 한 JVM에 하나만 켜고, JVM이 끝날 때 함께 꺼집니다. 실제 서비스라면 브로커를 따로 운영하겠지만, 이 테스트에서는 설치 없이 쓰려고 이렇게 합니다.
 */
final class EmbeddedArtemis {

  private static int port;

  private EmbeddedArtemis() {}

  /** 브로커를 (아직 안 켰으면) 켜고, 앱이 그 브로커에 붙도록 {@code chat.broker.*}를 정합니다. */
  static synchronized void register(DynamicPropertyRegistry registry) {
    if (port == 0) {
      port = start();
    }
    registry.add("chat.broker.host", () -> "127.0.0.1");
    registry.add("chat.broker.port", () -> port);
  }

  private static int start() {
    try {
      int free = freePort();
      Path dir = Files.createTempDirectory("artemis");
      ConfigurationImpl config = new ConfigurationImpl();
      config.setPersistenceEnabled(false).setSecurityEnabled(false);
      config.setJournalDirectory(dir.resolve("journal").toString());
      config.setBindingsDirectory(dir.resolve("bindings").toString());
      config.setPagingDirectory(dir.resolve("paging").toString());
      config.setLargeMessagesDirectory(dir.resolve("large").toString());
      config.addAcceptorConfiguration(
          "stomp",
          "tcp://127.0.0.1:"
              + free
              + "?protocols=STOMP&anycastPrefix=/queue/&multicastPrefix=/topic/");
      EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
      broker.setConfiguration(config);
      broker.start();
      // start()는 초기화에 실패해도 예외를 던지지 않으므로 직접 확인합니다.
      if (!broker.getActiveMQServer().isActive()) {
        throw new IllegalStateException("Artemis가 켜지지 않았습니다");
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(broker)));
      return free;
    } catch (Exception e) {
      throw new IllegalStateException("Artemis를 켜지 못했습니다", e);
    }
  }

  private static void stop(EmbeddedActiveMQ broker) {
    try {
      broker.stop();
    } catch (Exception e) {
      // JVM이 끝나는 중이라 할 수 있는 일이 없습니다.
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
