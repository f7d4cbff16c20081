package com.example.chat;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** 두 인스턴스 시나리오를 테스트 안에서 켠 ActiveMQ Artemis로 돌립니다(JDK만 있으면 됩니다). */
class ArtemisTwoInstanceTests extends TwoInstanceScenarios {

  @DynamicPropertySource
  static void broker(DynamicPropertyRegistry registry) {
    EmbeddedArtemis.register(registry);
  }
}
