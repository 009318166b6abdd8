package io.github.evals4j.assertions.content;

import io.github.evals4j.check.Check;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.check.Direction;
import io.github.evals4j.check.Evidence;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A regular-expression check with a work budget, so that a pattern that backtracks
 * catastrophically fails clearly instead of hanging a test on a large output.
 *
 * <p>The budget counts the characters the regex engine reads: by default {@value
 * #DEFAULT_READS_PER_CHARACTER} per character of the output plus {@value #BASE_READS}. A linear
 * pattern stays far below it; {@code (a+)+b} on 30 {@code a}s needs about 2<sup>30</sup> and is
 * stopped after the budget. A pattern that recurses too deeply ({@code (a|b)*} on megabytes) is
 * reported too, never a {@code StackOverflowError}.
 *
 * <pre>{@code
 * Check orderId = RegexCheck.contains("ORD-\\d{6}");
 * Check noSecrets = RegexCheck.doesNotContain("sk-[A-Za-z0-9]{20,}");
 * Check oneLine = RegexCheck.matchesEntirely("[^\\n]{1,80}").withReadsPerCharacter(10);
 * }</pre>
 */
public final class RegexCheck implements Check {

  /** Character reads allowed per character of the output. */
  public static final long DEFAULT_READS_PER_CHARACTER = 200;

  /** Character reads always allowed, so short outputs may use heavier patterns. */
  public static final long BASE_READS = 1_000_000;

  private enum Mode { CONTAINS, DOES_NOT_CONTAIN, MATCHES_ENTIRELY }

  private final Pattern pattern;
  private final Mode mode;
  private final long readsPerCharacter;

  private RegexCheck(Pattern pattern, Mode mode, long readsPerCharacter) {
    this.pattern = Objects.requireNonNull(pattern, "pattern");
    this.mode = mode;
    this.readsPerCharacter = readsPerCharacter;
  }

  /** Passes when {@code regex} matches somewhere in the output; the evidence is the first match. */
  public static RegexCheck contains(String regex) {
    return contains(Pattern.compile(regex));
  }

  /** Passes when {@code pattern} matches somewhere in the output. */
  public static RegexCheck contains(Pattern pattern) {
    return new RegexCheck(pattern, Mode.CONTAINS, DEFAULT_READS_PER_CHARACTER);
  }

  /** Passes when {@code regex} matches nowhere; the evidence is every match (up to 20). */
  public static RegexCheck doesNotContain(String regex) {
    return doesNotContain(Pattern.compile(regex));
  }

  /** Passes when {@code pattern} matches nowhere in the output. */
  public static RegexCheck doesNotContain(Pattern pattern) {
    return new RegexCheck(pattern, Mode.DOES_NOT_CONTAIN, DEFAULT_READS_PER_CHARACTER);
  }

  /** Passes when {@code regex} matches the whole output. */
  public static RegexCheck matchesEntirely(String regex) {
    return new RegexCheck(Pattern.compile(regex), Mode.MATCHES_ENTIRELY,
        DEFAULT_READS_PER_CHARACTER);
  }

  /** The same check with another budget of reads per character of the output. */
  public RegexCheck withReadsPerCharacter(long reads) {
    if (reads < 1) {
      throw new IllegalArgumentException("reads per character must be >= 1, was " + reads);
    }
    return new RegexCheck(pattern, mode, reads);
  }

  @Override
  public String name() {
    switch (mode) {
      case CONTAINS:
        return "regex.contains";
      case DOES_NOT_CONTAIN:
        return "regex.absent";
      default:
        return "regex.matches";
    }
  }

  @Override
  public CheckResult evaluate(String output) {
    String shown = "/" + pattern.pattern() + "/";
    if (output == null) {
      return CheckResult.of(name(), false, List.of(), "output is null: cannot match " + shown);
    }
    long budget = BASE_READS + readsPerCharacter * output.length();
    if (mode == Mode.MATCHES_ENTIRELY) {
      Pattern whole = Pattern.compile("(?:" + pattern.pattern() + ")\\z", pattern.flags());
      Pattern anchored = Pattern.compile("\\A" + whole.pattern(), pattern.flags());
      Matches.Found found = Matches.find(output, anchored, budget, 1, "match", "");
      if (found.aborted != null) {
        return CheckResult.of(name(), false, List.of(), "could not decide whether the output"
            + " matches " + shown + ": " + found.aborted);
      }
      return CheckResult.of(name(), found.count == 1, found.evidence, found.count == 1
          ? "the whole output matches " + shown
          : "the output as a whole does not match " + shown);
    }
    int maxMatches = mode == Mode.CONTAINS ? 1 : Integer.MAX_VALUE;
    Matches.Found found = Matches.find(output, pattern, budget, maxMatches,
        mode == Mode.CONTAINS ? "match" : "forbidden-match",
        mode == Mode.CONTAINS ? "matches " + shown : "must not match " + shown);
    if (found.aborted != null) {
      return CheckResult.of(name(), false, found.evidence, "stopped after " + found.count
          + " match(es) of " + shown + ": " + found.aborted);
    }
    if (mode == Mode.CONTAINS) {
      boolean passed = found.count > 0;
      return CheckResult.of(name(), passed, found.evidence, passed
          ? "found " + shown + Matches.describe(output, found.evidence)
          : "no match of " + shown + " in the output (" + output.length() + " UTF-16 units)");
    }
    List<Evidence> evidence = found.evidence;
    return new CheckResult(name(), found.count == 0, found.count, 0, Direction.AT_MOST, evidence,
        found.count == 0 ? "no match of " + shown
            : found.count + " match(es) of " + shown + ", none allowed"
                + (found.count > evidence.size() ? " (first " + evidence.size() + " shown)" : "")
                + ":" + Matches.describe(output, evidence));
  }
}
