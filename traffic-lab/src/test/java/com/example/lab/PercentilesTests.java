package com.example.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PercentilesTests {

  @Test
  @DisplayName("1부터 100까지에서 p50은 50, p99는 99, 최댓값은 100이다")
  void nearestRankOnOneToHundred() {
    // given: 뒤섞인 1..100
    long[] samples = LongStream.rangeClosed(1, 100).map(i -> (i * 37) % 100 + 1).toArray();

    // when
    Percentiles p = new Percentiles(samples);

    // then: 가장 가까운 순위 방식(보간 없음)
    assertThat(p.percentile(50)).isEqualTo(50);
    assertThat(p.percentile(99)).isEqualTo(99);
    assertThat(p.percentile(100)).isEqualTo(100);
    assertThat(p.max()).isEqualTo(100);
    assertThat(p.count()).isEqualTo(100);
  }

  @Test
  @DisplayName("표본이 적으면 p99는 가장 큰 값 쪽으로 올림된다")
  void smallSamplesRoundUp() {
    // given: 표본 세 개
    Percentiles p = new Percentiles(new long[] {30, 10, 20});

    // then: ceil(0.5×3)=2번째, ceil(0.99×3)=3번째
    assertThat(p.percentile(50)).isEqualTo(20);
    assertThat(p.percentile(99)).isEqualTo(30);
    assertThat(p.percentile(1)).isEqualTo(10);
  }

  @Test
  @DisplayName("표본이 없으면 0, 범위 밖 백분위는 거절한다")
  void emptyAndInvalid() {
    // given
    Percentiles empty = new Percentiles(new long[0]);

    // then
    assertThat(empty.percentile(99)).isZero();
    assertThat(empty.max()).isZero();
    assertThatThrownBy(() -> empty.percentile(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> empty.percentile(101)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("배달 장부는 유실과 중복을 받는 사람별로 센다")
  void ledgerCountsLostAndDuplicated() {
    // given: 두 사람, 메시지 세 개(순번 10, 11, 12)
    Deliveries ledger = new Deliveries(2, 10, 3);
    for (int seq = 10; seq < 13; seq++) {
      ledger.sent(seq);
    }

    // when: 0번은 셋 다(11은 두 번), 1번은 10만 받는다. 범위 밖 순번 99는 무시된다
    long now = System.nanoTime();
    ledger.received(0, 10, now);
    ledger.received(0, 11, now);
    ledger.received(0, 11, now);
    ledger.received(0, 12, now);
    ledger.received(1, 10, now);
    ledger.received(1, 99, now);

    // then
    Deliveries.Summary summary = ledger.summary();
    assertThat(summary.delivered()).isEqualTo(4);
    assertThat(summary.lost()).isEqualTo(2);
    assertThat(summary.duplicated()).isEqualTo(1);
    assertThat(summary.latency().count()).isEqualTo(4);
    assertThat(ledger.complete()).isFalse();
  }
}
