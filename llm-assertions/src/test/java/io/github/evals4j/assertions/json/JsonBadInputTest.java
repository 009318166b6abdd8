package io.github.evals4j.assertions.json;

import static io.github.evals4j.assertions.LlmAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.evals4j.check.Check;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.assertions.Checks;
import io.github.evals4j.check.Evidence;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** The brief's bad inputs: each gives a clear result, never a hang or a StackOverflowError. */
class JsonBadInputTest {

  private static final JsonSchema ANY_ARRAY = JsonSchema.fromString("{\"type\": \"array\"}");

  @Test
  void should_fail_clearly_when_output_is_null() {
    for (Check check : new Check[] {Checks.validJson(), Checks.containsValidJson(),
        Checks.jsonObject(), Checks.hasJsonPointer("/a"), Checks.matchesJsonSchema(ANY_ARRAY)}) {
      CheckResult result = check.evaluate(null);
      Assertions.assertThat(result.passed()).as(check.name()).isFalse();
      Assertions.assertThat(result.message()).as(check.name()).contains("the output is null");
    }
  }

  @Test
  void should_fail_clearly_when_output_is_empty_or_whitespace() {
    Assertions.assertThat(Checks.validJson().evaluate("").message())
        .contains("no JSON value: the text is empty");
    Assertions.assertThat(Checks.validJson().evaluate(" \n\t ").message())
        .contains("no JSON value: the text is only whitespace (4 chars)");
    Assertions.assertThat(Checks.containsValidJson().evaluate("no json here, sorry").message())
        .contains("no JSON object or array found");
  }

  @Test
  void should_pass_on_a_10_mb_document_and_locate_a_late_error() {
    // GIVEN
    String big = JsonDocuments.productSummary(10 * 1024 * 1024);
    // THEN
    assertThat(big).isValidJson().isJsonObject().hasJsonPointer("/features/80000/name");
    // GIVEN a trailing comma near the very end
    int lastBrace = big.lastIndexOf('}', big.lastIndexOf(']'));
    String broken = big.substring(0, lastBrace + 1) + "," + big.substring(lastBrace + 1);
    // WHEN
    CheckResult result = Checks.validJson().evaluate(broken);
    // THEN
    Assertions.assertThat(result.passed()).isFalse();
    Evidence evidence = result.evidence().get(0);
    Assertions.assertThat(evidence.start()).isEqualTo(lastBrace + 1);
    Assertions.assertThat(result.message()).contains("trailing comma before ']'")
        .hasSizeLessThan(2_000);
  }

  @Test
  void should_fail_on_100000_levels_of_nesting_with_the_limit_named() {
    String deep = JsonDocuments.nestedArrays(100_000, true);
    for (Check check : new Check[] {Checks.validJson(), Checks.containsValidJson(),
        Checks.jsonArray(), Checks.hasJsonPointer("/0"), Checks.matchesJsonSchema(ANY_ARRAY)}) {
      CheckResult result = Checks.evaluate(check, deep);
      Assertions.assertThat(result.passed()).as(check.name()).isFalse();
      Assertions.assertThat(result.message()).as(check.name())
          .contains("nesting deeper than the limit of 1000", "column 1001");
    }
  }

  @Test
  void should_read_100000_levels_iteratively_when_the_limit_is_raised() {
    Check check = Checks.validJson(JsonOptions.strict().withMaxNestingDepth(200_000));
    CheckResult result = check.evaluate(JsonDocuments.nestedArrays(100_000, true));
    Assertions.assertThat(result.passed()).isTrue();
    Assertions.assertThat(result.message()).contains("nesting depth 100000");
    CheckResult truncated = check.evaluate(JsonDocuments.nestedArrays(100_000, false));
    Assertions.assertThat(truncated.message())
        .contains("unexpected end of input", "line 1, column 100001");
  }

  @Test
  void should_fail_schema_validation_clearly_when_a_raised_limit_exceeds_the_validator_stack() {
    Check check = Checks.json(JsonOptions.strict().withMaxNestingDepth(200_000))
        .matchesSchema(JsonSchema.fromString("{\"items\": {\"$ref\": \"#\"}}"));
    CheckResult result = Checks.evaluate(check, JsonDocuments.nestedArrays(100_000, true));
    Assertions.assertThat(result.passed()).isFalse();
    Assertions.assertThat(result.message()).contains("ran out of stack", "100000 levels deep");
  }

  @Test
  void should_fail_on_an_escaped_lone_high_surrogate() {
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat("{\"name\": \"caf\\ud800\"}").isValidJson())
        .withMessageContaining("lone high surrogate (escaped \\ud800)")
        .withMessageContaining("line 1, column 14");
  }

  @Test
  void should_fail_on_an_escaped_lone_low_surrogate_and_a_reversed_pair() {
    Assertions.assertThat(Checks.validJson().evaluate("[\"\\udc00\"]").message())
        .contains("lone low surrogate (escaped \\udc00)");
    Assertions.assertThat(Checks.validJson().evaluate("[\"\\ude00\\ud83d\"]").message())
        .contains("lone low surrogate (escaped \\ude00)");
  }

  @Test
  void should_fail_on_a_raw_lone_surrogate_in_a_value_and_in_a_key() {
    CheckResult value = Checks.validJson().evaluate("[\"ok \ud83d\"]");
    Assertions.assertThat(value.message()).contains("lone high surrogate (raw U+D83D)",
        "column 6");
    CheckResult key = Checks.validJson().evaluate("{\"k\udc00\": 1}");
    Assertions.assertThat(key.message()).contains("lone low surrogate (raw U+DC00)", "column 4");
  }

  @Test
  void should_pass_on_valid_surrogate_pairs_raw_and_escaped() {
    assertThat("[\"😀\", \"\\ud83d\\ude00\", {\"🔑\": 1}]").isValidJson();
  }

  @Test
  void should_reject_a_leading_bom_by_default_and_say_how_to_accept_it() {
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat("\uFEFF{\"a\": 1}").isValidJson())
        .withMessageContaining("leading byte order mark U+FEFF")
        .withMessageContaining("JsonOptions.ignoringLeadingBom()");
  }

  @Test
  void should_ignore_a_leading_bom_when_asked_and_report_it() {
    CheckResult result = Checks.validJson(JsonOptions.strict().ignoringLeadingBom())
        .evaluate("\uFEFF{\"a\": 1}");
    Assertions.assertThat(result.passed()).isTrue();
    Assertions.assertThat(result.message()).contains("a leading byte order mark was ignored");
    Assertions.assertThat(result.evidence()).extracting(Evidence::kind).contains("bom");
    Assertions.assertThat(result.evidence().get(0).start()).isZero();
  }

  @Test
  void should_reject_a_bom_that_is_not_leading_even_when_ignoring_leading_ones() {
    CheckResult result = Checks.validJson(JsonOptions.strict().ignoringLeadingBom())
        .evaluate("[1,\uFEFF2]");
    Assertions.assertThat(result.passed()).isFalse();
    Assertions.assertThat(result.message()).contains("byte order mark U+FEFF inside");
  }

  @Test
  void should_count_columns_in_code_points_on_cjk_arabic_and_emoji_lines() {
    // "😀" is 2 UTF-16 units but one code point; the error is the trailing comma.
    String output = "{\"名前\": \"日本語\", \"ar\": \"مرحبا\", \"e\": \"😀👩‍💻\",}";
    CheckResult result = Checks.validJson().evaluate(output);
    int comma = output.lastIndexOf(',');
    Assertions.assertThat(result.evidence().get(0).start()).isEqualTo(comma);
    int column = output.codePointCount(0, comma) + 1;
    Assertions.assertThat(result.message())
        .contains("line 1, column " + column + " (offset " + comma + ")");
    Assertions.assertThat(column).isLessThan(comma + 1); // code points, not UTF-16 units
  }

  @Test
  void should_name_the_unclosed_container_when_truncated() {
    String output = "{\n  \"features\": [\n    {\"name\": \"Export\"},\n    {\"name\": \"Imp";
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(output).isValidJson())
        .withMessageContaining("unexpected end of input: the JSON is truncated")
        .withMessageContaining("at line 4, column 18");
    CheckResult midArray = Checks.validJson().evaluate("{\"a\": [1, 2");
    Assertions.assertThat(midArray.message())
        .contains("the array opened at line 1, column 7 is not closed");
  }
}
