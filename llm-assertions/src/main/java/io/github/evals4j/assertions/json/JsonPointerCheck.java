package io.github.evals4j.assertions.json;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.evals4j.check.Check;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.check.Evidence;
import io.github.evals4j.assertions.text.BudgetedText;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A value exists at an RFC 6901 JSON Pointer ({@code json.pointer}) and, optionally, satisfies an
 * expectation: equals a value ({@code json.pointer.equals}, numbers compared by value) or matches
 * a regular expression ({@code json.pointer.matches}).
 */
final class JsonPointerCheck implements Check {

  /** Numbers equal by value ({@code 1}, {@code 1.0}, {@code 1e0}); everything else by equals. */
  static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
    if (a.isNumber() && b.isNumber()) {
      BigDecimal x = a.decimalValue();
      BigDecimal y = b.decimalValue();
      return x.compareTo(y) == 0 ? 0 : 1;
    }
    return a.equals(b) ? 0 : 1;
  };

  private final String name;
  private final JsonPointer pointer;
  private final String expectation;
  private final Predicate<JsonNode> test;
  private final StrictJsonReader reader;

  JsonPointerCheck(String name, String pointer, String expectation, Predicate<JsonNode> test,
      StrictJsonReader reader) {
    this.name = name;
    this.pointer = compile(pointer);
    this.expectation = expectation;
    this.test = test;
    this.reader = reader;
  }

  static JsonPointer compile(String pointer) {
    java.util.Objects.requireNonNull(pointer, "pointer");
    try {
      return JsonPointer.compile(pointer);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid JSON Pointer \"" + pointer
          + "\": RFC 6901 pointers are \"\" or start with '/', e.g. \"/features/0/name\"", e);
    }
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
    JsonNode root;
    try {
      root = reader.tree(output, parsed.valueStart(), parsed.valueEnd());
    } catch (IOException e) {
      return JsonResults.failed(name, input.notes, "could not read the JSON tree: " + e);
    }
    List<Evidence> evidence = new ArrayList<>(input.notes);
    JsonNode value = root.at(pointer);
    if (value.isMissingNode()) {
      JsonPointer reached = JsonPointer.empty();
      JsonNode node = root;
      for (JsonPointer tail = pointer; !tail.matches(); tail = tail.tail()) {
        JsonNode next = step(node, tail);
        if (next == null) {
          break;
        }
        reached = node.isArray() ? reached.appendIndex(tail.getMatchingIndex())
            : reached.appendProperty(tail.getMatchingProperty());
        node = next;
      }
      int[] span = spanOf(output, parsed, reached);
      evidence.add(JsonInput.span(output, span[0], span[1], "json-pointer",
          "no value at " + pointer + "; " + reachedDescription(reached, node)));
      return JsonResults.failed(name, evidence, "expected a value at JSON Pointer \""
          + pointer + "\"" + input.sourceSuffix() + " but there is none: "
          + reachedDescription(reached, node) + ", "
          + JsonResults.located(output, span[0], Math.min(span[1], span[0] + 1)));
    }
    int[] span = spanOf(output, parsed, pointer);
    String found = JsonKinds.of(value) + " " + JsonResults.quote(value);
    boolean satisfied;
    try {
      satisfied = test == null || test.test(value);
    } catch (BudgetedText.Undecided e) {
      evidence.add(JsonInput.span(output, span[0], span[1], "json-pointer",
          "value at " + pointer + " could not be checked: " + e.getMessage()));
      return JsonResults.failed(name, evidence, "expected the value at JSON Pointer \"" + pointer
          + "\" " + expectation + input.sourceSuffix() + " but could not decide: "
          + e.getMessage() + "; the value is " + found + ", "
          + JsonResults.located(output, span[0], span[1]));
    }
    if (satisfied) {
      evidence.add(JsonInput.span(output, span[0], span[1], "json-pointer",
          "value at " + pointer + (expectation == null ? "" : " (expected " + expectation + ")")));
      return JsonResults.passed(name, evidence, "JSON Pointer \"" + pointer + "\" holds " + found
          + (expectation == null ? "" : " (expected " + expectation + ")") + input.sourceSuffix());
    }
    evidence.add(JsonInput.span(output, span[0], span[1], "json-pointer",
        "value at " + pointer + " is " + found + ", expected it " + expectation));
    return JsonResults.failed(name, evidence, "expected the value at JSON Pointer \"" + pointer
        + "\" " + expectation + " but it is " + found + input.sourceSuffix() + ", "
        + JsonResults.located(output, span[0], span[1]));
  }

  private int[] spanOf(String output, ParsedJson parsed, JsonPointer at) {
    Map<String, int[]> spans = JsonSpans.locate(reader.factory(), output, parsed.valueStart(),
        parsed.valueEnd(), List.of(at));
    int[] span = spans.get(at.toString());
    return span != null ? span : new int[] {parsed.valueStart(), parsed.valueStart() + 1};
  }

  private static JsonNode step(JsonNode node, JsonPointer tail) {
    if (node.isObject()) {
      return node.get(tail.getMatchingProperty());
    }
    if (node.isArray() && tail.getMatchingIndex() >= 0) {
      return node.get(tail.getMatchingIndex());
    }
    return null;
  }

  private static String reachedDescription(JsonPointer reached, JsonNode node) {
    String where = reached.matches() ? "the top-level value" : "\"" + reached + "\"";
    if (node.isObject()) {
      List<String> keys = new ArrayList<>();
      Iterator<String> names = node.fieldNames();
      while (names.hasNext() && keys.size() < 10) {
        keys.add(names.next());
      }
      return where + " is an object with " + (node.size() == 0 ? "no keys"
          : "keys " + keys + (node.size() > keys.size() ? " and " + (node.size() - keys.size())
              + " more" : ""));
    }
    if (node.isArray()) {
      return where + " is an array of " + node.size() + " element" + (node.size() == 1 ? "" : "s");
    }
    return where + " is a " + JsonKinds.of(node) + " (" + JsonResults.quote(node)
        + "), which has no members";
  }
}
