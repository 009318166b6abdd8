package io.github.evals4j.assertions.json;

import static io.github.evals4j.assertions.LlmAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.evals4j.check.CheckResult;
import io.github.evals4j.assertions.Checks;
import io.github.evals4j.check.Evidence;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class ContainsValidJson_assertion_Test {

  private static final String FENCED = "Sure! Here is the summary:\n\n```json\n"
      + "{\"title\": \"Export\", \"tags\": [\"csv\"]}\n```\n\nLet me know if you need more.";

  @Test
  void should_pass_on_a_json_fence_and_report_the_extraction() {
    // WHEN
    CheckResult result = Checks.containsValidJson().evaluate(FENCED);
    // THEN
    Assertions.assertThat(result.passed()).isTrue();
    Assertions.assertThat(result.message())
        .contains("extracted from a ```json Markdown code fence at line 3");
    Evidence extracted = result.evidence().get(0);
    Assertions.assertThat(extracted.kind()).isEqualTo("extracted");
    Assertions.assertThat(FENCED.substring(extracted.start(), extracted.end()))
        .isEqualTo("{\"title\": \"Export\", \"tags\": [\"csv\"]}");
    Assertions.assertThat(extracted.positionIn(FENCED)).isEqualTo("line 4, column 1");
  }

  @Test
  void should_pass_without_extraction_when_the_output_is_json() {
    CheckResult result = Checks.containsValidJson().evaluate("{\"a\": 1}");
    Assertions.assertThat(result.passed()).isTrue();
    Assertions.assertThat(result.evidence()).extracting(Evidence::kind).containsExactly("json");
    Assertions.assertThat(result.message()).doesNotContain("extracted");
  }

  @Test
  void should_prefer_the_json_fence_over_other_fences() {
    String output = "```bash\ncurl -X POST [url]\n```\n~~~JSON\n[1, 2]\n~~~\n";
    CheckResult result = Checks.containsValidJson().evaluate(output);
    Assertions.assertThat(result.passed()).isTrue();
    Assertions.assertThat(result.message()).contains("```json Markdown code fence at line 4");
  }

  @Test
  void should_take_an_unlabelled_fence_that_holds_json() {
    String output = "Result:\n```\n{\"ok\": true}\n```";
    Assertions.assertThat(Checks.containsValidJson().evaluate(output).message())
        .contains("extracted from a Markdown code fence at line 2");
  }

  @Test
  void should_fail_with_the_fence_error_when_the_json_fence_is_broken() {
    String output = "Here:\n```json\n{\"a\": 1,}\n```\nand {\"b\": 2} elsewhere";
    CheckResult result = Checks.containsValidJson().evaluate(output);
    Assertions.assertThat(result.passed()).isFalse();
    Assertions.assertThat(result.message())
        .contains("trailing comma before '}' at line 3, column 8")
        .contains("the JSON was looked for in a ```json Markdown code fence at line 2");
  }

  @Test
  void should_take_the_json_out_of_prose_and_skip_citations() {
    String output = "As noted in [1], the config is {\"retries\": 3, \"backoff\": [1, 2, 4]}. Done.";
    CheckResult result = Checks.containsValidJson().evaluate(output);
    Assertions.assertThat(result.passed()).isTrue();
    Evidence extracted = result.evidence().get(0);
    Assertions.assertThat(extracted.text())
        .isEqualTo("{\"retries\": 3, \"backoff\": [1, 2, 4]}");
    Assertions.assertThat(result.message()).contains("extracted from the prose around it");
  }

  @Test
  void should_fail_when_isValidJson_meets_fenced_json_but_pass_extractingJson() {
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(FENCED).isValidJson());
    assertThat(FENCED).containsValidJson()
        .extractingJson().isJsonObject().hasJsonPointerValue("/title", "Export");
  }

  @Test
  void should_describe_the_extracted_json_in_the_next_failure() {
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(FENCED).extractingJson().isJsonArray())
        .withMessageContaining("JSON of the output (JSON object extracted from a ```json")
        .withMessageContaining("expected the top-level JSON value to be an array but it is an object");
  }

  @Test
  void should_apply_every_json_check_to_extracted_json_when_the_option_is_on() {
    JsonOptions extracting = JsonOptions.strict().extractingFromText();
    CheckResult result = Checks.json(extracting).pointerEquals("/tags/0", "csv").evaluate(FENCED);
    Assertions.assertThat(result.passed()).isTrue();
    Assertions.assertThat(result.message()).contains("(extracted from a ```json Markdown");
    Assertions.assertThat(result.evidence()).extracting(Evidence::kind)
        .containsExactly("extracted", "json-pointer");
    Evidence value = result.evidence().get(1);
    Assertions.assertThat(FENCED.substring(value.start(), value.end())).isEqualTo("\"csv\"");
  }

  @Test
  void should_fail_on_truncated_json_instead_of_extracting_an_inner_object() {
    String output = "{\"summary\": {\"title\": \"Export\"}, \"features\": [\"csv\", \"xl";
    CheckResult result = Checks.containsValidJson().evaluate(output);
    Assertions.assertThat(result.passed()).isFalse();
    Assertions.assertThat(result.message()).contains("unexpected end of input");
  }

  @Test
  void should_extract_json_followed_by_prose() {
    CheckResult result = Checks.containsValidJson().evaluate("{\"a\": 1} Thanks!");
    Assertions.assertThat(result.passed()).isTrue();
    Assertions.assertThat(result.evidence().get(0).text()).isEqualTo("{\"a\": 1}");
    Assertions.assertThat(result.message()).contains("0 chars before it, 8 after");
  }

  @Test
  void should_fail_extractingJson_when_no_json_is_there() {
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat("I cannot produce JSON today.").extractingJson())
        .withMessageContaining("json.contains-valid")
        .withMessageContaining("no JSON object or array found");
  }
}
