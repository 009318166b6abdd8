package io.github.evals4j.assertions.text;

import java.util.regex.Pattern;

/**
 * Untrusted text as Java's regex engine sees it, with a budget of character reads. The engine reads
 * its input only through {@code charAt}, so catastrophic backtracking shows up as reads: when the
 * budget is spent the match is abandoned, deterministically and without a timer or a thread.
 *
 * <p>Public because two feature packages run user regular expressions on LLM output with it: the
 * regex checks ({@code containsRegex}, {@code RegexCheck}) and {@code jsonPointerMatches}.
 *
 * <pre>{@code
 * boolean ok = BudgetedText.matchesEntirely(Pattern.compile("(.*a){25}b"), value, 1_000_000, "value");
 * // throws BudgetedText.Undecided: "the regex exceeded its budget of 1000000 character reads …"
 * }</pre>
 */
public final class BudgetedText implements CharSequence {

  private final String text;
  private final long[] remaining; // shared with sub-sequences

  /** {@code text} with {@code budget} character reads. */
  public BudgetedText(String text, long budget) {
    this.text = text;
    this.remaining = new long[] {budget};
  }

  @Override
  public char charAt(int index) {
    if (--remaining[0] < 0) {
      throw BudgetExceeded.INSTANCE;
    }
    return text.charAt(index);
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return text.substring(start, end);
  }

  @Override
  public String toString() {
    return text;
  }

  /**
   * Whether {@code pattern} matches the whole of {@code text} within {@code budget} character
   * reads.
   *
   * @param what what the text is, for the reason ("value", "output")
   * @throws Undecided when the match was abandoned: the budget was spent, or the engine recursed
   *     too deeply for the thread's stack; its message says why and how to make the regex linear
   */
  public static boolean matchesEntirely(Pattern pattern, String text, long budget, String what) {
    try {
      return pattern.matcher(new BudgetedText(text, budget)).matches();
    } catch (BudgetExceeded e) {
      throw new Undecided(exceeded(budget, text.length(), what));
    } catch (StackOverflowError e) {
      throw new Undecided(tooDeep(text.length(), what));
    }
  }

  /** Why a match was abandoned after {@code budget} reads on {@code length} characters. */
  public static String exceeded(long budget, int length, String what) {
    return "the regex exceeded its budget of " + budget + " character reads (about "
        + (budget / Math.max(1, length)) + " per character of the " + what + "): it"
        + " backtracks catastrophically on this input; make it linear, e.g. with possessive"
        + " quantifiers (a*+) or atomic groups (?>...)";
  }

  /** Why a regex recursed too deeply on {@code length} characters, and what to do about it. */
  public static String tooDeep(int length, String what) {
    return "the regex recursed too deeply on this " + length + "-character " + what
        + " (Java's engine recurses once per repetition of a group such as (a|b)*);"
        + " use a possessive quantifier such as (?:a|b)*+ or a character class";
  }

  /** Thrown by {@link #charAt} once the budget is spent; no stack trace, it is control flow. */
  public static final class BudgetExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final BudgetExceeded INSTANCE = new BudgetExceeded();

    private BudgetExceeded() {
      super("regex read budget exceeded", null, false, false);
    }
  }

  /** A match that could not be decided within its budget; the message says why. */
  public static final class Undecided extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Undecided(String reason) {
      super(reason, null, false, false);
    }
  }
}
