package io.github.evals4j.assertions.grounding;

import static io.github.evals4j.assertions.LlmAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import org.junit.jupiter.api.Test;

class IsGroundedIn_assertion_Test {

  private static final Sources LOG = Sources.of(
      "2024-05-14T10:02:44.902Z ERROR payment-service [req=91c4] E1042 gateway timeout after 5000ms\n"
          + "2024-05-14T10:02:45.110Z ERROR checkout-api HTTP 504 returned to client\n"
          + "summary: error rate 12.5% over 5 minutes, 1,284 requests");

  @Test
  void should_pass_when_every_claim_is_in_the_log() {
    assertThatNoException().isThrownBy(() -> assertThat(
        "At 10:02:44 payment-service hit E1042 (timeout after 5000ms); checkout-api answered "
            + "HTTP 504. Error rate 12.5% across 1284 requests.")
        .isGroundedIn(LOG)
        .hasNoUnsupportedClaims(LOG));
  }

  @Test
  void should_fail_with_threshold_score_and_each_invented_claim_with_its_position() {
    // GIVEN
    String output = "At 10:02:44 payment-service hit E2042.\nError rate 18% across 1.3k requests.";
    // WHEN / THEN
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(output).isGroundedIn(LOG, 0.9))
        .withMessageContaining("to pass check grounding but it failed")
        .withMessageContaining("threshold \u2265 0.90")
        .withMessageContaining("score 0.50")
        .withMessageContaining("identifier at line 1, column 33 (offset 32..37): \"E2042\"")
        .withMessageContaining("percentage at line 2, column 12 (offset 50..53): \"18%\"")
        .withMessageContaining("number at line 2, column 23 (offset 61..65): \"1.3k\" "
            + "\u2014 no source mentions the value 1300");
  }

  @Test
  void should_fail_hasNoUnsupportedClaims_on_a_single_invented_selector() {
    Sources page = Sources.of("<button id=\"checkout-btn\" class=\"btn\">Pay</button>");
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat("{\"selector\": \"#buy-now\"}").hasNoUnsupportedClaims(page))
        .withMessageContaining("grounding.claims")
        .withMessageContaining("selector at line 1, column 15 (offset 14..22): \"#buy-now\"");
    assertThat("{\"selector\": \"#checkout-btn\"}").hasNoUnsupportedClaims(page);
  }

  @Test
  void should_fail_when_a_sentence_has_low_content_word_support() {
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat("Reviewers praise the plush memory foam tips and immersive "
            + "soundstage.").isGroundedIn(LOG))
        .withMessageContaining("sentence at line 1, column 1")
        .withMessageContaining("only 0 of 8 content words appear in the sources");
  }

  @Test
  void should_collect_grounding_and_specificity_failures_softly() {
    io.github.evals4j.assertions.SoftLlmAssertions softly =
        new io.github.evals4j.assertions.SoftLlmAssertions();
    softly.assertThat("payment-service hit E2042").hasNoUnsupportedClaims(LOG);
    softly.assertThat("It might help.").hasSpecificityAtLeast(0.5);
    softly.assertThat("payment-service hit E1042").hasNoUnsupportedClaims(LOG);
    org.assertj.core.api.Assertions.assertThat(softly.errorsCollected()).hasSize(2);
  }

  @Test
  void should_fail_on_null_output_with_a_clear_message() {
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat((String) null).isGroundedIn(LOG))
        .withMessageContaining("the output is null");
  }
}
