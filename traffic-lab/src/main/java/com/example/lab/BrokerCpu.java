package com.example.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * 이 컴퓨터에서 도는 RabbitMQ(Erlang VM, 프로세스 이름 {@code beam.smp})가 쓴 CPU 시간을 읽습니다(리눅스 {@code /proc} 전용).
 *
 * <p>4장은 앱 서버, RabbitMQ, 실험실이 같은 2코어를 나눠 씁니다. 브로커의 몫을 따로 보여 주지 않으면 "앱이 느리다"와 "브로커가 코어를 먹었다"를 구별할 수
 * 없습니다. 내장 Artemis는 실험실 JVM 안에서 돌므로 그 몫은 실험실 CPU에 들어갑니다.
 */
final class BrokerCpu {

  /** 리눅스의 CPU 시간 단위(USER_HZ). 거의 모든 배포판에서 100입니다. */
  private static final double TICKS_PER_SECOND = 100;

  private BrokerCpu() {}

  /** 지금까지 쓴 CPU 초. RabbitMQ가 이 컴퓨터에 없거나 읽을 수 없으면 -1. */
  static double seconds() {
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      return processes
          .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .filter(BrokerCpu::isBeam)
          .mapToDouble(BrokerCpu::cpuSeconds)
          .filter(s -> s >= 0)
          .sum();
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static boolean isBeam(Path process) {
    try {
      return Files.readString(process.resolve("comm")).strip().equals("beam.smp");
    } catch (IOException e) {
      return false;
    }
  }

  /** /proc/PID/stat의 14번째(utime)와 15번째(stime) 값. 2번째 값(이름)에 공백이 있을 수 있어 ')' 뒤부터 셉니다. */
  private static double cpuSeconds(Path process) {
    try {
      String stat = Files.readString(process.resolve("stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
