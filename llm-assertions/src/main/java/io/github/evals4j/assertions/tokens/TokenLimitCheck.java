package io.github.evals4j.assertions.tokens;

import io.github.evals4j.check.Check;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.check.Direction;
import io.github.evals4j.check.Evidence;
import java.util.List;

/** At most {@code max} tokens; on failure, quotes the text from the first token beyond it. */
final class TokenLimitCheck implements Check {

  static final String NAME = "tokens.max";

  private final TokenCounter counter;
  private final int max;

  TokenLimitCheck(TokenCounter counter, int max) {
    this.counter = counter;
    this.max = max;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CheckResult evaluate(String output) {
    if (output == null) {
      return new CheckResult(NAME, false, 0, max, Direction.AT_MOST, List.of(),
          "output is null: there are no tokens to count (" + counter + ")");
    }
    int[] measured = counter.countAndOffset(output, max);
    TokenCount count = counter.count(measured[0]);
    if (count.tokens() <= max) {
      return new CheckResult(NAME, true, count.tokens(), max, Direction.AT_MOST, List.of(),
          count + ", within the maximum of " + max);
    }
    int start = measured[1];
    String excerpt = output.substring(start, Math.min(output.length(),
        start + 400 + (start + 400 < output.length()
            && Character.isHighSurrogate(output.charAt(start + 399)) ? 1 : 0)));
    Evidence beyond = new Evidence(start, output.length(),
        excerpt.length() < output.length() - start ? excerpt + "\u2026" : excerpt, "beyond-limit",
        "tokens " + (max + 1) + ".." + count.tokens() + " are beyond the maximum of " + max
            + (count.approximate() ? " (approximate count)" : ""));
    return new CheckResult(NAME, false, count.tokens(), max, Direction.AT_MOST, List.of(beyond),
        count + ", more than the maximum of " + max + "; token " + (max + 1) + " starts at "
            + beyond.positionIn(output) + ":\n" + beyond.describeIn(output));
  }
}
