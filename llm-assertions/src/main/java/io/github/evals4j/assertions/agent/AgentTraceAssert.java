package io.github.evals4j.assertions.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.evals4j.agent.ToolCall;
import io.github.evals4j.assertions.json.JsonChecks;
import io.github.evals4j.assertions.json.JsonSchema;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.check.Direction;
import io.github.evals4j.check.Evidence;
import io.github.evals4j.internal.Texts;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.recording.Recording;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.error.BasicErrorMessageFactory;

/**
 * Assertions on an {@link AgentTrace}: which tools were called, with which arguments, in which
 * order and how often, how many LLM round trips and how many tokens or dollars it took. Each
 * assertion reports a {@link CheckResult} (checks {@code agent.*}) to the recording hook, so it
 * aggregates per prompt version like every check, and fails with the check, the expectation and
 * the calls made (each with its position {@code #i} in call order).
 *
 * @see AgentAssertions#assertThat(AgentTrace)
 */
public class AgentTraceAssert extends AbstractAssert<AgentTraceAssert, AgentTrace> {

  /** Longest arguments text quoted per call in a failure message. */
  static final int ARGUMENTS_EXCERPT = 120;

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonChecks JSON_CHECKS = JsonChecks.strict();

  protected AgentTraceAssert(AgentTrace actual) {
    super(Objects.requireNonNull(actual, "trace"), AgentTraceAssert.class);
  }

  /** Verifies that {@code tool} was called at least once. */
  public AgentTraceAssert calledTool(String tool) {
    long n = count(c -> c.name().equals(tool));
    return check("agent.tool_called", n > 0, n, 1, Direction.AT_LEAST,
        "expected a call of tool " + quote(tool) + ", it was never called", List.of());
  }

  /** Verifies that {@code tool} was called exactly {@code times} times. */
  public AgentTraceAssert calledToolTimes(String tool, int times) {
    long n = count(c -> c.name().equals(tool));
    return check("agent.tool_call_count", n == times, n, times, Direction.NONE,
        "expected " + times + " call(s) of tool " + quote(tool) + ", got " + n, List.of());
  }

  /** Verifies that {@code tool} was never called. */
  public AgentTraceAssert neverCalledTool(String tool) {
    List<Evidence> evidence = new ArrayList<>();
    List<ToolCall> calls = actual.toolCalls();
    for (int i = 0; i < calls.size(); i++) {
      if (calls.get(i).name().equals(tool)) {
        evidence.add(new Evidence(i, i + 1, tool, "forbidden-tool-call",
            "tool call #" + i + " called " + tool));
      }
    }
    return check("agent.tool_never_called", evidence.isEmpty(), evidence.size(), 0,
        Direction.AT_MOST, "expected no call of tool " + quote(tool) + ", it was called "
            + evidence.size() + " time(s)" + positions(evidence), evidence);
  }

  /** Verifies that no tool was called at all. */
  public AgentTraceAssert calledNoTool() {
    int n = actual.toolCalls().size();
    return check("agent.no_tool_called", n == 0, n, 0, Direction.AT_MOST,
        "expected no tool call, got " + n, List.of());
  }

  /**
   * Verifies that these tools were called in this order; other calls may come before, between and
   * after them (a subsequence).
   */
  public AgentTraceAssert calledToolsInOrder(String... tools) {
    List<String> names = actual.toolNames();
    int next = 0;
    for (int i = 0; i < names.size() && next < tools.length; i++) {
      if (names.get(i).equals(tools[next])) {
        next++;
      }
    }
    boolean passed = next == tools.length;
    return check("agent.tool_order", passed, next, tools.length, Direction.AT_LEAST,
        "expected the tools in order " + quote(String.join(" -> ", tools))
            + (passed ? "" : ", matched up to " + next + " of " + tools.length
            + " (first missing in order: " + quote(tools[next]) + ")"), List.of());
  }

  /** Verifies that exactly these tools were called, in this order, and no other. */
  public AgentTraceAssert calledExactlyTools(String... tools) {
    List<String> names = actual.toolNames();
    boolean passed = names.equals(List.of(tools));
    return check("agent.tool_sequence", passed, passed ? 1 : 0, 1, Direction.AT_LEAST,
        "expected exactly the tools " + quote(String.join(" -> ", tools)), List.of());
  }

  /**
   * Verifies that some call of {@code tool} had arguments equal, as JSON values, to {@code
   * expectedJson} (key order and number notation ignored).
   */
  public AgentTraceAssert calledToolWithArguments(String tool, String expectedJson) {
    JsonNode expected;
    try {
      expected = JSON.readTree(expectedJson);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("expected arguments are not JSON: " + expectedJson, e);
    }
    return anyCall("agent.tool_arguments", tool, "with arguments " + compact(expected),
        args -> {
          JsonNode node = read(args);
          return node != null && JsonValues.equal(node, expected);
        });
  }

  /**
   * Verifies that some call of {@code tool} had, at the RFC 6901 {@code pointer} of its arguments,
   * a value equal to {@code expected} ({@code "text"}, a number, {@code true}, {@code null}, a
   * {@code List} or {@code Map}).
   */
  public AgentTraceAssert calledToolWithArgument(String tool, String pointer, Object expected) {
    var check = JSON_CHECKS.pointerEquals(pointer, expected);
    return anyCall("agent.tool_argument", tool, "with " + pointer + " = " + expected,
        args -> args != null && check.evaluate(args).passed());
  }

  /** Verifies that some call of {@code tool} had arguments valid against {@code schema}. */
  public AgentTraceAssert calledToolWithArgumentsMatching(String tool, JsonSchema schema) {
    var check = JSON_CHECKS.matchesSchema(schema);
    return anyCall("agent.tool_arguments_schema", tool, "with arguments valid against "
        + schema.name(), args -> args != null && check.evaluate(args).passed());
  }

  /** Verifies that no tool call failed. */
  public AgentTraceAssert hasNoFailedToolCall() {
    List<Evidence> evidence = new ArrayList<>();
    List<ToolCall> calls = actual.toolCalls();
    for (int i = 0; i < calls.size(); i++) {
      if (calls.get(i).failed()) {
        evidence.add(new Evidence(i, i + 1, calls.get(i).name(), "failed-tool-call",
            Texts.abbreviate(Texts.printable(calls.get(i).error()), 200)));
      }
    }
    return check("agent.tool_errors", evidence.isEmpty(), evidence.size(), 0, Direction.AT_MOST,
        "expected no failed tool call, " + evidence.size() + " failed" + positions(evidence),
        evidence);
  }

  /** Verifies the number of LLM calls (round trips to the model). */
  public AgentTraceAssert hasLlmRoundTrips(int expected) {
    int n = actual.llmCalls().size();
    return check("agent.llm_round_trips", n == expected, n, expected, Direction.NONE,
        "expected " + expected + " LLM round trip(s), got " + n, List.of());
  }

  /** Verifies that the agent made at most {@code max} LLM calls. */
  public AgentTraceAssert hasLlmRoundTripsAtMost(int max) {
    int n = actual.llmCalls().size();
    return check("agent.llm_round_trips", n <= max, n, max, Direction.AT_MOST,
        "expected at most " + max + " LLM round trip(s), got " + n, List.of());
  }

  /**
   * Verifies that the LLM calls used at most {@code max} tokens (input plus output); a call with
   * unknown usage fails the assertion, since the total cannot be known.
   */
  public AgentTraceAssert hasTotalTokensAtMost(long max) {
    long n = actual.totalTokens();
    boolean unknown = actual.hasUnknownUsage();
    return check("agent.total_tokens", !unknown && n <= max, n, max, Direction.AT_MOST,
        "expected at most " + max + " tokens, used " + n + (unknown
            ? " (and some calls' usage is unknown)" : ""), List.of());
  }

  /**
   * Verifies that the LLM calls cost at most {@code maxUsd}, priced by {@code price} (e.g. {@code
   * PriceTable.bundled()::costUsd} from evals4j-evaluation); a call it cannot price fails the
   * assertion.
   */
  public AgentTraceAssert hasTotalCostAtMost(double maxUsd,
      Function<LlmCall, OptionalDouble> price) {
    Objects.requireNonNull(price, "price");
    double total = 0;
    List<String> unpriced = new ArrayList<>();
    List<LlmCall> calls = actual.llmCalls();
    for (int i = 0; i < calls.size(); i++) {
      OptionalDouble cost = price.apply(calls.get(i));
      if (cost.isPresent()) {
        total += cost.getAsDouble();
      } else {
        unpriced.add("#" + i + " " + calls.get(i).responseModel());
      }
    }
    boolean passed = unpriced.isEmpty() && total <= maxUsd;
    return check("agent.total_cost_usd", passed, total, maxUsd, Direction.AT_MOST,
        String.format(Locale.ROOT, "expected a cost of at most $%.6f, cost $%.6f%s", maxUsd, total,
            unpriced.isEmpty() ? "" : " (calls without a price: "
                + Texts.printable(String.join(", ", unpriced)) + ")"), List.of());
  }

  private AgentTraceAssert anyCall(String name, String tool, String what,
      Predicate<String> matches) {
    List<ToolCall> calls = actual.toolCalls();
    boolean called = false;
    for (ToolCall call : calls) {
      if (call.name().equals(tool)) {
        called = true;
        if (matches.test(call.arguments())) {
          return check(name, true, 1, 1, Direction.AT_LEAST, "", List.of());
        }
      }
    }
    return check(name, false, 0, 1, Direction.AT_LEAST, "expected a call of tool " + quote(tool)
        + " " + Texts.printable(what) + (called ? ", no call matched" : ", it was never called"),
        List.of());
  }

  private AgentTraceAssert check(String name, boolean passed, double score, double threshold,
      Direction direction, String expectation, List<Evidence> evidence) {
    isNotNull();
    String message = name + ": " + expectation;
    CheckResult result = new CheckResult(name, passed, score, threshold, direction, evidence,
        passed ? name + " passed" : message);
    Recording.check(result);
    if (!passed) {
      throwAssertionError(new ShouldHaveDone(message, describe(actual)));
    }
    return myself;
  }

  private long count(Predicate<ToolCall> matching) {
    return actual.toolCalls().stream().filter(matching).count();
  }

  /** The calls made, one line each with its position, for failure messages. */
  static String describe(AgentTrace trace) {
    StringBuilder out = new StringBuilder();
    List<ToolCall> calls = trace.toolCalls();
    out.append(calls.size()).append(" tool call(s), ").append(trace.llmCalls().size())
        .append(" LLM call(s)");
    for (int i = 0; i < calls.size() && i < 50; i++) {
      ToolCall c = calls.get(i);
      out.append("\n  #").append(i).append(' ').append(Texts.printable(c.name())).append(' ')
          .append(c.arguments() == null ? "(no arguments)"
              : Texts.abbreviate(Texts.printable(c.arguments()), ARGUMENTS_EXCERPT));
      if (c.failed()) {
        out.append(" FAILED: ").append(Texts.abbreviate(Texts.printable(c.error()), 120));
      }
    }
    if (calls.size() > 50) {
      out.append("\n  ... ").append(calls.size() - 50).append(" more");
    }
    return out.toString();
  }

  private static String positions(List<Evidence> evidence) {
    if (evidence.isEmpty()) {
      return "";
    }
    List<String> at = new ArrayList<>();
    evidence.forEach(e -> at.add("#" + e.start()));
    return " (at " + String.join(", ", at) + ")";
  }

  private static String quote(String s) {
    return "\"" + Texts.printable(s) + "\"";
  }

  private static JsonNode read(String json) {
    if (json == null) {
      return null;
    }
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      return null;
    }
  }

  private static String compact(JsonNode node) {
    return Texts.abbreviate(node.toString(), ARGUMENTS_EXCERPT);
  }

  /** "Expecting the agent ... to ..., but ..." with the calls made. */
  private static final class ShouldHaveDone extends BasicErrorMessageFactory {
    ShouldHaveDone(String message, String calls) {
      super("%nExpecting the agent's calls:%n  %s%nto pass %s", new Raw(calls),
          new Raw(Texts.printableLines(message)));
    }
  }

  private record Raw(String value) {
    @Override
    public String toString() {
      return value;
    }
  }
}
