package io.github.evals4j.assertions.json;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.evals4j.check.Check;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.check.Evidence;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The output's JSON matches a {@link JsonSchema} ({@code json.schema}); each violation is evidence
 * with its instance pointer, keyword, message and, located in the output, the offending value.
 */
final class JsonSchemaCheck implements Check {

  static final String NAME = "json.schema";
  /** Violations spelled out in the message; all of them (up to the cap below) are evidence. */
  static final int MAX_IN_MESSAGE = 10;
  static final int MAX_EVIDENCE = 100;

  private final JsonSchema schema;
  private final StrictJsonReader reader;

  JsonSchemaCheck(JsonSchema schema, StrictJsonReader reader) {
    this.schema = java.util.Objects.requireNonNull(schema, "schema");
    this.reader = reader;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CheckResult evaluate(String output) {
    JsonInput input = JsonInput.read(output, reader);
    if (!input.valid()) {
      return JsonResults.invalid(NAME, input);
    }
    ParsedJson parsed = input.parsed;
    List<JsonSchema.Violation> violations;
    try {
      JsonNode tree = reader.tree(output, parsed.valueStart(), parsed.valueEnd());
      violations = schema.validate(tree);
    } catch (IOException e) {
      return JsonResults.failed(NAME, input.notes, "could not read the JSON tree: " + e);
    } catch (StackOverflowError e) {
      return JsonResults.failed(NAME, input.notes, "the schema validator ran out of stack on a"
          + " document " + parsed.maxDepth() + " levels deep; lower"
          + " JsonOptions.withMaxNestingDepth (now " + reader.options().maxNestingDepth() + ")");
    }
    String against = "JSON Schema " + schema.name() + " (" + schema.dialect() + ")";
    List<Evidence> evidence = new ArrayList<>(input.notes);
    if (violations.isEmpty()) {
      evidence.add(JsonInput.span(output, parsed.valueStart(), parsed.valueEnd(), "json",
          "matches " + against));
      return JsonResults.passed(NAME, evidence, "matches " + against + input.sourceSuffix());
    }
    List<JsonSchema.Violation> shown = violations.subList(0, Math.min(MAX_EVIDENCE,
        violations.size()));
    Set<JsonPointer> pointers = new LinkedHashSet<>();
    shown.forEach(v -> pointers.add(v.pointer()));
    Map<String, int[]> spans = JsonSpans.locate(reader.factory(), output, parsed.valueStart(),
        parsed.valueEnd(), pointers);
    String nl = System.lineSeparator();
    StringBuilder message = new StringBuilder("does not match ").append(against)
        .append(input.sourceSuffix()).append(": ").append(violations.size())
        .append(violations.size() == 1 ? " violation" : " violations");
    for (int i = 0; i < shown.size(); i++) {
      JsonSchema.Violation v = shown.get(i);
      String where = v.pointer().matches() ? "(root)" : v.pointer().toString();
      int[] span = spans.getOrDefault(v.pointer().toString(),
          new int[] {parsed.valueStart(), parsed.valueEnd()});
      evidence.add(JsonInput.span(output, span[0], span[1], "schema:" + v.keyword(),
          where + " [" + v.keyword() + "] " + v.message()));
      if (i < MAX_IN_MESSAGE) {
        // Point at the start of a container: underlining a whole object says nothing more.
        int end = isContainer(output, span[0]) ? span[0] + 1 : span[1];
        message.append(nl).append(i + 1).append(". ").append(where).append(" [")
            .append(v.keyword()).append("] ").append(v.message()).append(" \u2014 ")
            .append(JsonResults.located(output, span[0], end).replace(nl, nl + "   "));
      }
    }
    if (violations.size() > MAX_IN_MESSAGE) {
      message.append(nl).append("\u2026 and ").append(violations.size() - MAX_IN_MESSAGE)
          .append(" more");
    }
    return JsonResults.failed(NAME, evidence, message.toString());
  }

  private static boolean isContainer(String output, int at) {
    char c = at < output.length() ? output.charAt(at) : 0;
    return c == '{' || c == '[';
  }
}
