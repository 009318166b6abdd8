package io.github.evals4j.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
  void should_match_textbook_quantiles() {
    assertThat(Normal.quantile(0.975)).isCloseTo(1.959963984540054, within(1e-8));
    assertThat(Normal.quantile(0.8)).isCloseTo(0.8416212335729143, within(1e-8));
    assertThat(Normal.quantile(0.001)).isCloseTo(-3.090232306167813, within(1e-8));
  }
}
