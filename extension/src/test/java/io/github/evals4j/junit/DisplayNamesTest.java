package io.github.evals4j.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayNamesTest {

  @Test
  void should_flag_identity_hashes_uuids_and_timestamps() {
    assertThat(DisplayNames.unstableReason("[1] com.acme.Order@1b6d3586"))
        .hasValueSatisfying(r -> assertThat(r).contains("identity hash"));
    assertThat(DisplayNames.unstableReason("id 123e4567-e89b-12d3-a456-426614174000"))
        .hasValueSatisfying(r -> assertThat(r).contains("UUID"));
    assertThat(DisplayNames.unstableReason("at 2026-11-23T17:04:00")).isPresent();
    assertThat(DisplayNames.unstableReason("epoch 1763917440000")).isPresent();
  }

  @Test
  void should_accept_stable_names() {
    assertThat(DisplayNames.unstableReason("pays()")).isEmpty();
    assertThat(DisplayNames.unstableReason("[2] alice@example.com, 42")).isEmpty();
    assertThat(DisplayNames.unstableReason("repetition 3 of 5")).isEmpty();
    assertThat(DisplayNames.unstableReason("日本語 🎉 عربي")).isEmpty();
    assertThat(DisplayNames.unstableReason("")).isEmpty();
    assertThat(DisplayNames.unstableReason(null)).isEmpty();
  }

  @Test
  void should_stay_fast_on_a_huge_name() {
    String huge = "a@".repeat(500_000);
    assertThat(DisplayNames.unstableReason(huge)).isEmpty();
  }

  @Test
  void should_tell_an_identity_hash_exactly_as_its_definition_says() {
    // an identifier with a non-digit, '@', 5 to 8 lower-case hex digits, no letter or digit after
    assertThat(DisplayNames.hasIdentityHash("x@12345")).isTrue();
    assertThat(DisplayNames.hasIdentityHash("_1@abcde")).isTrue();
    assertThat(DisplayNames.hasIdentityHash("Order$1@1b6d3586, 2")).isTrue();
    assertThat(DisplayNames.hasIdentityHash("a@12345-")).isTrue();
    assertThat(DisplayNames.hasIdentityHash("12@12345")).isFalse();
    assertThat(DisplayNames.hasIdentityHash("a@1234")).isFalse();
    assertThat(DisplayNames.hasIdentityHash("a@123456789")).isFalse();
    assertThat(DisplayNames.hasIdentityHash("a@12345g")).isFalse();
    assertThat(DisplayNames.hasIdentityHash("a@12345A")).isFalse();
    assertThat(DisplayNames.hasIdentityHash("a-@12345")).isFalse();
    assertThat(DisplayNames.hasIdentityHash("@12345")).isFalse();
  }

  @Test
  void should_take_linear_time_on_a_long_identifier_before_an_at_sign() {
    // the regex took 7.2 s on 40,000 characters (every start of the identifier was tried)
    java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    String name = "a".repeat(100_000) + "@" + "b".repeat(100_000) + "@zzzzz";
    long start = cpu.getCurrentThreadCpuTime();
    assertThat(DisplayNames.unstableReason(name)).isEmpty();
    assertThat(cpu.getCurrentThreadCpuTime() - start).isLessThan(1_000_000_000L);
  }
}
