package io.github.evals4j.assertions.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.check.Evidence;
import io.github.evals4j.internal.Texts;
import java.util.ArrayList;
import java.util.List;

/** Result shapes shared by the JSON checks. */
final class JsonResults {

  private JsonResults() {}

  /** The failure of any JSON check whose output is not (or holds no) strict JSON. */
  static CheckResult invalid(String check, JsonInput input) {
    List<Evidence> evidence = new ArrayList<>(input.notes);
    evidence.add(input.errorEvidence());
    return CheckResult.of(check, false, evidence,
        "not valid JSON (RFC 8259, strict): " + input.describeError());
  }

  static CheckResult passed(String check, List<Evidence> evidence, String message) {
    return CheckResult.of(check, true, evidence, message);
  }

  static CheckResult failed(String check, List<Evidence> evidence, String message) {
    return CheckResult.of(check, false, evidence, message);
  }

  /** {@code "at line L, column C (offset S)\n<caret excerpt>"} for a span of the output. */
  static String located(String output, int start, int end) {
    return "at " + CaretExcerpt.position(output, start) + " (offset " + start + ".." + end + ")"
        + System.lineSeparator() + CaretExcerpt.render(output, start, end, "  ");
  }

  /** A short, one-line rendering of a value for messages. */
  static String quote(JsonNode node) {
    return Texts.abbreviate(node.toString(), 80);
  }
}
