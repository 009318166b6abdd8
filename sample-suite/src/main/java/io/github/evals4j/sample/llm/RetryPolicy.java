package io.github.evals4j.sample.llm;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how long to wait before retrying a 429, a 5xx, a timeout or a connection failure.
 *
 * <p>Exponential backoff ({@code initialDelay * 2^retry}, capped at {@code maxDelay}) with up to
 * {@code jitter} of random extra delay so that many clients do not retry in lockstep. A
 * {@code Retry-After} header (seconds or an HTTP date) replaces the computed delay, capped at
 * {@code maxRetryAfter}: the server knows best when it will accept the request again.
 *
 * @param maxRetries retries after the first attempt; 0 disables retrying
 * @param initialDelay the delay before the first retry
 * @param maxDelay the cap of the computed delay
 * @param jitter extra random delay as a fraction of the computed delay, 0 for none
 * @param maxRetryAfter the longest {@code Retry-After} honoured; longer ones are cut to it
 */
public record RetryPolicy(
    int maxRetries, Duration initialDelay, Duration maxDelay, double jitter, Duration maxRetryAfter) {

  /** 3 retries, 0.5 s doubling up to 8 s, 20 % jitter, Retry-After up to 60 s. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(8), 0.2, Duration.ofSeconds(60));

  /** No retries at all. */
  public static final RetryPolicy NONE =
      new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 0, Duration.ZERO);

  public RetryPolicy {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
    }
    if (jitter < 0 || jitter > 1) {
      throw new IllegalArgumentException("jitter must be within 0..1, was " + jitter);
    }
    if (initialDelay.isNegative() || maxDelay.isNegative() || maxRetryAfter.isNegative()) {
      throw new IllegalArgumentException("delays must not be negative");
    }
  }

  /** Whether an HTTP status is worth retrying: 408, 409 (OpenAI's lock conflicts), 429, 5xx. */
  static boolean isRetryable(int status) {
    return status == 408 || status == 409 || status == 429 || status >= 500;
  }

  /** The wait before retry number {@code retry} (0-based), honouring a Retry-After value. */
  Duration delay(int retry, Optional<String> retryAfter) {
    Optional<Duration> serverSays = retryAfter.flatMap(RetryPolicy::parseRetryAfter);
    if (serverSays.isPresent()) {
      Duration wanted = serverSays.get();
      return wanted.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : wanted;
    }
    long base = initialDelay.toMillis() << Math.min(retry, 30);
    long capped = Math.min(Math.max(base, 0), maxDelay.toMillis());
    long extra = jitter == 0 ? 0 : (long) (capped * jitter * ThreadLocalRandom.current().nextDouble());
    return Duration.ofMillis(capped + extra);
  }

  /** RFC 9110 Retry-After: delay-seconds or an HTTP-date; anything else is ignored. */
  static Optional<Duration> parseRetryAfter(String value) {
    String v = value.strip();
    if (v.matches("\\d{1,9}")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
    }
    // OpenAI-compatible servers sometimes send fractional seconds.
    if (v.matches("\\d{1,9}\\.\\d{1,9}")) {
      return Optional.of(Duration.ofMillis((long) (Double.parseDouble(v) * 1000)));
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration until = Duration.between(ZonedDateTime.now(at.getZone()), at);
      return Optional.of(until.isNegative() ? Duration.ZERO : until);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
