package io.github.evals4j.assertions.text;

/**
 * The kinds of checkable claims {@link Claims#extract(String)} finds in a text. Each kind is
 * matched against sources in its own way (see {@code io.github.evals4j.assertions.grounding}).
 */
public enum ClaimKind {
  /** A number, normalised ({@code 1,000} = {@code 1000} = {@code 1k}), possibly with a unit. */
  NUMBER("number"),
  /** A percentage ({@code 12%}, {@code 12 percent}); matched on its value. */
  PERCENTAGE("percentage"),
  /** An amount with a currency symbol or code ({@code $49}, {@code 49 EUR}). */
  MONEY("money"),
  /** A calendar date (ISO, {@code 03/15/2024}, {@code March 15, 2024}, {@code 15 Mar}). */
  DATE("date"),
  /** A time of day ({@code 10:22}, {@code 10:22:31}, {@code 3pm}), e.g. from a log timestamp. */
  TIME("time"),
  /** A year between 1900 and 2100 standing alone. */
  YEAR("year"),
  /** A web address. */
  URL("url"),
  /** An e-mail address. */
  EMAIL("email"),
  /** A string in double quotes in prose. */
  QUOTE("quote"),
  /** Inline code with spaces in backticks. */
  CODE("code"),
  /** A capitalised name that is not a common English word ({@code Acme}, {@code Northwind Labs}). */
  NAME("name"),
  /** A code-like token: snake_case, camelCase, error codes ({@code E1042}), service names, files. */
  IDENTIFIER("identifier"),
  /** A simple CSS selector: {@code #id}, {@code .class}, {@code [attr=value]}. */
  SELECTOR("selector");

  private final String label;

  ClaimKind(String label) {
    this.label = label;
  }

  /** The lower-case label used as {@link io.github.evals4j.check.Evidence#kind()}. */
  public String label() {
    return label;
  }
}
