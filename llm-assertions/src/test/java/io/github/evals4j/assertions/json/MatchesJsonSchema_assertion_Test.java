package io.github.evals4j.assertions.json;

import static io.github.evals4j.assertions.LlmAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.evals4j.check.CheckResult;
import io.github.evals4j.assertions.Checks;
import io.github.evals4j.check.Evidence;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchesJsonSchema_assertion_Test {

  private static final JsonSchema SUMMARY =
      JsonSchema.fromClasspath("schemas/product-summary.schema.json");
  private static final JsonSchema LOGS =
      JsonSchema.fromClasspath("/schemas/log-analysis.draft7.schema.json");

  @Test
  void should_pass_when_the_output_matches_a_2020_12_schema() {
    assertThat(JsonDocuments.productSummary(4_000)).matchesJsonSchema(SUMMARY);
    Assertions.assertThat(SUMMARY.dialect()).isEqualTo("draft 2020-12");
  }

  @Test
  void should_report_each_violation_with_pointer_keyword_and_span() {
    // GIVEN
    String output = "{\n"
        + "  \"title\": \"AB\",\n"
        + "  \"features\": [\n"
        + "    {\"name\": \"Export\", \"score\": 1.5},\n"
        + "    {\"score\": 0.2, \"tags\": [\"x1\"]}\n"
        + "  ],\n"
        + "  \"extra\": 1\n"
        + "}";
    // WHEN
    CheckResult result = Checks.matchesJsonSchema(SUMMARY).evaluate(output);
    // THEN
    Assertions.assertThat(result.passed()).isFalse();
    Assertions.assertThat(result.message())
        .contains("does not match JSON Schema classpath:schemas/product-summary.schema.json"
            + " (draft 2020-12): 5 violations")
        .contains("/title [minLength]")
        .contains("/features/0/score [maximum]")
        .contains("/features/1 [required] required property 'name' not found")
        .contains("/features/1/tags/0 [pattern]")
        .contains("(root) [additionalProperties]")
        .contains("4 |     {\"name\": \"Export\", \"score\": 1.5},");
    Evidence score = result.evidence().stream()
        .filter(e -> e.kind().equals("schema:maximum")).findFirst().orElseThrow();
    Assertions.assertThat(output.substring(score.start(), score.end())).isEqualTo("1.5");
    Assertions.assertThat(score.positionIn(output)).isEqualTo("line 4, column 33");
    Evidence tag = result.evidence().stream()
        .filter(e -> e.kind().equals("schema:pattern")).findFirst().orElseThrow();
    Assertions.assertThat(tag.text()).isEqualTo("\"x1\"");
  }

  @Test
  void should_use_draft_07_when_the_schema_says_so() {
    Assertions.assertThat(LOGS.dialect()).isEqualTo("draft-07");
    assertThat("{\"severity\": \"high\", \"incidents\": [{\"service\": \"api\", \"count\": 3,"
        + " \"first_seen\": \"2024-05-01T10:00:00Z\"}]}").matchesJsonSchema(LOGS);
    CheckResult result = Checks.matchesJsonSchema(LOGS).evaluate("{\"severity\": \"urgent\","
        + " \"incidents\": [{\"service\": \"api\", \"count\": 0, \"first_seen\": \"yesterday\"}],"
        + " \"escalate_to\": \"ops\"}");
    Assertions.assertThat(result.passed()).isFalse();
    Assertions.assertThat(result.evidence()).extracting(Evidence::kind)
        .contains("schema:enum", "schema:minimum", "schema:format");
  }

  @Test
  void should_default_to_the_configured_dialect_without_dollar_schema() {
    String schema = "{\"type\": \"object\", \"properties\": {\"at\": {\"format\": \"date-time\"}}}";
    String output = "{\"at\": \"not a date\"}";
    // format is an annotation in 2020-12 and an assertion in draft-07
    Assertions.assertThat(Checks.matchesJsonSchema(JsonSchema.fromString(schema))
        .evaluate(output).passed()).isTrue();
    JsonSchema draft7 = JsonSchema.fromString(schema, JsonSchema.Dialect.DRAFT_07);
    Assertions.assertThat(draft7.dialect()).isEqualTo("draft-07");
    Assertions.assertThat(Checks.matchesJsonSchema(draft7).evaluate(output).passed()).isFalse();
  }

  @Test
  void should_load_a_schema_from_a_path_with_relative_refs(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("name.json"), "{\"type\": \"string\", \"maxLength\": 5}",
        StandardCharsets.UTF_8);
    Path main = dir.resolve("main.json");
    Files.writeString(main, "{\"type\": \"object\", \"properties\":"
        + " {\"name\": {\"$ref\": \"name.json\"}}}", StandardCharsets.UTF_8);
    JsonSchema schema = JsonSchema.fromPath(main);
    assertThat("{\"name\": \"abc\"}").matchesJsonSchema(schema);
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat("{\"name\": \"abcdefgh\"}").matchesJsonSchema(schema))
        .withMessageContaining("/name [maxLength]")
        .withMessageContaining(main.toString());
  }

  @Test
  void should_accept_a_schema_given_inline() {
    assertThat("[1, 2, 3]").matchesJsonSchema("{\"type\": \"array\", \"items\": {\"type\": \"integer\"}}");
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat("[1, \"两\", 3]")
            .matchesJsonSchema("{\"type\": \"array\", \"items\": {\"type\": \"integer\"}}"))
        .withMessageContaining("/1 [type] string found, integer expected")
        .withMessageContaining("at line 1, column 5 (offset 4..7)");
  }

  @Test
  void should_throw_naming_the_schema_when_it_is_not_valid_against_its_meta_schema() {
    assertThatExceptionOfType(InvalidJsonSchemaException.class)
        .isThrownBy(() -> JsonSchema.fromClasspath("schemas/broken.schema.json"))
        .withMessageContaining("invalid JSON Schema classpath:schemas/broken.schema.json")
        .withMessageContaining("not a valid draft 2020-12 schema")
        .withMessageContaining("/properties/a/type");
  }

  @Test
  void should_throw_naming_the_schema_when_it_is_not_json() {
    assertThatExceptionOfType(InvalidJsonSchemaException.class)
        .isThrownBy(() -> JsonSchema.fromString("{\"type\": \"object\",}"))
        .withMessageContaining("invalid JSON Schema inline schema {\"type\": \"object\",}")
        .withMessageContaining("trailing comma before '}' at line 1, column 18");
  }

  @Test
  void should_throw_when_the_schema_is_missing_unsupported_or_has_a_dangling_ref() {
    assertThatExceptionOfType(InvalidJsonSchemaException.class)
        .isThrownBy(() -> JsonSchema.fromClasspath("schemas/nope.json"))
        .withMessageContaining("classpath:schemas/nope.json: no such resource");
    assertThatExceptionOfType(InvalidJsonSchemaException.class)
        .isThrownBy(() -> JsonSchema.fromString("{\"$schema\": \"https://example.com/mine\"}"))
        .withMessageContaining("unsupported $schema");
    assertThatExceptionOfType(InvalidJsonSchemaException.class)
        .isThrownBy(() -> JsonSchema.fromString("{\"$ref\": \"#/$defs/missing\"}"))
        .withMessageContaining("/$defs/missing");
    assertThatExceptionOfType(InvalidJsonSchemaException.class)
        .isThrownBy(() -> JsonSchema.fromString("[1]"))
        .withMessageContaining("a schema is an object or a boolean, not array");
  }

  @Test
  void should_fail_with_the_syntax_error_when_the_output_is_not_json() {
    Assertions.assertThat(Checks.matchesJsonSchema(SUMMARY).evaluate("{\"title\": 'x'}")
        .message()).contains("not valid JSON", "single quote", "line 1, column 11");
  }

  @Test
  void should_list_at_most_ten_violations_in_the_message_but_keep_them_as_evidence() {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < 25; i++) {
      sb.append(i == 0 ? "" : ",").append("\"x\"");
    }
    String output = sb.append("]").toString();
    CheckResult result = Checks.matchesJsonSchema(
        "{\"type\": \"array\", \"items\": {\"type\": \"integer\"}}").evaluate(output);
    Assertions.assertThat(result.message()).contains("25 violations", "\u2026 and 15 more");
    Assertions.assertThat(result.evidence()).hasSize(25);
  }
}
