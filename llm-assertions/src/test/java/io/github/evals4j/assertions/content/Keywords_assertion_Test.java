package io.github.evals4j.assertions.content;

import static io.github.evals4j.assertions.LlmAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.evals4j.check.CheckResult;
import io.github.evals4j.assertions.Checks;
import org.junit.jupiter.api.Test;

class Keywords_assertion_Test {

  private static final String REPLY = "You can request a Refund within 30\u00a0days.\n"
      + "Our caf\u00e9 ships cr\u00e8me br\u00fbl\u00e9e kits to the category leaders.";

  @Test
  void should_pass_when_every_required_keyword_occurs_as_a_whole_word() {
    assertThat(REPLY).containsKeywords("refund", "30 days", "ships");
  }

  @Test
  void should_fail_naming_the_missing_keywords() {
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(REPLY).containsKeywords("refund", "cat", "warranty"))
        .withMessageContaining("to pass check keywords.required but it failed")
        .withMessageContaining("missing 2 of 3 required keywords (ignoring case, whole words):"
            + " \"cat\", \"warranty\"");
  }

  @Test
  void should_match_inside_words_only_when_asked() {
    assertThat(REPLY).containsKeywords(Keywords.of("cat").anywhereInWords());
  }

  @Test
  void should_respect_case_when_asked() {
    CheckResult result = Keywords.of("refund").caseSensitive().required().evaluate(REPLY);
    org.assertj.core.api.Assertions.assertThat(result.passed()).isFalse();
    org.assertj.core.api.Assertions.assertThat(result.message()).contains("case-sensitive");
  }

  @Test
  void should_ignore_diacritics_in_both_directions_when_asked() {
    assertThat(REPLY).containsKeywords(Keywords.of("cafe", "CREME BRULEE").ignoringDiacritics());
    assertThat("Caf\u00c9 and e\u0301clair").containsKeywords(
        Keywords.of("caf\u00e9", "\u00e9clair").ignoringDiacritics());
    org.assertj.core.api.Assertions.assertThat(
        Keywords.of("cafe").required().evaluate(REPLY).passed()).isFalse();
  }

  @Test
  void should_fail_on_forbidden_keywords_quoting_every_occurrence() {
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat("Guaranteed results. 100% guaranteed, risk-free!")
            .doesNotContainKeywords("guaranteed", "risk-free"))
        .withMessageContaining("3 occurrence(s) of forbidden keywords")
        .withMessageContaining("forbidden-keyword at line 1, column 1 (offset 0..10): \"Guaranteed\"")
        .withMessageContaining("forbidden-keyword at line 1, column 26 (offset 25..35): \"guaranteed\"")
        .withMessageContaining("(offset 37..46): \"risk-free\"");
    assertThat("We guarantee nothing.").doesNotContainKeywords("guaranteed");
  }

  @Test
  void should_handle_cjk_arabic_and_bad_input() {
    assertThat("東京の店舗 \u0645\u0631\u062d\u0628\u0627 \uD83D\uDE80").containsKeywords("東京", "\u0645\u0631\u062d\u0628\u0627");
    org.assertj.core.api.Assertions.assertThat(Checks.requiredKeywords("x").evaluate(null).passed())
        .isFalse();
    assertThat("\uD800 lone").containsKeywords("lone");
    assertThatIllegalArgumentException().isThrownBy(() -> Keywords.of("ok", " "));
  }
}
