package io.github.evals4j.assertions.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Extracts the checkable claims of a text: numbers, percentages, money, dates, times, years,
 * URLs, e-mails, quoted strings, inline code, proper names, identifiers and CSS selectors.
 *
 * <pre>{@code
 * List<Claim> claims = Claims.extract("p95 latency rose to 840 ms at 10:22 (E1042).");
 * // NUMBER "840 ms", TIME "10:22", IDENTIFIER "E1042", IDENTIFIER "p95"
 * }</pre>
 *
 * <p>One forward scan with bounded look-ahead: linear in the text, no regular expressions. Small
 * bare integers (0 to 10 without a unit, currency or percent sign) and numbered-list markers are
 * not claims, since outputs count their own items ("3 ideas"). Output that is a JSON document is
 * read as JSON: keys are not claims, string values are scanned as code-like text.
 */
public final class Claims {

  private Claims() {}

  /** The claims of {@code text} in order of position; empty for {@code null} or blank text. */
  public static List<Claim> extract(String text) {
    List<Claim> claims = new ArrayList<>();
    if (text != null && !text.isEmpty()) {
      new ClaimScanner(text, false, claims::add).scanDocument();
    }
    return claims;
  }

  /**
   * Delivers the claims of a <em>source</em> document to {@code sink}, for an index: nothing is
   * skipped as too small, quotes are not claims (their content is), and derived keys are added
   * (a full date also supports its month-day and year, {@code 1.5M} also its mantissa).
   */
  public static void index(String source, Consumer<Claim> sink) {
    if (source != null && !source.isEmpty()) {
      new ClaimScanner(source, true, sink).scanDocument();
    }
  }
}
