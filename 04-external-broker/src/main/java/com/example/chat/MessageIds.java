package com.example.chat;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * 여러 인스턴스가 동시에 만들어도 겹치지 않는 메시지 번호: {@code id = 시각(밀리초) × 1000 + 인스턴스 번호}.
 *
 * <p>3장까지는 방마다 1, 2, 3…을 매겼지만, 인스턴스가 둘이면 둘 다 "5번"을 만들 수 있고, 페이지는 같은 id를 한 번만 그리므로 한쪽 메시지가 사라집니다.
 * 그래서 뒤 세 자리에 인스턴스 번호를 넣어 겹치지 않게 하고, 앞부분은 시각으로 채워 인스턴스를 다시 켜도 예전 번호를 다시 쓰지 않게 했습니다. 시각이 뒤로 가도 번호는 늘
 * 커지고, 다른 인스턴스에서 더 큰 번호를 보면 따라 올라갑니다(하이브리드 논리 시계). 실제 서비스라면 Redis {@code INCR}나 DB 시퀀스로 방마다 한 줄로
 * 번호를 받겠지만, 이 예제에서는 설치할 것을 늘리지 않으려고 이렇게 합니다. 인스턴스 번호는 {@code chat.broker.instance-id}, 없으면 서버 포트 %
 * 1000입니다.
 */
@Component
final class MessageIds {

  private static final Logger log = LoggerFactory.getLogger(MessageIds.class);
  private static final int INSTANCES = 1000;

  private final int instance;
  private final Clock clock;
  private long lastMillis;

  @Autowired
  MessageIds(BrokerProperties broker, Environment env) {
    this(instanceId(broker, env), Clock.systemUTC());
  }

  MessageIds(int instance, Clock clock) {
    this.instance = instance;
    this.clock = clock;
  }

  synchronized long next() {
    lastMillis = Math.max(lastMillis + 1, clock.millis());
    return lastMillis * INSTANCES + instance;
  }

  /** 다른 인스턴스의 번호를 봤습니다. 이후 번호는 그보다 큽니다. */
  synchronized void observe(long id) {
    lastMillis = Math.max(lastMillis, id / INSTANCES);
  }

  int instance() {
    return instance;
  }

  static int instanceOf(long id) {
    return (int) (id % INSTANCES);
  }

  private static int instanceId(BrokerProperties broker, Environment env) {
    if (broker.instanceId() >= 0) {
      return broker.instanceId() % INSTANCES;
    }
    int port = env.getProperty("server.port", Integer.class, 8080);
    if (port > 0) {
      return port % INSTANCES;
    }
    int random = ThreadLocalRandom.current().nextInt(INSTANCES);
    log.warn("server.port가 0이라 인스턴스 번호를 임의로 {}로 정했습니다. chat.broker.instance-id를 정해 주세요", random);
    return random;
  }
}
