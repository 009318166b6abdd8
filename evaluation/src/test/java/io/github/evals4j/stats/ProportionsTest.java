package io.github.evals4j.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProportionsTest {

  // Newcombe (1998), Statistics in Medicine 17:857-872, Table I, method 3 (Wilson score, no
  // continuity correction), quoted to four decimals.
  @ParameterizedTest(name = "{0}/{1} -> [{2}, {3}]")
  @CsvSource({
    "81, 263, 0.2553, 0.3662",
    "15, 148, 0.0624, 0.1605",
    "0, 20, 0.0000, 0.1611",
    "1, 29, 0.0061, 0.1718"
  })
  void should_match_Newcombe_1998_when_computing_Wilson_interval(
      long successes, long n, double lower, double upper) {
    // WHEN
    Interval ci = Proportions.wilson(successes, n);
    // THEN
    assertThat(ci.lower()).isCloseTo(lower, within(0.00005));
    assertThat(ci.upper()).isCloseTo(upper, within(0.00005));
  }

  @Test
  void should_pin_bound_to_one_when_every_run_passed() {
    // GIVEN 20 of 20: centre 0.9161, half-width 0.0839 (hand-computed), upper exactly 1
    Interval ci = Proportions.wilson(20, 20);
    assertThat(ci.upper()).isEqualTo(1.0);
    assertThat(ci.lower()).isCloseTo(1 - 0.1611, within(0.00005));
  }

  @Test
  void should_return_whole_range_when_nothing_observed() {
    assertThat(Proportions.wilson(0, 0)).isEqualTo(new Interval(0, 1));
  }

  @Test
  void should_stay_inside_unit_interval_when_n_is_huge() {
    Interval ci = Proportions.wilson(999_999_999L, 1_000_000_000L);
    assertThat(ci.lower()).isBetween(0.99999, 1.0);
    assertThat(ci.upper()).isLessThanOrEqualTo(1.0).isGreaterThan(ci.lower());
  }

  @Test
  void should_fail_when_successes_exceed_n() {
    assertThatThrownBy(() -> Proportions.wilson(5, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("5 of 4");
    assertThatThrownBy(() -> Proportions.wilson(-1, 4)).isInstanceOf(IllegalArgumentException.class);
  }
}
