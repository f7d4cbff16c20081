package com.example.lab;

import java.util.Arrays;

/**
 * 지연 표본에서 p50/p99/최댓값을 뽑습니다.
 *
 * <p>"가장 가까운 순위(nearest-rank)" 방식입니다: p 백분위수는 정렬한 표본의 {@code ceil(p/100 × n)}번째 값이라, 언제나 실제로 관측한 값
 * 하나입니다(보간하지 않습니다). 표본이 없으면 0을 돌려주고, 표에서는 "-"로 보입니다.
 */
final class Percentiles {

  private final long[] sorted;

  Percentiles(long[] samples) {
    this.sorted = samples.clone();
    Arrays.sort(sorted);
  }

  int count() {
    return sorted.length;
  }

  long percentile(double p) {
    if (p <= 0 || p > 100) {
      throw new IllegalArgumentException("p must be in (0, 100]: " + p);
    }
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  long max() {
    return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
  }
}
