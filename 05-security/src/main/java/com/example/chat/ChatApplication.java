package com.example.chat;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** 채팅 서버의 시작점입니다. {@code chat.*} 설정은 {@link ConfigurationPropertiesScan}이 읽어 들입니다. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ChatApplication {
  public static void main(String[] args) {
    SpringApplication.run(ChatApplication.class, args);
  }
}
