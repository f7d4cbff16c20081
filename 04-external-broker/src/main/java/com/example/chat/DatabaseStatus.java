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
 * 데이터베이스에 닿는지 지켜보고, 닿지 않으면 요청을 한국어 오류({@code STORE_UNAVAILABLE})로 거절합니다. {@link BrokerStatus}와 같은
 * 생각으로, 끊기면 연결 풀의 긴 스택 트레이스 대신 로그를 한 줄 남기고, 끊긴 줄 아는 동안에는 연결을 기다리지 않고 바로 거절합니다. 돌아왔는지는 {@link
 * InstanceLease}가 몇 초마다 {@link #attempt}로 확인합니다.
 *
 * <p>연결 풀이 바빠서 제한 시간 안에 연결을 못 준 것({@link SQLTransientConnectionException})은 끊긴 것이 아니므로 그 요청만 거절합니다.
 * 실제 서비스라면 상태를 모니터링 시스템에도 알리겠지만, 이 예제에서는 로그 한 줄로 알립니다.
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
