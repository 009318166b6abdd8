package io.github.evals4j.assertions.json;

import static io.github.evals4j.assertions.LlmAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.assertions.Checks;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** The README's JSON section, verbatim, so that every example there is known to run. */
class JsonReadmeExamplesTest {

  @Test
  void should_run_every_json_example_of_the_readme() {
    String output = """
        {"title": "Acme 4.2", "features": [{"name": "Export", "weight": 1}], "released": "2024-05-01"}
        """;

    // validity and top-level shape
    assertThat(output).isValidJson().isJsonObject();
    assertThat("[1, 2]").isJsonArray();

    // JSON Pointer (RFC 6901): existence, value (numbers by value), regex, and navigation
    assertThat(output)
        .hasJsonPointer("/features/0/name")
        .hasJsonPointerValue("/features/0/name", "Export")
        .hasJsonPointerValue("/features/0/weight", 1.0)
        .hasJsonPointerValue("/features/0", Map.of("name", "Export", "weight", 1))
        .hasJsonPointerMatching("/released", "\\d{4}-\\d{2}-\\d{2}");
    assertThat(output).extractingJsonPointer("/features/0/name").isEqualTo("Export"); // a string's text
    assertThat(output).extractingJsonPointer("/features").isJsonArray();              // else its JSON

    // JSON Schema: draft-07, 2019-09, 2020-12 ($schema decides; 2020-12 when absent)
    JsonSchema summary = JsonSchema.fromClasspath("schemas/product-summary.schema.json");
    assertThat(output).matchesJsonSchema(summary);
    assertThat(output).matchesJsonSchema("""
        {"$schema": "http://json-schema.org/draft-07/schema#", "required": ["title"]}""");
    JsonSchema fromFile = JsonSchema.fromPath(Path.of("src/test/resources/schemas/product-summary.schema.json"));
    JsonSchema draft7ByDefault = JsonSchema.fromString("{\"required\": [\"title\"]}", JsonSchema.Dialect.DRAFT_07);

    // JSON inside a Markdown fence or prose: strict checks fail on it, these accept it and say so
    String chatty = "Sure! Here it is:\n```json\n{\"title\": \"Acme\"}\n```\nAnything else?";
    assertThat(chatty).containsValidJson();
    assertThat(chatty).extractingJson().isJsonObject().hasJsonPointerValue("/title", "Acme");
    assertThat(chatty).usingJsonOptions(JsonOptions.strict().extractingFromText()).hasJsonPointer("/title");

    // options (immutable; every JSON assertion after usingJsonOptions uses them)
    assertThat("{\"a\": 1, \"a\": 2}").usingJsonOptions(JsonOptions.strict().allowingDuplicateKeys()).isValidJson();
    assertThat("\uFEFF{}").usingJsonOptions(JsonOptions.strict().ignoringLeadingBom()).isValidJson();
    assertThat("[[[1]]]").usingJsonOptions(JsonOptions.strict().withMaxNestingDepth(3)).isValidJson();

    // the same checks without throwing (each result also reaches the recording hook via Checks.evaluate)
    CheckResult bad = Checks.evaluate(Checks.validJson(), "{\"tags\": [\"a\",]}");
    // bad.passed() == false; bad.evidence().get(0): syntax at offset 13..14 ","
    Checks.containsValidJson();  Checks.jsonObject();  Checks.jsonArray();
    Checks.hasJsonPointer("/title");  Checks.jsonPointerEquals("/title", "Acme 4.2");
    Checks.jsonPointerMatches("/released", "\\d{4}-.*");  Checks.matchesJsonSchema(summary);
    Checks.json(JsonOptions.strict().extractingFromText()).pointerEquals("/title", "Acme").evaluate(chatty);
    Optional<JsonNode> tree = JsonChecks.strict().read(output);   // the same strict reading, as a tree

    // what the comments above claim
    Assertions.assertThat(bad.passed()).isFalse();
    Assertions.assertThat(bad.evidence().get(0).describeIn("{\"tags\": [\"a\",]}"))
        .startsWith("syntax at line 1, column 14 (offset 13..14): \",\"");
    Assertions.assertThat(fromFile.dialect()).isEqualTo("draft 2020-12");
    Assertions.assertThat(draft7ByDefault.dialect()).isEqualTo("draft-07");
    Assertions.assertThat(tree).get().extracting(t -> t.at("/features/0/weight").intValue())
        .isEqualTo(1);
    Assertions.assertThat(Checks.json(JsonOptions.strict().extractingFromText())
        .pointerEquals("/title", "Acme").evaluate(chatty).passed()).isTrue();
    Assertions.assertThat(Checks.validJson().evaluate("[[[[1]]]]").passed()).isTrue();
    Assertions.assertThat(Checks.validJson(JsonOptions.strict().withMaxNestingDepth(3))
        .evaluate("[[[[1]]]]").passed()).isFalse();
  }
}
