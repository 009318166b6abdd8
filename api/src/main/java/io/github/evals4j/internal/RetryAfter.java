package io.github.evals4j.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The wait before retrying an HTTP request that answered 429 or 5xx, shared by the clients that
 * call model APIs (the judge, the embedder). Not API: internal to evals4j's modules.
 */
public final class RetryAfter {

  private RetryAfter() {}

  /**
   * The wait before retry {@code attempt + 1}: what {@code Retry-After} says (seconds or an HTTP
   * date), else 0.5 s doubled per attempt; never negative, never more than {@code max}. The header
   * is untrusted: an unreadable value keeps the backoff.
   */
  public static Duration waitBefore(String retryAfter, int attempt, Duration max, Instant now) {
    Duration wait = Duration.ofMillis(500L << Math.min(attempt, 10));
    if (retryAfter != null && !retryAfter.isBlank()) {
      String v = retryAfter.strip();
      try {
        wait = Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
      } catch (NumberFormatException e) {
        try {
          wait = Duration.between(now,
              ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (RuntimeException ignored) {
          // unreadable: keep the backoff
        }
      }
    }
    if (wait.isNegative()) {
      wait = Duration.ZERO;
    }
    return wait.compareTo(max) > 0 ? max : wait;
  }
}
