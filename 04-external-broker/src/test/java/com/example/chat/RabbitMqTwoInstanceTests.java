package com.example.chat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 두 인스턴스 시나리오를 진짜 RabbitMQ(127.0.0.1:61613, STOMP 플러그인)로 돌립니다. {@code -Pservers}에서만 돌고, RabbitMQ가
 * 없으면 건너뛰지 않고 실패합니다.
 */
@Tag("rabbitmq")
class RabbitMqTwoInstanceTests extends TwoInstanceScenarios {

  @BeforeAll
  static void requireRabbitMq() {
    RabbitMq.requireRunning();
  }

  @DynamicPropertySource
  static void broker(DynamicPropertyRegistry registry) {
    RabbitMq.register(registry);
  }
}
