package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** {@link BoundedOutbound}의 풀: 큐가 차면 넘기던 스레드가 직접 일하고, 일을 버리지 않습니다. */
class BoundedOutboundTests {

  @Test
  @DisplayName("스레드가 모두 바쁘고 큐가 차면, 넘기던 스레드가 그 일을 직접 하고 아무 일도 버리지 않는다")
  void fullQueueRunsInCallerAndDropsNothing() throws Exception {
    ThreadPoolTaskExecutor executor = BoundedOutbound.executor(1);
    executor.initialize();
    try {
      int threads = executor.getMaxPoolSize();
      CountDownLatch release = new CountDownLatch(1);
      BlockingQueue<String> ran = new LinkedBlockingQueue<>();

      // given: 풀의 스레드가 모두 막혀 있고(보내기가 막힌 상황), 큐 한 칸도 찼다
      for (int i = 0; i < threads + 1; i++) {
        String name = "막힌 일 " + i;
        executor.execute(
            () -> {
              awaitQuietly(release);
              ran.add(name);
            });
      }

      // when: 일 하나를 더 넘긴다
      executor.execute(() -> ran.add("넘친 일: " + Thread.currentThread().getName()));

      // then: 넘친 일은 넘긴 스레드(이 테스트 스레드)에서 곧바로 끝났다
      assertThat(ran.poll(5, TimeUnit.SECONDS))
          .isEqualTo("넘친 일: " + Thread.currentThread().getName());

      // then: 막혀 있던 일도 풀리면 모두 끝난다(버린 일이 없다)
      release.countDown();
      for (int i = 0; i < threads + 1; i++) {
        assertThat(ran.poll(5, TimeUnit.SECONDS)).startsWith("막힌 일");
      }
    } finally {
      executor.shutdown();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
