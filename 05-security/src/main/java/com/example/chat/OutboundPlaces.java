package com.example.chat;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** 나갈 메시지가 기다릴 수 있는 자리(풀 전체에서 {@code capacity}개). {@link BoundedOutbound}가 씁니다. */
final class OutboundPlaces {

  private final int capacity;
  private final Duration patience;
  private final String workerPrefix;
  private final Semaphore places;

  OutboundPlaces(int capacity, Duration patience, String workerPrefix) {
    this.capacity = capacity;
    this.patience = patience;
    this.workerPrefix = workerPrefix;
    this.places = new Semaphore(capacity);
  }

  int capacity() {
    return capacity;
  }

  /**
   * 자리를 하나 잡습니다(잡았으면 {@code true}). 두 스레드는 기다리지 않고 자리 없이 넣습니다. 내보내는 스레드: 연결이 끊길 때 LEAVE를 방송하는 것도 그
   * 스레드라 서로 기다리다 멈출 수 있습니다. 4장에서 브로커와의 TCP 연결을 읽는 네티 스레드: 그 스레드가 멈추면 브로커에 heart-beat를 보내지 못해, 내장
   * Artemis가 20초 뒤 연결을 끊었습니다({@code OrderingTests}). {@code patience}만큼 기다려도 자리가 안 나면 잡지 않고 돌아갑니다:
   * 자리를 내줄 스레드가 이 스레드가 쥔 방 잠금을 기다리는 드문 경우에도 멈추지 않으려는 것입니다.
   */
  boolean take() {
    Thread current = Thread.currentThread();
    if (current.getName().startsWith(workerPrefix) || isNettyThread(current.getClass())) {
      return false;
    }
    try {
      return places.tryAcquire(patience.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** 네티 스레드인지 이름으로 봅니다(3장에는 네티가 없어 클래스를 직접 쓸 수 없습니다). */
  private static boolean isNettyThread(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (c.getName().equals("io.netty.util.concurrent.FastThreadLocalThread")) {
        return true;
      }
    }
    return false;
  }

  void give() {
    places.release();
  }
}
