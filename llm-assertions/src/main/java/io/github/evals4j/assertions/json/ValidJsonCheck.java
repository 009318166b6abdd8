package io.github.evals4j.assertions.json;

import io.github.evals4j.check.Check;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.check.Evidence;
import java.util.ArrayList;
import java.util.List;

/**
 * The output is one strict JSON value ({@code json.valid}), or holds one when extraction is on
 * ({@code json.contains-valid}); the result always says where the value is.
 */
final class ValidJsonCheck implements Check {

  private final String name;
  private final StrictJsonReader reader;

  ValidJsonCheck(String name, StrictJsonReader reader) {
    this.name = name;
    this.reader = reader;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public CheckResult evaluate(String output) {
    JsonInput input = JsonInput.read(output, reader);
    if (!input.valid()) {
      return JsonResults.invalid(name, input);
    }
    ParsedJson parsed = input.parsed;
    List<Evidence> evidence = new ArrayList<>(input.notes);
    if (!input.extracted()) {
      evidence.add(JsonInput.span(output, parsed.valueStart(), parsed.valueEnd(), "json",
          "the whole output is one JSON " + parsed.rootKind()));
    }
    return JsonResults.passed(name, evidence, "valid JSON " + parsed.rootKind() + " ("
        + (parsed.valueEnd() - parsed.valueStart()) + " chars, nesting depth "
        + parsed.maxDepth() + ")" + input.sourceSuffix() + bomNote(input));
  }

  static String bomNote(JsonInput input) {
    return input.hasNote("bom") ? "; a leading byte order mark was ignored" : "";
  }

  @Override
  public String toString() {
    return name + reader.options();
  }
}
