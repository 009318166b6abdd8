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
}
