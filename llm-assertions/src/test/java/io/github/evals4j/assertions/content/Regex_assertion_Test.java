package io.github.evals4j.assertions.content;

import static io.github.evals4j.assertions.LlmAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.evals4j.check.CheckResult;
import org.junit.jupiter.api.Test;

class Regex_assertion_Test {

  @Test
  void should_pass_and_fail_on_matches_with_their_positions() {
    assertThat("Order ORD-123456 shipped.").containsRegexMatch("ORD-\\d{6}");
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat("key sk-abcdefghijklmnopqrstuv\nand sk-zyxwvutsrqponmlkjihgf")
            .doesNotContainRegexMatch("sk-[a-z]{20,}"))
        .withMessageContaining("2 match(es) of /sk-[a-z]{20,}/, none allowed")
        .withMessageContaining("forbidden-match at line 2, column 5 (offset 34..58)");
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat("no order here").containsRegexMatch("ORD-\\d{6}"))
        .withMessageContaining("no match of /ORD-\\d{6}/ in the output (13 UTF-16 units)");
  }

  @Test
  void should_match_entirely_only_when_the_whole_output_matches() {
    org.assertj.core.api.Assertions.assertThat(
        RegexCheck.matchesEntirely("[^\\n]{1,20}").evaluate("one line").passed()).isTrue();
    org.assertj.core.api.Assertions.assertThat(
        RegexCheck.matchesEntirely("[^\\n]{1,20}").evaluate("two\nlines").passed()).isFalse();
  }

  @Test
  void should_stop_catastrophic_backtracking_with_a_clear_failure() {
    // JDK 17 memoizes (x+x+)+y, but not a bounded repetition of .* nor a back-reference:
    // on 40 commas (.*,){12}X tries about C(40,12) = 5.6e9 splits, (x+x+)+\1y about 2^40
    CheckResult polynomial = RegexCheck.contains("(.*,){12}X").evaluate(",".repeat(40));
    org.assertj.core.api.Assertions.assertThat(polynomial.passed()).isFalse();
    org.assertj.core.api.Assertions.assertThat(polynomial.message())
        .contains("exceeded its budget of 1008000 character reads")
        .contains("possessive quantifiers");
    CheckResult exponential = RegexCheck.doesNotContain("(x+x+)+\\1y").evaluate("x".repeat(40));
    org.assertj.core.api.Assertions.assertThat(exponential.passed()).isFalse();
    org.assertj.core.api.Assertions.assertThat(exponential.message()).contains("exceeded its budget");
  }

  @Test
  void should_stop_a_quadratic_pattern_on_ten_megabytes() {
    CheckResult result = RegexCheck.doesNotContain("a*b").withReadsPerCharacter(20)
        .evaluate("a".repeat(10_000_000));
    org.assertj.core.api.Assertions.assertThat(result.passed()).isFalse();
    org.assertj.core.api.Assertions.assertThat(result.message()).contains("exceeded its budget");
  }

  @Test
  void should_report_a_too_deep_recursion_instead_of_a_stack_overflow() {
    CheckResult result = RegexCheck.matchesEntirely("(a|b)*").evaluate("ab".repeat(1_000_000));
    org.assertj.core.api.Assertions.assertThat(result.passed()).isFalse();
    org.assertj.core.api.Assertions.assertThat(result.message())
        .contains("recursed too deeply on this 2000000-character output");
    // the possessive form the message suggests works
    org.assertj.core.api.Assertions.assertThat(RegexCheck.matchesEntirely("(?:a|b)*+")
        .evaluate("ab".repeat(1_000_000)).passed()).isTrue();
  }

  @Test
  void should_scan_ten_megabytes_with_a_linear_pattern() {
    String big = "id=42 status=ok latency=12ms\n".repeat(350_000) + "status=error";
    CheckResult result = RegexCheck.doesNotContain("status=error").evaluate(big);
    org.assertj.core.api.Assertions.assertThat(result.passed()).isFalse();
    org.assertj.core.api.Assertions.assertThat(result.evidence()).singleElement()
        .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.start()).isEqualTo(big.length() - 12));
  }

  @Test
  void should_handle_null_and_lone_surrogates() {
    org.assertj.core.api.Assertions.assertThat(RegexCheck.contains("x").evaluate(null).message())
        .isEqualTo("output is null: cannot match /x/");
    assertThat("a\uD800b").containsRegexMatch("\\uD800");
  }
}
