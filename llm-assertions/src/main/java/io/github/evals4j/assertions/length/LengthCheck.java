package io.github.evals4j.assertions.length;

import io.github.evals4j.check.Check;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.check.Direction;
import io.github.evals4j.check.Evidence;
import java.util.List;

/** Counts one {@link TextUnit} and compares it with a minimum and/or a maximum. */
final class LengthCheck implements Check {

  static final int NO_MAX = Integer.MAX_VALUE;

  private final String name;
  private final TextUnit unit;
  private final int min;
  private final int max;
  private final String limitName;

  LengthCheck(String name, TextUnit unit, int min, int max, String limitName) {
    this.name = name;
    this.unit = unit;
    this.min = min;
    this.max = max;
    this.limitName = limitName;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public CheckResult evaluate(String output) {
    if (output == null) {
      return new CheckResult(name, false, 0, max == NO_MAX ? min : max,
          max == NO_MAX ? Direction.AT_LEAST : Direction.AT_MOST, List.of(),
          "output is null: there are no " + unit.plural() + " to count");
    }
    Tally tally = new Tally(max);
    unit.segment(output, tally);
    long count = tally.count;
    if (max != NO_MAX && count > max) {
      Evidence beyond = Spans.evidence(output, tally.beyondStart, tally.lastEnd, "beyond-limit",
          unit.plural() + " " + (max + 1L) + ".." + count + " are beyond the " + limitName
              + " of " + max);
      return new CheckResult(name, false, count, max, Direction.AT_MOST, List.of(beyond),
          unit.label(count) + ", more than the " + limitName + " of " + max + "; the "
              + ordinal(max + 1L) + " " + unit.singular() + " starts at "
              + beyond.positionIn(output) + ":\n" + beyond.describeIn(output));
    }
    if (count < min) {
      Evidence whole = Spans.evidence(output, 0, output.length(), "whole-output",
          "only " + unit.label(count) + ", at least " + min + " required");
      return new CheckResult(name, false, count, min, Direction.AT_LEAST, List.of(whole),
          unit.label(count) + ", fewer than the minimum of " + min
              + (output.isBlank() ? " (the output is " + (output.isEmpty() ? "empty" : "blank") + ")" : ""));
    }
    String within = max == NO_MAX
        ? "at least " + min
        : min > 0 ? "between " + min + " and " + max : "within the " + limitName + " of " + max;
    return new CheckResult(name, true, count, max == NO_MAX ? min : max,
        max == NO_MAX ? Direction.AT_LEAST : Direction.AT_MOST, List.of(),
        unit.label(count) + ", " + within);
  }

  static String ordinal(long n) {
    long mod100 = n % 100;
    String suffix = mod100 >= 11 && mod100 <= 13 ? "th"
        : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
    return n + suffix;
  }

  /** Counts units and remembers where the first unit beyond {@code max} starts. */
  private static final class Tally implements SpanSink {
    private final int max;
    long count;
    int beyondStart = -1;
    int lastEnd;

    Tally(int max) {
      this.max = max;
    }

    @Override
    public void accept(int start, int end) {
      count++;
      if (count == (long) max + 1) {
        beyondStart = start;
      }
      lastEnd = end;
    }
  }
}
