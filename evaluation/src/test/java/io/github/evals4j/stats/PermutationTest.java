package io.github.evals4j.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PermutationTest {

  private static long[] differences(int positive, long plus, int negative, long minus, int zero) {
    long[] d = new long[positive + negative + zero];
    Arrays.fill(d, 0, positive, plus);
    Arrays.fill(d, positive, positive + negative, -minus);
    return d;
  }

  @Test
  void should_equal_mcnemar_mid_p_when_every_case_ran_once() {
    // GIVEN differences of +1 (fixed) and -1 (broken): the sign-flip test is McNemar's
    assertThat(Permutation.pairedMidP(differences(5, 1, 1, 1, 7))).isCloseTo(McNemar.midP(1, 5), within(1e-12));
    assertThat(Permutation.pairedMidP(differences(3, 1, 3, 1, 2))).isCloseTo(McNemar.midP(3, 3), within(1e-12));
    assertThat(Permutation.pairedMidP(differences(40, 1, 0, 1, 60))).isCloseTo(McNemar.midP(0, 40), within(1e-20));
  }

  @Test
  void should_match_scipy_when_sixty_cases_gain_a_run_and_forty_lose_one() {
    // GIVEN 100 cases of 3 repeats: 60 go from 2/3 to 3/3 (+1), 40 from 2/3 to 1/3 (-1)
    // THEN mid-p = P(|T| > 20) + P(|T| = 20)/2 for T = 2·Binomial(100, ½) - 100
    //  (scipy.stats.binom: 0.04604406692934273)
    assertThat(Permutation.pairedMidP(differences(60, 1, 40, 1, 0)))
        .isCloseTo(0.04604406692934273, withPercentage(1e-8));
  }

  @Test
  void should_match_brute_force_enumeration_when_differences_differ_in_size() {
    // GIVEN differences 1/3, 2/3, -1/3, 1, 1/3 in thirds; enumerating the 32 sign patterns in exact
    // fractions gives (4 more extreme + 2/2 as extreme) / 32 = 5/32
    assertThat(Permutation.pairedMidP(new long[] {1, 2, -1, 3, 1})).isCloseTo(5.0 / 32, within(1e-15));
  }

  @Test
  void should_use_normal_approximation_when_too_many_cases_differ() {
    // GIVEN 1,500 differing cases (over the exact limit of 1,000): 800 +1, 700 -1
    // THEN 2·norm.sf(100/√1500) = 0.009823274507519249 (exact mid-p would be 0.009824629369101676)
    assertThat(Permutation.pairedMidP(differences(800, 1, 700, 1, 0)))
        .isCloseTo(0.009823274507519249, withPercentage(1e-4));
  }

  @Test
  void should_stay_in_bounded_memory_when_one_difference_is_huge() {
    // GIVEN coprime differences of five million: exact convolution would need arrays of 2·10^7
    // doubles; THEN the normal approximation answers, 2·norm.sf(9999999 / √(5e6² + 4999999²))
    assertThat(Permutation.pairedMidP(new long[] {5_000_000, 4_999_999}))
        .isCloseTo(0.15729920705028722, withPercentage(1e-4));
    // AND a common divisor is taken out first: one difference of 5e6 is one sign, mid-p = ½·1
    assertThat(Permutation.pairedMidP(new long[] {5_000_000})).isEqualTo(0.5);
    assertThat(Permutation.pairedMidP(new long[] {3, 6, -3, 9, 3})).isCloseTo(5.0 / 32, within(1e-15));
  }

  @Test
  void should_be_one_when_no_case_differs() {
    assertThat(Permutation.pairedMidP(new long[] {0, 0, 0})).isEqualTo(1.0);
    assertThat(Permutation.pairedMidP(new long[0])).isEqualTo(1.0);
  }

  @Test
  void should_fail_clearly_when_differences_overflow_a_long() {
    assertThatThrownBy(() -> Permutation.pairedMidP(new long[] {Long.MAX_VALUE, 1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overflow a long");
  }

  @Test
  void should_match_reference_when_groups_are_independent() {
    // GIVEN 100 cases at 2/3 and 100 other cases, 60 at 3/3 and 40 at 1/3 (numpy + scipy:
    // pooled variance of the 200 values / 199 · (1/100 + 1/100), 2·norm.sf(|Δ| / sd))
    double[] a = new double[100];
    Arrays.fill(a, 2.0 / 3);
    double[] b = new double[100];
    Arrays.fill(b, 0, 60, 1.0);
    Arrays.fill(b, 60, 100, 1.0 / 3);
    assertThat(Permutation.twoSampleP(a, b)).isCloseTo(0.04387867072987668, withPercentage(1e-4));
    assertThat(Permutation.twoSampleP(a, a)).isEqualTo(1.0);
    assertThat(Permutation.twoSampleP(new double[0], b)).isEqualTo(1.0);
  }
}
