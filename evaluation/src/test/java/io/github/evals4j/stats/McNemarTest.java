package io.github.evals4j.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import org.junit.jupiter.api.Test;

class McNemarTest {

  @Test
  void should_match_hand_computed_binomial_tail_when_one_versus_five() {
    // GIVEN 6 discordant pairs split 1:5. P(X<=1) = (1 + 6)/64, P(X=1) = 6/64.
    // THEN exact = 2 * 7/64 = 0.21875 (R: binom.test(1, 6)$p.value), mid-p = 2 * (7 - 3)/64
    assertThat(McNemar.exact(1, 5)).isCloseTo(14.0 / 64, within(1e-12));
    assertThat(McNemar.midP(1, 5)).isCloseTo(8.0 / 64, within(1e-12));
    assertThat(McNemar.exact(5, 1)).isEqualTo(McNemar.exact(1, 5));
  }

  @Test
  void should_cap_at_one_when_split_is_even() {
    assertThat(McNemar.exact(3, 3)).isEqualTo(1.0);
    assertThat(McNemar.exact(0, 0)).isEqualTo(1.0);
    assertThat(McNemar.midP(0, 0)).isEqualTo(1.0);
  }

  @Test
  void should_subtract_half_the_observed_point_when_split_is_even() {
    // GIVEN b = c: every split is at least as extreme as the observed one, so mid-p = 1 - P(X=b)/2
    // (Fagerland, Lydersen and Laake 2013), not the one-tail doubling's 1.0.
    // scipy: 1 - 0.5*binom.pmf(3, 6, .5) = 0.84375; 1 - 0.5*binom.pmf(10, 20, .5) = 0.9119014739990235
    assertThat(McNemar.midP(3, 3)).isCloseTo(0.84375, within(1e-12));
    assertThat(McNemar.midP(10, 10)).isCloseTo(0.9119014739990235, within(1e-12));
    // AND the exact conditional p-value stays 1
    assertThat(McNemar.exact(10, 10)).isEqualTo(1.0);
  }

  @Test
  void should_fail_clearly_when_counts_overflow_a_long() {
    assertThatThrownBy(() -> McNemar.midP(Long.MAX_VALUE, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overflow a long");
    assertThatThrownBy(() -> McNemar.exact(Long.MAX_VALUE / 2 + 1, Long.MAX_VALUE / 2 + 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overflow a long");
  }

  @Test
  void should_match_reference_values_when_counts_are_large() {
    // scipy.stats.binom: 2*cdf(2000; 4100, .5) = 0.12206497999113655, mid-p 0.11838393686129361
    assertThat(McNemar.exact(2000, 2100)).isCloseTo(0.12206497999113655, withPercentage(1e-6));
    assertThat(McNemar.midP(2000, 2100)).isCloseTo(0.11838393686129361, withPercentage(1e-6));
    // 29000:31000 -> 3.305411277972722e-16 (no underflow to 0, no overflow)
    assertThat(McNemar.exact(29_000, 31_000)).isCloseTo(3.305411277972722e-16, withPercentage(1e-4));
  }

  @Test
  void should_fail_when_a_count_is_negative() {
    assertThatThrownBy(() -> McNemar.midP(-1, 2)).isInstanceOf(IllegalArgumentException.class);
  }
}
