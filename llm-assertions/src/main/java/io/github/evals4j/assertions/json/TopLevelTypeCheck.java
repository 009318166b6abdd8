package io.github.evals4j.assertions.json;

import com.fasterxml.jackson.core.JsonToken;
import io.github.evals4j.check.Check;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.check.Evidence;
import java.util.ArrayList;
import java.util.List;

/** The output is strict JSON whose top-level value is an object ({@code json.object}) or array. */
final class TopLevelTypeCheck implements Check {

  private final String name;
  private final JsonToken expected;
  private final StrictJsonReader reader;

  TopLevelTypeCheck(JsonToken expected, StrictJsonReader reader) {
    this.expected = expected;
    this.name = "json." + JsonKinds.of(expected);
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
    String want = JsonKinds.of(expected);
    if (parsed.rootToken() == expected) {
      evidence.add(JsonInput.span(output, parsed.valueStart(), parsed.valueEnd(), "top-level",
          "top-level JSON " + want));
      return JsonResults.passed(name, evidence,
          "top-level value is a JSON " + want + input.sourceSuffix());
    }
    evidence.add(JsonInput.span(output, parsed.valueStart(), parsed.valueEnd(), "top-level",
        "a JSON " + parsed.rootKind() + ", not " + article(want) + " " + want));
    return JsonResults.failed(name, evidence, "expected the top-level JSON value to be "
        + article(want) + " " + want + " but it is " + article(parsed.rootKind()) + " "
        + parsed.rootKind() + input.sourceSuffix() + ", "
        + JsonResults.located(output, parsed.valueStart(),
            Math.min(parsed.valueEnd(), parsed.valueStart() + 1)));
  }

  private static String article(String kind) {
    return kind.startsWith("a") || kind.startsWith("o") ? "an" : "a";
  }
}
