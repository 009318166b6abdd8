package io.github.evals4j.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.evals4j.stats.EarlyStopping.Verdict;
import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

  @Test
  void should_settle_fail_when_upper_bound_is_below_threshold() {
    // 0 of 10 at z = 3.29: upper = z²/n / (1 + z²/n) = 1.0827 / 2.0827 = 0.5199 < 0.9
    assertThat(EarlyStopping.passRate(0, 10, 0.9)).isEqualTo(Verdict.FAILS);
    assertThat(Proportions.wilson(0, 10, EarlyStopping.Z_999).upper()).isCloseTo(0.5199, org.assertj.core.api.Assertions.within(1e-4));
  }

  @Test
  void should_stay_unsettled_when_interval_straddles_threshold() {
    // 9 of 10: interval at 99.9 % is [0.392, 0.992]
    assertThat(EarlyStopping.passRate(9, 10, 0.9)).isEqualTo(Verdict.UNSETTLED);
    assertThat(EarlyStopping.passRate(0, 0, 0.9)).isEqualTo(Verdict.UNSETTLED);
  }

  @Test
  void should_settle_pass_when_lower_bound_clears_threshold() {
    // 1000 of 1000: lower = 1 / (1 + z²/n) = 1 / 1.010827 = 0.98929 >= 0.9
    assertThat(EarlyStopping.passRate(1000, 1000, 0.9)).isEqualTo(Verdict.PASSES);
    // 95 % would settle 40 of 40 (lower 0.912), the default 99.9 % does not yet (lower 0.787)
    assertThat(EarlyStopping.passRate(40, 40, 0.9, Proportions.Z_95)).isEqualTo(Verdict.PASSES);
    assertThat(EarlyStopping.passRate(40, 40, 0.9)).isEqualTo(Verdict.UNSETTLED);
  }
}
