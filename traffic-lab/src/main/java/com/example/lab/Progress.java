package com.example.lab;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** 실행 중 진행 상황을 한 줄씩 찍습니다(표준 오류로: 표준 출력에는 결과 표만 남깁니다). */
final class Progress {

  private Progress() {}

  static synchronized void log(String line) {
    System.err.println("[" + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + line);
  }
}
