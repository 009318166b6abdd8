package io.github.evals4j.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import org.junit.jupiter.api.Test;

class SampleSizeTest {

  @Test
  void should_match_formula_when_comparing_eighty_and_ninety_percent() {
    // GIVEN p1 = .8, p2 = .9, p̄ = .85: (1.959964·√(2·.85·.15) + 0.841621·√(.16 + .09))² / .01
    //  = (0.99636 + 0.42081)² / 0.01 = 198.96 -> 199 per group
    assertThat(SampleSize.perGroup(0.8, 0.9)).hasValue(199);
    // p1 = .5, p2 = .6: (1.959964·√(2·.55·.45) + 0.841621·√(.25 + .24))² / .01 = 387.34 -> 388
    assertThat(SampleSize.perGroup(0.5, 0.6)).hasValue(388);
  }

  @Test
  void should_be_empty_when_rates_are_equal() {
    assertThat(SampleSize.perGroup(0.7, 0.7)).isEmpty();
  }

  @Test
  void should_say_more_than_the_limit_instead_of_long_max_value_when_rates_nearly_equal() {
    // GIVEN a difference of 1e-7: the formula gives ~3.9e14 cases, (long) of a larger one 2^63-1
    long n = SampleSize.perGroup(0.5, 0.5000001).getAsLong();
    // THEN the estimate is "more than a billion", never Long.MAX_VALUE
    assertThat(n).isEqualTo(SampleSize.LIMIT + 1);
    assertThat(SampleSize.describe(n)).isEqualTo("more than 1000000000");
    assertThat(SampleSize.perGroup(0.5, 0.5 + 1e-15).getAsLong()).isEqualTo(SampleSize.LIMIT + 1);
    assertThat(SampleSize.describe(199)).isEqualTo("199");
  }

  @Test
  void should_match_connor_formula_when_cases_are_paired() {
    // GIVEN pass/fail cases: 10 % of cases only pass in the first version, 20 % only in the second.
    // Connor (1987): psi = .3, delta = .1: (1.959964·√.3 + 0.841621·√(.3 - .01))² / .01
    //  = (1.073516 + 0.453226)² / .01 = 233.09 -> 234
    assertThat(SampleSize.paired(0.1, 0.3, 0.3 - 0.01)).hasValue(234);
    assertThat(SampleSize.paired(0, 0.3, 0.3)).isEmpty();
  }

  @Test
  void should_match_textbook_quantiles() {
    assertThat(Normal.quantile(0.975)).isCloseTo(1.959963984540054, within(1e-8));
    assertThat(Normal.quantile(0.8)).isCloseTo(0.8416212335729143, within(1e-8));
    assertThat(Normal.quantile(0.001)).isCloseTo(-3.090232306167813, within(1e-8));
  }

  @Test
  void should_match_scipy_when_computing_upper_tails() {
    // scipy.stats.norm.sf; the fit promises a relative error below 1.2e-7 (2e-5 %)
    assertThat(Normal.upperTail(2)).isCloseTo(0.022750131948179195, withPercentage(2e-5));
    assertThat(Normal.upperTail(5)).isCloseTo(2.866515718791933e-07, withPercentage(2e-5));
    assertThat(Normal.upperTail(10)).isCloseTo(7.61985302416047e-24, withPercentage(2e-5));
    assertThat(Normal.upperTail(30)).isCloseTo(4.906713927147908e-198, withPercentage(2e-5));
    assertThat(Normal.upperTail(-2)).isCloseTo(1 - 0.022750131948179195, within(1e-7));
  }
}
