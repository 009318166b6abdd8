package io.github.evals4j.sample.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(4),
      0, Duration.ofSeconds(30));

  @Test
  void should_double_the_delay_up_to_the_cap() {
    // WHEN / THEN
    assertThat(policy.delay(0, Optional.empty())).isEqualTo(Duration.ofMillis(500));
    assertThat(policy.delay(1, Optional.empty())).isEqualTo(Duration.ofSeconds(1));
    assertThat(policy.delay(2, Optional.empty())).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.delay(3, Optional.empty())).isEqualTo(Duration.ofSeconds(4));
    assertThat(policy.delay(40, Optional.empty())).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void should_add_at_most_the_jitter_fraction() {
    // GIVEN
    RetryPolicy jittered = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(8), 0.2,
        Duration.ofSeconds(30));
    // WHEN / THEN
    for (int i = 0; i < 50; i++) {
      assertThat(jittered.delay(0, Optional.empty())).isBetween(Duration.ofSeconds(1), Duration.ofMillis(1200));
    }
  }

  @Test
  void should_honour_retry_after_in_seconds_fractions_and_http_dates() {
    // GIVEN
    String inTenSeconds = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10)
        .format(DateTimeFormatter.RFC_1123_DATE_TIME);
    // WHEN / THEN
    assertThat(policy.delay(0, Optional.of("7"))).isEqualTo(Duration.ofSeconds(7));
    assertThat(policy.delay(0, Optional.of("0.25"))).isEqualTo(Duration.ofMillis(250));
    assertThat(policy.delay(0, Optional.of(inTenSeconds))).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
  }

  @Test
  void should_cap_a_long_retry_after_and_ignore_a_malformed_one() {
    // WHEN / THEN
    assertThat(policy.delay(0, Optional.of("3600"))).isEqualTo(Duration.ofSeconds(30));
    assertThat(policy.delay(0, Optional.of("soon"))).isEqualTo(Duration.ofMillis(500));
    assertThat(policy.delay(0, Optional.of("-5"))).isEqualTo(Duration.ofMillis(500));
    assertThat(policy.delay(0, Optional.of("Wed, 21 Oct 2015 07:28:00 GMT"))).isEqualTo(Duration.ZERO);
  }

  @Test
  void should_retry_only_transient_statuses() {
    // WHEN / THEN
    assertThat(RetryPolicy.isRetryable(429)).isTrue();
    assertThat(RetryPolicy.isRetryable(500)).isTrue();
    assertThat(RetryPolicy.isRetryable(503)).isTrue();
    assertThat(RetryPolicy.isRetryable(408)).isTrue();
    assertThat(RetryPolicy.isRetryable(400)).isFalse();
    assertThat(RetryPolicy.isRetryable(401)).isFalse();
    assertThat(RetryPolicy.isRetryable(404)).isFalse();
  }

  @Test
  void should_reject_nonsense_settings() {
    assertThatIllegalArgumentException().isThrownBy(
        () -> new RetryPolicy(-1, Duration.ZERO, Duration.ZERO, 0, Duration.ZERO)).withMessageContaining("maxRetries");
    assertThatIllegalArgumentException().isThrownBy(
        () -> new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 2, Duration.ZERO)).withMessageContaining("jitter");
  }
}
