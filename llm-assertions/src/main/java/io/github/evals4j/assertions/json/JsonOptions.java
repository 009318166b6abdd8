package io.github.evals4j.assertions.json;

import java.util.Objects;

/**
 * How strictly JSON checks read an output. Immutable; every {@code with…}/{@code …ing…} method
 * returns a copy.
 *
 * <p>The default, {@link #strict()}, is RFC 8259 without exceptions: one JSON value and nothing
 * else around it (whitespace aside), no comments, trailing commas, single quotes, {@code NaN},
 * leading zeros, unescaped control characters or lone surrogates; duplicate keys rejected; a
 * leading byte order mark rejected (Jackson's {@code readTree(String)} rejects it too, so an output
 * we call valid is one your application can read); at most 1000 levels of nesting.
 *
 * <pre>{@code
 * JsonOptions lenient = JsonOptions.strict()
 *     .allowingDuplicateKeys()      // last one wins, as in Jackson
 *     .ignoringLeadingBom()         // RFC 8259 §8.1 lets parsers ignore it; still reported
 *     .extractingFromText()         // take the JSON out of a ```json fence or surrounding prose
 *     .withMaxNestingDepth(64);
 * assertThat(output).usingJsonOptions(lenient).isJsonObject();
 * }</pre>
 */
public final class JsonOptions {

  /** Jackson's own default limit ({@code StreamReadConstraints}), deep enough for real documents. */
  public static final int DEFAULT_MAX_NESTING_DEPTH = 1000;

  private static final JsonOptions STRICT =
      new JsonOptions(false, DEFAULT_MAX_NESTING_DEPTH, false, false);

  private final boolean allowDuplicateKeys;
  private final int maxNestingDepth;
  private final boolean ignoreLeadingBom;
  private final boolean extractFromText;

  private JsonOptions(
      boolean allowDuplicateKeys, int maxNestingDepth, boolean ignoreLeadingBom,
      boolean extractFromText) {
    this.allowDuplicateKeys = allowDuplicateKeys;
    this.maxNestingDepth = maxNestingDepth;
    this.ignoreLeadingBom = ignoreLeadingBom;
    this.extractFromText = extractFromText;
  }

  /** RFC 8259 strict reading of the whole output; the default of every JSON check. */
  public static JsonOptions strict() {
    return STRICT;
  }

  /** Accepts objects with a repeated key (the last value wins, as in Jackson's trees). */
  public JsonOptions allowingDuplicateKeys() {
    return new JsonOptions(true, maxNestingDepth, ignoreLeadingBom, extractFromText);
  }

  /**
   * Fails documents nested deeper than {@code depth} arrays/objects, with a clear message instead
   * of exhausting memory or the stack downstream.
   */
  public JsonOptions withMaxNestingDepth(int depth) {
    if (depth < 1) {
      throw new IllegalArgumentException("maxNestingDepth must be at least 1, was " + depth);
    }
    return new JsonOptions(allowDuplicateKeys, depth, ignoreLeadingBom, extractFromText);
  }

  /**
   * Skips one leading U+FEFF byte order mark instead of failing on it (RFC 8259 §8.1 allows
   * parsers to ignore it); the result still names it as evidence of kind {@code "bom"}.
   */
  public JsonOptions ignoringLeadingBom() {
    return new JsonOptions(allowDuplicateKeys, maxNestingDepth, true, extractFromText);
  }

  /**
   * Looks for the JSON value inside the output when the output is not JSON as a whole: first in a
   * Markdown code fence (a {@code json} one first), then in the surrounding prose. The result
   * reports where it was found (evidence of kind {@code "extracted"}); it is never silent.
   */
  public JsonOptions extractingFromText() {
    return new JsonOptions(allowDuplicateKeys, maxNestingDepth, ignoreLeadingBom, true);
  }

  public boolean allowDuplicateKeys() {
    return allowDuplicateKeys;
  }

  public int maxNestingDepth() {
    return maxNestingDepth;
  }

  public boolean ignoreLeadingBom() {
    return ignoreLeadingBom;
  }

  public boolean extractFromText() {
    return extractFromText;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof JsonOptions)) {
      return false;
    }
    JsonOptions other = (JsonOptions) o;
    return allowDuplicateKeys == other.allowDuplicateKeys
        && maxNestingDepth == other.maxNestingDepth
        && ignoreLeadingBom == other.ignoreLeadingBom
        && extractFromText == other.extractFromText;
  }

  @Override
  public int hashCode() {
    return Objects.hash(allowDuplicateKeys, maxNestingDepth, ignoreLeadingBom, extractFromText);
  }

  @Override
  public String toString() {
    return "JsonOptions[allowDuplicateKeys=" + allowDuplicateKeys
        + ", maxNestingDepth=" + maxNestingDepth
        + ", ignoreLeadingBom=" + ignoreLeadingBom
        + ", extractFromText=" + extractFromText + "]";
  }
}
