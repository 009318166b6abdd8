package io.github.evals4j.aggregate;

import io.github.evals4j.stats.Interval;
import io.github.evals4j.stats.Proportions;
import java.util.OptionalDouble;

/**
 * A count of events out of a total, e.g. hallucinated runs out of grounded runs.
 *
 * @param events how many had the event
 * @param total how many were observed
 */
public record Rate(long events, long total) {

  /** Nothing observed. */
  public static final Rate NONE = new Rate(0, 0);

  public Rate {
    if (events < 0 || events > total) {
      throw new IllegalArgumentException("need 0 <= events <= total, got " + events + " of " + total);
    }
  }

  /** {@code events / total}, empty when nothing was observed. */
  public OptionalDouble value() {
    return total == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) events / total);
  }

  /** The 95 % Wilson interval of the rate. */
  public Interval interval() {
    return Proportions.wilson(events, total);
  }

  Rate plus(Rate other) {
    return new Rate(events + other.events, total + other.total);
  }
}
