package io.github.evals4j.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import org.junit.jupiter.api.Test;

class FisherExactTest {

  @Test
  void should_give_34_over_70_when_the_lady_tastes_tea() {
    // GIVEN Fisher's tea-tasting table [[3,1],[1,3]]: of the C(8,4) = 70 ways, tables with
    // top-left 0, 1, 3, 4 are no more likely than 3: (1 + 16 + 16 + 1) / 70.
    // WHEN
    double p = FisherExact.twoSided(3, 1, 1, 3);
    // THEN (R: fisher.test(matrix(c(3,1,1,3),2))$p.value = 0.4857)
    assertThat(p).isCloseTo(34.0 / 70, within(1e-12));
  }

  @Test
  void should_match_R_when_testing_Convictions_table() {
    // R's ?fisher.test example: Convictions <- matrix(c(2, 10, 15, 3), nrow = 2);
    // fisher.test(Convictions)$p.value = 0.0005367241
    assertThat(FisherExact.twoSided(2, 15, 10, 3)).isCloseTo(0.0005367241191434357, withPercentage(1e-6));
  }

  @Test
  void should_match_reference_values_when_tables_are_small() {
    // scipy.stats.fisher_exact (same definition as R) figures
    assertThat(FisherExact.twoSided(90, 10, 80, 20)).isCloseTo(0.07342758972137636, withPercentage(1e-6));
    assertThat(FisherExact.twoSided(7, 3, 2, 8)).isCloseTo(0.06977851869492736, withPercentage(1e-6));
    assertThat(FisherExact.twoSided(0, 10, 10, 0)).isCloseTo(1.082508822446903e-05, withPercentage(1e-6));
  }

  @Test
  void should_not_overflow_when_n_is_two_hundred_thousand() {
    // scipy.stats.fisher_exact([[50000,50000],[49000,51000]]) = 7.89828955730827e-06
    assertThat(FisherExact.twoSided(50_000, 50_000, 49_000, 51_000))
        .isCloseTo(7.89828955730827e-06, withPercentage(1e-4));
    // scipy: [[100000,0],[99990,10]] -> 0.0019526855754935803
    assertThat(FisherExact.twoSided(100_000, 0, 99_990, 10))
        .isCloseTo(0.0019526855754935803, withPercentage(1e-4));
  }

  @Test
  void should_be_one_when_a_margin_is_zero_or_tables_are_identical() {
    assertThat(FisherExact.twoSided(0, 0, 5, 5)).isEqualTo(1.0);
    assertThat(FisherExact.twoSided(5, 5, 5, 5)).isEqualTo(1.0);
    assertThat(FisherExact.twoSided(0, 0, 0, 0)).isEqualTo(1.0);
  }

  @Test
  void should_fail_when_a_cell_is_negative() {
    assertThatThrownBy(() -> FisherExact.twoSided(1, -1, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[[1, -1], [0, 0]]");
  }

  @Test
  void should_fail_clearly_when_the_table_overflows_a_long() {
    // Before: the column total a + c wrapped to a negative number and the p-value came out wrong.
    assertThatThrownBy(() -> FisherExact.twoSided(Long.MAX_VALUE, 0, 1, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overflows a long");
    assertThatThrownBy(() -> FisherExact.twoSided(Long.MAX_VALUE / 2, Long.MAX_VALUE / 2, 2, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overflows a long");
  }
}
