package io.github.evals4j.assertions.text;

import java.util.List;
import java.util.Objects;

/**
 * One checkable claim of a text: its kind, its span and its normalised matching keys.
 *
 * <p>Keys are what the grounding index stores: {@code n:1000} for a number, {@code d:2024-03-15}
 * for a date, {@code s:#checkout-btn} for a selector, {@code w:acme} for a name word. For
 * {@link ClaimKind#NAME}, {@link ClaimKind#QUOTE} and {@link ClaimKind#CODE} every key must be
 * supported; for the other kinds one key (an alternative reading) is enough.
 *
 * @param kind what was found
 * @param start first UTF-16 index of the span, inclusive
 * @param end last UTF-16 index, exclusive
 * @param text the span's text
 * @param keys the normalised matching keys, never empty
 * @param detail a short qualifier for messages: the unit, currency, or {@code "error code"}; may
 *     be empty
 */
public record Claim(ClaimKind kind, int start, int end, String text, List<String> keys,
    String detail) {

  public Claim {
    Objects.requireNonNull(kind, "kind");
    keys = List.copyOf(keys);
    detail = Objects.requireNonNullElse(detail, "");
  }

  /** Whether every key must be supported (names, quotes, code) rather than any one. */
  public boolean requiresAllKeys() {
    return kind == ClaimKind.NAME || kind == ClaimKind.QUOTE || kind == ClaimKind.CODE;
  }
}
