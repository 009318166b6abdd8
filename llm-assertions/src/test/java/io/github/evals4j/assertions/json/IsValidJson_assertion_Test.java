package io.github.evals4j.assertions.json;

import static io.github.evals4j.assertions.LlmAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.evals4j.check.CheckResult;
import io.github.evals4j.assertions.Checks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IsValidJson_assertion_Test {

  @ParameterizedTest
  @ValueSource(strings = {
      "{}", "[]", "{\"a\": [1, -2.5e3, 0, true, false, null, \"x\"]}", "  {\"a\":1}\n\n", "42",
      "\"just a string\"", "null", "{\"emoji\": \"🙂👩‍💻\", \"cjk\": \"日本語\", \"ar\": \"مرحبا\"}",
      "[\"\\ud83d\\ude00\", \"\\u00e9\\n\\t\\\"\"]", "{\"\": 0, \"a\\u0000b\": 1}", "[-0, 0.0, 1E+2]"
  })
  void should_pass_when_output_is_strict_json(String output) {
    assertThat(output).isValidJson();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "trailing comma in array  | [1, 2,]               | trailing comma before ']'           | 1 | 6",
      "trailing comma in object | {\"a\": 1,}           | trailing comma before '}'           | 1 | 8",
      "line comment             | {\"a\": 1 // note\\n}  | comments are not allowed            | 1 | 9",
      "block comment            | /* hi */ []           | comments are not allowed            | 1 | 1",
      "NaN                      | {\"x\": NaN}          | 'NaN' is not a JSON number          | 1 | 7",
      "Infinity                 | [-Infinity]           | not a JSON number                   | 1 | 2",
      "single quotes            | {'a': 1}              | single quote                        | 1 | 2",
      "leading zero             | {\"n\": 007}          | leading zero                        | 1 | 7",
      "unquoted key             | {a: 1}                | was expecting double-quote          | 1 | 2",
      "trailing value           | {} {}                 | unexpected content after the JSON   | 1 | 4",
      "trailing prose           | {\"a\": 1} Thanks!    | unexpected content after the JSON   | 1 | 10",
      "bare word                | yes                   | unknown literal 'yes'               | 1 | 1",
      "plus sign                | [+1]                  | leading plus sign                   | 1 | 2",
      "missing comma            | [1 2]                 | comma                               | 1 | 4",
      "bad escape               | [\"\\x\"]             | escape                              | 1 | 4",
  })
  void should_fail_with_position_when_output_breaks_rfc_8259(
      String name, String output, String why, int line, int column) {
    String json = output.replace("\\n", "\n");
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(json).isValidJson())
        .withMessageContaining("to pass check json.valid but it failed")
        .withMessageContaining(why)
        .withMessageContaining("at line " + line + ", column " + column);
  }

  @Test
  void should_fail_with_caret_under_the_offending_spot() {
    // GIVEN
    String output = "{\n  \"tags\": [\"a\", \"b\",],\n  \"n\": 1\n}";
    // WHEN
    CheckResult result = Checks.validJson().evaluate(output);
    // THEN
    org.assertj.core.api.Assertions.assertThat(result.passed()).isFalse();
    org.assertj.core.api.Assertions.assertThat(result.message())
        .contains("trailing comma before ']' at line 2, column 20 (offset 21)")
        .contains("2 |   \"tags\": [\"a\", \"b\",],")
        .contains("  |                    ^");
    org.assertj.core.api.Assertions.assertThat(result.evidence()).singleElement()
        .satisfies(e -> {
          org.assertj.core.api.Assertions.assertThat(e.start()).isEqualTo(21);
          org.assertj.core.api.Assertions.assertThat(e.text()).isEqualTo(",");
          org.assertj.core.api.Assertions.assertThat(e.kind()).isEqualTo("syntax");
        });
  }

  @Test
  void should_fail_when_a_key_is_repeated_and_say_which_and_where() {
    String output = "{\"name\": \"a\",\n \"name\": \"b\"}";
    CheckResult result = Checks.validJson().evaluate(output);
    org.assertj.core.api.Assertions.assertThat(result.passed()).isFalse();
    org.assertj.core.api.Assertions.assertThat(result.message())
        .contains("duplicate key \"name\"", "at line 2, column 2");
    org.assertj.core.api.Assertions.assertThat(result.evidence().get(0).text())
        .isEqualTo("\"name\"");
  }

  @Test
  void should_pass_when_duplicate_keys_are_allowed() {
    assertThat("{\"a\": 1, \"a\": 2}")
        .usingJsonOptions(JsonOptions.strict().allowingDuplicateKeys())
        .isValidJson()
        .hasJsonPointerValue("/a", 2);
  }

  @Test
  void should_fail_on_nested_duplicate_keys_too() {
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat("[{\"k\": {\"x\": 1, \"x\": 1}}]").isValidJson())
        .withMessageContaining("duplicate key \"x\"");
  }

  @Test
  void should_report_the_top_level_kind_and_depth_when_valid() {
    CheckResult result = Checks.validJson().evaluate("{\"a\": [[1]]}");
    org.assertj.core.api.Assertions.assertThat(result.passed()).isTrue();
    org.assertj.core.api.Assertions.assertThat(result.message())
        .isEqualTo("valid JSON object (12 chars, nesting depth 3)");
  }

  @Test
  void should_fail_on_unescaped_control_characters() {
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat("[\"tab\there\"]").isValidJson())
        .withMessageContaining("unescaped control character U+0009")
        .withMessageContaining("line 1, column 6");
  }

  @Test
  void should_fail_on_fenced_json_and_hint_at_extraction() {
    String output = "Here it is:\n```json\n{\"ok\": true}\n```";
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(output).isValidJson())
        .withMessageContaining("unknown literal 'Here'")
        .withMessageContaining("hint: the output holds a Markdown code fence at line 2")
        .withMessageContaining("containsValidJson()");
  }
}
