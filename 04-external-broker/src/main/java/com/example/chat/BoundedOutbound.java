package com.example.chat;

import java.util.concurrent.ThreadPoolExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * 클라이언트에게 나갈 메시지를 넘겨받는 스레드 풀({@code clientOutboundChannel})에 끝이 있는 큐를 답니다.
 *
 * <p>왜 필요한가: 스프링의 기본 풀은 큐에 끝이 없습니다. 방송이 보내기보다 빠르면(1,000명 방에 초당 100개 = 배달 초당 10만 건) 못 보낸 메시지가 큐에 쌓여
 * 힙을 다 채우고, 서버가 {@code OutOfMemoryError}로 모두의 연결을 잃습니다. 실험실 {@code --capacity}에서 {@code -Xmx256m}인
 * 3장 서버가 실제로 그렇게 죽었습니다(docs/03-traffic-comparison.md). 세션마다 거는 보내기 버퍼 한도({@code
 * send-buffer-size-limit})는 이 큐를 지난 다음에야 적용되므로 이 일을 막지 못합니다.
 *
 * <p>큐가 차면 메시지를 넘기던 스레드가 직접 보냅니다({@link ThreadPoolExecutor.CallerRunsPolicy}). 3장에서는 SEND를 처리하던
 * 스레드, 4장에서는 브로커에서 온 메시지를 넘기던 스레드가 잠깐 보내기를 맡으므로, 새 메시지를 받아들이는 속도가 보내는 속도만큼 늦춰질 뿐 메시지를 버리지 않습니다. 실제
 * 서비스라면 큐 길이와 "직접 보낸" 횟수를 지표로 남기겠지만, 이 예제에서는 풀만 만듭니다.
 */
final class BoundedOutbound {

  private BoundedOutbound() {}

  /** 스레드 수는 스프링 기본값(코어 수 × 2)과 같게 두고 큐의 끝만 정합니다. 스프링이 빈으로 등록해 시작하고 끕니다. */
  static ThreadPoolTaskExecutor executor(int queueCapacity) {
    int threads = Runtime.getRuntime().availableProcessors() * 2;
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setCorePoolSize(threads);
    executor.setMaxPoolSize(threads);
    executor.setQueueCapacity(queueCapacity);
    executor.setRejectedExecutionHandler(new ThreadPoolExecutor.CallerRunsPolicy());
    executor.setThreadNamePrefix("clientOutboundChannel-");
    return executor;
  }
}
