package io.github.evals4j.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QuantileSketchTest {

  @Test
  void should_answer_within_one_percent_when_values_span_six_decades() {
    // GIVEN 1..100,000 ms exactly once each: the q-quantile at rank floor(q·(n-1)) is that rank + 1
    QuantileSketch sketch = new QuantileSketch();
    for (int v = 1; v <= 100_000; v++) {
      sketch.add(v);
    }
    // THEN
    assertThat(sketch.quantile(0.50)).isCloseTo(50_000, withPercentage(1));
    assertThat(sketch.quantile(0.95)).isCloseTo(95_000, withPercentage(1));
    assertThat(sketch.quantile(0.99)).isCloseTo(99_000, withPercentage(1));
    assertThat(sketch.quantile(0.0)).isEqualTo(1.0);
    assertThat(sketch.quantile(1.0)).isEqualTo(100_000.0);
    assertThat(sketch.mean()).isEqualTo(50_000.5);
  }

  @Test
  void should_stay_within_relative_error_of_exact_quantiles_when_distribution_is_skewed() {
    Random random = new Random(42);
    double[] values = new double[20_000];
    QuantileSketch sketch = new QuantileSketch();
    for (int i = 0; i < values.length; i++) {
      values[i] = Math.exp(random.nextGaussian() * 1.5 + 6); // log-normal latencies around 400 ms
      sketch.add(values[i]);
    }
    Arrays.sort(values);
    for (double q : new double[] {0.5, 0.9, 0.95, 0.99}) {
      double exact = values[(int) Math.floor(q * (values.length - 1))];
      assertThat(sketch.quantile(q)).as("q=%s", q).isCloseTo(exact, withPercentage(1.0));
    }
  }

  @Test
  void should_give_same_quantiles_when_merged_as_when_added_to_one() {
    QuantileSketch all = new QuantileSketch();
    QuantileSketch a = new QuantileSketch();
    QuantileSketch b = new QuantileSketch();
    for (int v = 1; v <= 1000; v++) {
      all.add(v * 3.7);
      (v % 2 == 0 ? a : b).add(v * 3.7);
    }
    a.merge(b);
    assertThat(a.state()).isEqualTo(all.state());
    assertThat(a.quantile(0.95)).isEqualTo(all.quantile(0.95));
  }

  @Test
  void should_round_trip_through_state() {
    QuantileSketch s = new QuantileSketch();
    s.add(0);
    s.add(12.5);
    s.add(930);
    QuantileSketch copy = QuantileSketch.fromState(s.state());
    assertThat(copy.state()).isEqualTo(s.state());
    assertThat(copy.quantile(0.5)).isEqualTo(s.quantile(0.5));
    assertThat(s.state().counts()).hasSizeLessThan(400); // only the non-empty range is kept
  }

  @Test
  void should_keep_constant_memory_and_answer_nan_when_empty() {
    QuantileSketch s = new QuantileSketch();
    assertThat(s.quantile(0.5)).isNaN();
    assertThat(s.state().counts()).isEmpty();
    s.add(1e20); // beyond the range: counted in the last bucket, reported as the exact max
    assertThat(s.quantile(0.5)).isEqualTo(1e20);
  }

  @Test
  void should_reject_negative_and_non_finite_values() {
    QuantileSketch s = new QuantileSketch();
    assertThatThrownBy(() -> s.add(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> s.add(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> s.add(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> s.merge(new QuantileSketch(0.02))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void should_reject_corrupt_state() {
    QuantileSketch.State bad = new QuantileSketch.State(0.01, 0, 0, new long[] {1, 2}, 5, 0, 0, 0);
    assertThatThrownBy(() -> QuantileSketch.fromState(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("add to 3, not 5");
  }

  @Test
  void should_reject_state_whose_first_index_overflows_instead_of_copying_out_of_bounds() {
    // GIVEN a first index near Integer.MAX_VALUE: firstIndex - minIndex overflowed to a negative int
    QuantileSketch.State bad =
        new QuantileSketch.State(0.01, 0, Integer.MAX_VALUE, new long[] {1}, 1, 5, 5, 5);
    // WHEN / THEN a clear refusal, not an ArrayIndexOutOfBoundsException
    assertThatThrownBy(() -> QuantileSketch.fromState(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("out of range");
  }

  @Test
  void should_reject_negative_counters_that_add_up_to_the_count() {
    QuantileSketch.State bad = new QuantileSketch.State(0.01, 0, 0, new long[] {4, -2}, 2, 0, 0, 0);
    assertThatThrownBy(() -> QuantileSketch.fromState(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative counter: -2");
  }

  @Test
  void should_tell_the_counters_of_an_accuracy_before_allocating_them() {
    // 1 %: ln γ = ln(1.01/0.99) = 0.0200007; ceil(ln 1e15 / ln γ) = ceil(1726.9) = 1727 and
    // ceil(ln 1e-6 / ln γ) = ceil(-690.8) = -690, so 1727 + 690 + 1 counters
    assertThat(QuantileSketch.buckets(0.01)).isEqualTo(2_418L);
    // a hostile accuracy of 1e-9 would need ~2.4e10 counters (190 GB): refused, not allocated
    assertThat(QuantileSketch.buckets(1e-9)).isGreaterThan(20_000_000_000L);
    assertThatThrownBy(() -> new QuantileSketch(1e-9))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("counters");
  }
}
