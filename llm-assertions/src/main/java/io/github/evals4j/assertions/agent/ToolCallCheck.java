package io.github.evals4j.assertions.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.evals4j.check.Check;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.check.Direction;
import io.github.evals4j.check.Evidence;
import io.github.evals4j.internal.Texts;
import io.github.evals4j.recording.Recording;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Tool-call precision and recall against the tools a case expects, as a {@link Check}: it
 * aggregates, compares and gates like every other check. The score is the F1 of precision (the
 * calls that were expected) and recall (the expected calls that were made), counting repeated
 * tools as many times as expected (a multiset); it passes at or above the threshold (1.0, every
 * expected call and no other, by default).
 *
 * <pre>{@code
 * CheckResult r = ToolCallCheck.expecting("lookup_deployment", "query_metric").evaluate(trace);
 * }</pre>
 *
 * <p>{@link #evaluate(String)} reads the tool names from a JSON array of names or of objects with
 * a {@code name} (e.g. the tool calls an application logged); malformed input fails with a
 * message that says so.
 */
public final class ToolCallCheck implements Check {

  /** The check's name in reports. */
  public static final String NAME = "agent.tool_calls";

  /** Most tool names read from one output. */
  static final int MAX_CALLS = 10_000;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final List<String> expected;
  private final double threshold;

  private ToolCallCheck(List<String> expected, double threshold) {
    this.expected = List.copyOf(expected);
    this.threshold = threshold;
  }

  /** Expects exactly these tool calls (order ignored, repeats counted). */
  public static ToolCallCheck expecting(String... tools) {
    return expecting(List.of(tools));
  }

  /** Expects exactly these tool calls (order ignored, repeats counted). */
  public static ToolCallCheck expecting(List<String> tools) {
    Objects.requireNonNull(tools, "tools");
    tools.forEach(t -> Objects.requireNonNull(t, "tool name"));
    return new ToolCallCheck(tools, 1.0);
  }

  /** The same check passing at an F1 of {@code minF1} (0..1) or more. */
  public ToolCallCheck withThreshold(double minF1) {
    if (!(minF1 >= 0 && minF1 <= 1)) {
      throw new IllegalArgumentException("threshold must be within 0..1: " + minF1);
    }
    return new ToolCallCheck(expected, minF1);
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Evaluates the tools called in {@code trace} and reports the result to {@link Recording}. */
  public CheckResult evaluate(AgentTrace trace) {
    CheckResult result = score(trace.toolNames());
    Recording.check(result);
    return result;
  }

  @Override
  public CheckResult evaluate(String output) {
    if (output == null || output.isBlank()) {
      return fail("no tool calls given (" + (output == null ? "null" : "blank") + " output)");
    }
    JsonNode root;
    try {
      root = JSON.readTree(output);
    } catch (java.io.IOException e) {
      return fail("the tool calls are not JSON: " + Texts.printable(e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("")));
    }
    if (root == null || !root.isArray()) {
      return fail("the tool calls must be a JSON array of names or of objects with a name");
    }
    List<String> names = new ArrayList<>();
    for (JsonNode n : root) {
      if (names.size() >= MAX_CALLS) {
        return fail("more than " + MAX_CALLS + " tool calls");
      }
      String name = n.isTextual() ? n.asText() : n.path("name").isTextual()
          ? n.path("name").asText() : null;
      if (name == null) {
        return fail("tool call #" + names.size() + " has no name: "
            + Texts.abbreviate(Texts.printable(n.toString()), 80));
      }
      names.add(name);
    }
    return score(names);
  }

  CheckResult score(List<String> actual) {
    Map<String, Integer> remaining = new HashMap<>();
    expected.forEach(t -> remaining.merge(t, 1, Integer::sum));
    int matched = 0;
    List<String> unexpected = new ArrayList<>();
    List<Evidence> evidence = new ArrayList<>();
    for (int i = 0; i < actual.size(); i++) {
      String tool = actual.get(i);
      Integer left = remaining.get(tool);
      if (left != null && left > 0) {
        remaining.put(tool, left - 1);
        matched++;
      } else {
        unexpected.add("#" + i + " " + tool);
        evidence.add(new Evidence(i, i + 1, tool, "unexpected-tool-call",
            "tool call #" + i + " (" + tool + ") was not expected"));
      }
    }
    List<String> missing = new ArrayList<>();
    remaining.forEach((tool, left) -> {
      for (int k = 0; k < left; k++) {
        missing.add(tool);
      }
    });
    missing.sort(null);
    double precision = actual.isEmpty() ? (expected.isEmpty() ? 1 : 0)
        : matched / (double) actual.size();
    double recall = expected.isEmpty() ? (actual.isEmpty() ? 1 : 0)
        : matched / (double) expected.size();
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    boolean passed = f1 >= threshold;
    String message = String.format(Locale.ROOT,
        "%s: F1 %.3f %s threshold %.3f (precision %.3f = %d/%d calls expected, recall %.3f ="
            + " %d/%d expected calls made)%s%s%n  called: %s%n  expected: %s",
        NAME, f1, passed ? ">=" : "<", threshold, precision, matched, actual.size(), recall,
        matched, expected.size(),
        missing.isEmpty() ? "" : String.format("%n  missing: %s", printable(missing)),
        unexpected.isEmpty() ? "" : String.format("%n  unexpected: %s", printable(unexpected)),
        printable(actual), printable(expected));
    return new CheckResult(NAME, passed, f1, threshold, Direction.AT_LEAST, evidence, message);
  }

  private CheckResult fail(String why) {
    return new CheckResult(NAME, false, 0, threshold, Direction.AT_LEAST, List.of(),
        NAME + ": " + why + " (expected " + printable(expected) + ")");
  }

  private static String printable(List<String> names) {
    return Texts.abbreviate(Texts.printable(String.join(", ", names)), 500);
  }
}
