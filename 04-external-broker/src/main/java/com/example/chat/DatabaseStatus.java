package com.example.chat;

import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * 데이터베이스에 닿는지 지켜보고, 닿지 않으면 요청을 한국어 오류({@code STORE_UNAVAILABLE})로 거절합니다.
 *
 * <p>{@link BrokerStatus}와 같은 생각입니다. 데이터베이스가 꺼지면 로그를 한 줄만 남기고(연결 풀의 긴 스택 트레이스 대신), 보내기는 그 사람에게 오류로
 * 돌려줍니다. 끊긴 줄 아는 동안에는 연결을 기다리지 않고 바로 거절해, 요청마다 연결 제한 시간만큼 스레드가 묶이지 않게 합니다. 돌아왔는지는 {@link
 * InstanceLease}가 몇 초마다 {@link #attempt}로 확인하고, 돌아오면 다시 켜지 않아도 이어집니다.
 *
 * <p>연결 풀이 바빠서 제한 시간 안에 연결을 못 준 것(연결 시도가 실패한 적은 없음)은 끊긴 것이 아닙니다. 그 요청만 거절하고 상태는 그대로 둡니다. 그렇지 않으면 켠
 * 직후의 느린 첫 연결이나 입장이 몰린 순간이 "끊김"이 되어, 몇 초 동안 모든 사람의 요청이 거절됩니다. 실제 서비스라면 상태를 모니터링 시스템에도 알리겠지만, 이
 * 예제에서는 로그 한 줄로 알립니다.
 */
@Component
class DatabaseStatus {

  private static final Logger log = LoggerFactory.getLogger(DatabaseStatus.class);

  private final String url;
  private final AtomicBoolean available = new AtomicBoolean(true);

  DatabaseStatus(Environment env) {
    this.url = env.getProperty("spring.datasource.url", "(spring.datasource.url 없음)");
  }

  /** 데이터베이스 일을 합니다. 끊긴 줄 알면 해 보지 않고 바로 거절합니다. */
  <T> T call(Supplier<T> work) {
    if (!available.get()) {
      throw new ChatException(ChatError.Code.STORE_UNAVAILABLE);
    }
    return attempt(work);
  }

  /** 끊긴 동안에도 해 봅니다. 닿지 않으면 {@code STORE_UNAVAILABLE}을 던집니다. */
  <T> T attempt(Supplier<T> work) {
    try {
      T result = work.get();
      if (available.compareAndSet(false, true)) {
        log.info("데이터베이스에 다시 연결했습니다: {}", url);
      }
      return result;
    } catch (DataAccessException | TransactionException e) {
      Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
      // 여러 요청이 동시에 실패해도 로그는 상태가 바뀌는 한 번만 남깁니다.
      if (!(cause instanceof SQLTransientConnectionException)
          && available.compareAndSet(true, false)) {
        log.warn(
            "데이터베이스에 연결할 수 없습니다: {} ({}). 서버를 켰는지(bash 04-external-broker/start-servers.sh),"
                + " spring.datasource.* 주소와 계정이 맞는지 확인하세요. 그동안 보내기는 거절되고, 돌아오면 다시 켜지 않아도 이어집니다.",
            url,
            cause.getMessage());
      }
      throw new ChatException(ChatError.Code.STORE_UNAVAILABLE);
    }
  }

  boolean available() {
    return available.get();
  }
}
