package io.github.evals4j.assertions.content;

/**
 * The output as the regex engine sees it, with a budget of character reads. Java's engine reads
 * the input only through {@code charAt}, so catastrophic backtracking shows up as reads: when the
 * budget is spent the match is abandoned, deterministically and without a timer or a thread.
 */
final class BudgetedText implements CharSequence {

  private final String text;
  private final long[] remaining; // shared with sub-sequences

  BudgetedText(String text, long budget) {
    this(text, new long[] {budget});
  }

  private BudgetedText(String text, long[] remaining) {
    this.text = text;
    this.remaining = remaining;
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

  /** Thrown by {@link #charAt} once the budget is spent; no stack trace, it is control flow. */
  static final class BudgetExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final BudgetExceeded INSTANCE = new BudgetExceeded();

    private BudgetExceeded() {
      super("regex read budget exceeded", null, false, false);
    }
  }
}
