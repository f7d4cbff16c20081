package com.example.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * 지연 모드가 4장 옆에 재는 기준 행 둘("RabbitMQ 직접", "인스턴스마다 구독 하나")이 실제로 모두에게 한 번씩 배달하는지, 실험실 안의 Artemis와 3장
 * jar로 작게 돌려 봅니다. 속도는 보지 않습니다.
 */
class BrokerReferenceRowsTests {

  private static final LabOptions OPTIONS = LabOptions.parse("--broker=artemis");

  @Test
  @DisplayName("RabbitMQ 직접 행: 브로커에 바로 붙은 3명이 12개를 빠짐없이 한 번씩 받는다")
  void brokerDirectRowDeliversToEveryone() throws Exception {
    // given: 브로커(내장 Artemis)만 있으면 되지만, 실제 지연 모드처럼 4장 서버와 함께 켠다
    try (Servers servers = new Servers(OPTIONS, List.of("04"), null);
        RowRun run = new RowRun(Row.BROKER_DIRECT, servers.brokerPort, 3, false, true, false)) {
      run.joinAll(3, 60);

      // when: 돌아가며 12개를 보낸다
      Deliveries.Summary s = run.chat(1, 12, 30, 30).summary();

      // then: 3명 × 12개가 한 번씩
      assertThat(s.delivered()).isEqualTo(36);
      assertThat(s.lost()).isZero();
      assertThat(s.duplicated()).isZero();
    }
  }

  @Test
  @DisplayName("인스턴스마다 구독 하나 행: 브로커로 보낸 12개를 3장 서버가 3명 모두에게 한 번씩 뿌린다")
  void fanoutRowDeliversThroughOneSubscription() throws Exception {
    // given: 3장 서버의 3명과, 브로커를 한 번 구독한 다리
    try (Servers servers = new Servers(OPTIONS, List.of("03", "04"), null);
        RowRun run = new RowRun(Row.FANOUT, servers.get("03").port, 3, false, true, false);
        FanoutBridge bridge =
            new FanoutBridge(
                servers.brokerPort,
                servers.get("03").port,
                Row.FANOUT.room(),
                NioTextSocket.FACTORY)) {
      bridge.open();
      run.sender = bridge.sender();
      run.joinAll(3, 60);

      // when: 12개를 브로커 토픽으로 보낸다
      Deliveries.Summary s = run.chat(1, 12, 30, 30).summary();

      // then: 3장 서버에 붙은 3명이 12개씩 한 번 받는다(브로커에서 다리로, 다리에서 3장으로 한 번씩)
      assertThat(s.delivered()).isEqualTo(36);
      assertThat(s.lost()).isZero();
      assertThat(s.duplicated()).isZero();
    }
  }
}
