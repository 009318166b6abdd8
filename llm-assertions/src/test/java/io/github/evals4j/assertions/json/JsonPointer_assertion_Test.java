package io.github.evals4j.assertions.json;

import static io.github.evals4j.assertions.LlmAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.evals4j.check.CheckResult;
import io.github.evals4j.assertions.Checks;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class JsonPointer_assertion_Test {

  private static final String OUTPUT = "{\n"
      + "  \"title\": \"Acme 4.2\",\n"
      + "  \"features\": [\n"
      + "    {\"name\": \"Export\", \"weight\": 1.0, \"tags\": [\"csv\", \"xlsx\"]},\n"
      + "    {\"name\": \"日本語\", \"weight\": 2, \"a/b\": true, \"m~n\": null}\n"
      + "  ],\n"
      + "  \"released\": \"2024-05-01\"\n"
      + "}";

  @Test
  void should_pass_when_the_pointer_exists() {
    assertThat(OUTPUT).hasJsonPointer("/features/0/name").hasJsonPointer("")
        .hasJsonPointer("/features/1/a~1b").hasJsonPointer("/features/1/m~0n");
  }

  @Test
  void should_fail_when_the_pointer_is_missing_and_show_where_it_stopped() {
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(OUTPUT).hasJsonPointer("/features/0/id"))
        .withMessageContaining("expected a value at JSON Pointer \"/features/0/id\"")
        .withMessageContaining("\"/features/0\" is an object with keys [name, weight, tags]")
        .withMessageContaining("at line 4, column 5");
  }

  @Test
  void should_fail_when_the_index_is_out_of_range() {
    CheckResult result = Checks.hasJsonPointer("/features/5/name").evaluate(OUTPUT);
    Assertions.assertThat(result.passed()).isFalse();
    Assertions.assertThat(result.message())
        .contains("\"/features\" is an array of 2 elements", "at line 3, column 15");
  }

  @Test
  void should_fail_when_the_pointer_goes_through_a_scalar() {
    Assertions.assertThat(Checks.hasJsonPointer("/title/x").evaluate(OUTPUT).message())
        .contains("\"/title\" is a string (\"Acme 4.2\"), which has no members");
  }

  @Test
  void should_compare_values_numbers_by_value() {
    assertThat(OUTPUT)
        .hasJsonPointerValue("/features/0/name", "Export")
        .hasJsonPointerValue("/features/0/weight", 1)
        .hasJsonPointerValue("/features/1/weight", 2.0)
        .hasJsonPointerValue("/features/1/m~0n", null)
        .hasJsonPointerValue("/features/0/tags", List.of("csv", "xlsx"))
        .hasJsonPointerValue("/features/0",
            Map.of("name", "Export", "weight", 1, "tags", List.of("csv", "xlsx")));
  }

  @Test
  void should_fail_when_the_value_differs_with_its_span_quoted() {
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(OUTPUT).hasJsonPointerValue("/features/1/name", "Import"))
        .withMessageContaining("expected the value at JSON Pointer \"/features/1/name\""
            + " to equal string \"Import\" but it is string \"日本語\"")
        .withMessageContaining("at line 5, column 14");
  }

  @Test
  void should_fail_when_types_differ_even_if_text_is_equal() {
    Assertions.assertThat(Checks.jsonPointerEquals("/features/1/weight", "2").evaluate(OUTPUT)
        .message()).contains("to equal string \"2\" but it is number 2");
  }

  @Test
  void should_match_a_regex_on_a_string_value() {
    assertThat(OUTPUT).hasJsonPointerMatching("/released", "\\d{4}-\\d{2}-\\d{2}");
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(OUTPUT).hasJsonPointerMatching("/title", "Acme \\d"))
        .withMessageContaining("to match /Acme \\d/ but it is string \"Acme 4.2\"");
  }

  @Test
  void should_fail_within_its_budget_when_the_regex_backtracks_catastrophically() {
    // GIVEN a value on which (.*a){25}b backtracks for hours (it ran past 20 s before the budget)
    String output = "{\"note\": \"" + "a".repeat(200) + "\"}";
    long start = CPU.getCurrentThreadCpuTime();
    // WHEN
    CheckResult result = Checks.jsonPointerMatches("/note", "(.*a){25}b").evaluate(output);
    // THEN it fails fast, saying why and where the value is
    Assertions.assertThat(CPU.getCurrentThreadCpuTime() - start).isLessThan(2_000_000_000L);
    Assertions.assertThat(result.passed()).isFalse();
    Assertions.assertThat(result.message())
        .contains("expected the value at JSON Pointer \"/note\" to match /(.*a){25}b/ but could"
            + " not decide: the regex exceeded its budget of 1040000 character reads")
        .contains("per character of the value")
        .contains("line 1, column 10");
  }

  @Test
  void should_fail_clearly_instead_of_overflowing_the_stack_on_a_long_value() {
    // GIVEN 100,000 characters that (a|b)* matches with one recursion per character
    String output = "{\"note\": \"" + "ab".repeat(50_000) + "\"}";
    // WHEN
    CheckResult result = Checks.jsonPointerMatches("/note", "(a|b)*").evaluate(output);
    // THEN no StackOverflowError: a failed result that names the cause and the fix
    Assertions.assertThat(result.passed()).isFalse();
    Assertions.assertThat(result.message())
        .contains("could not decide: the regex recursed too deeply on this 100000-character value")
        .contains("possessive quantifier");
  }

  private static final java.lang.management.ThreadMXBean CPU =
      java.lang.management.ManagementFactory.getThreadMXBean();

  @Test
  void should_navigate_to_the_value_for_further_assertions() {
    assertThat(OUTPUT).extractingJsonPointer("/features/1/name").isEqualTo("日本語");
    assertThat(OUTPUT).extractingJsonPointer("/features/0/tags").isJsonArray()
        .hasJsonPointerValue("/1", "xlsx");
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(OUTPUT).extractingJsonPointer("/title").startsWith("Beta"))
        .withMessageContaining("value at JSON Pointer \"/title\" of the output");
  }

  @Test
  void should_reject_a_malformed_pointer_when_the_check_is_built() {
    assertThatIllegalArgumentException().isThrownBy(() -> Checks.hasJsonPointer("features/0"))
        .withMessageContaining("invalid JSON Pointer \"features/0\"");
  }

  @Test
  void should_fail_pointer_checks_on_invalid_json_with_the_syntax_error() {
    Assertions.assertThat(Checks.hasJsonPointer("/a").evaluate("{\"a\": 1,}").message())
        .contains("not valid JSON", "trailing comma");
  }
}
