package com.example.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/**
 * RabbitMQ가 없는 컴퓨터(JDK와 Maven만 있는 곳, {@code mvn verify})에서 4장을 돌리려고 실험실 프로세스 안에 띄우는 STOMP 브로커입니다.
 *
 * <p>4장은 브로커의 종류를 모르고 STOMP만 말하므로, {@code --chat.broker.port}만 이쪽으로 돌리면 됩니다. 실제 측정은 RabbitMQ로
 * 합니다(결과 표에 어느 브로커였는지 적습니다). 영속성과 보안은 끕니다: 실험실 안에서만 쓰는 일회용 브로커입니다.
 */
final class EmbeddedArtemis implements AutoCloseable {

  private final EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
  final int port;

  EmbeddedArtemis() throws Exception {
    this.port = ChapterServer.freePort();
    Path dir = Files.createTempDirectory("lab-artemis");
    ConfigurationImpl config = new ConfigurationImpl();
    config.setPersistenceEnabled(false);
    config.setSecurityEnabled(false);
    config.setJournalDirectory(dir.resolve("journal").toString());
    config.setBindingsDirectory(dir.resolve("bindings").toString());
    config.setPagingDirectory(dir.resolve("paging").toString());
    config.setLargeMessagesDirectory(dir.resolve("large").toString());
    config.addAcceptorConfiguration(
        "stomp",
        "tcp://127.0.0.1:"
            + port
            + "?protocols=STOMP&anycastPrefix=/queue/&multicastPrefix=/topic/");
    broker.setConfiguration(config);
    broker.start();
    if (!broker.getActiveMQServer().isActive()) {
      throw new IOException("내장 Artemis가 시작하지 못했습니다");
    }
  }

  @Override
  public void close() throws Exception {
    broker.stop();
  }
}
