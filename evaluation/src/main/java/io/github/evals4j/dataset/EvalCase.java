package io.github.evals4j.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One case of an evaluation dataset: its id, its inputs, what is expected, and the sources an
 * output must be grounded in.
 *
 * <p>Loaded by {@link Datasets}; in a JUnit test, {@code @DatasetSource} feeds cases to a
 * {@code @ParameterizedTest}. The case id is what reports and baselines key on, so keep it stable.
 *
 * <pre>{@code
 * EvalCase c = Datasets.load(Path.of("cases.jsonl")).get(0);
 * String log = c.input("log");             // a text input field
 * List<String> facts = c.sources();        // grounding sources
 * }</pre>
 *
 * @param id the case id, unique within its dataset
 * @param input the case's inputs (a JSON object, or a single value)
 * @param expected what is expected (any JSON), {@code MissingNode} when absent
 * @param sources texts the output must be grounded in; empty when none
 * @param origin where the case was read from, {@code file:line}, for error messages
 */
public record EvalCase(String id, JsonNode input, JsonNode expected, List<String> sources,
    String origin) {

  public EvalCase {
    Objects.requireNonNull(id, "id");
    input = input == null ? JsonNodeFactory.instance.objectNode() : input;
    expected = expected == null ? MissingNode.getInstance() : expected;
    sources = sources == null ? List.of() : List.copyOf(sources);
    origin = Objects.requireNonNullElse(origin, "");
  }

  /**
   * The text of input field {@code name}: a string as is, any other JSON value as JSON text.
   *
   * @throws IllegalArgumentException naming the case, its origin and the fields it has, when the
   *     field is missing
   */
  public String input(String name) {
    JsonNode node = input.get(name);
    if (node == null || node.isNull()) {
      throw new IllegalArgumentException("case '" + id + "' (" + origin + ") has no input field '"
          + name + "'; its input fields: " + fieldNames(input));
    }
    return node.isTextual() ? node.asText() : node.toString();
  }

  /** The expected value at {@code name} as text, if present. */
  public Optional<String> expected(String name) {
    JsonNode node = expected.get(name);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    return Optional.of(node.isTextual() ? node.asText() : node.toString());
  }

  /** The case id, so a {@code @ParameterizedTest}'s display name shows it. */
  @Override
  public String toString() {
    return id;
  }

  private static List<String> fieldNames(JsonNode node) {
    java.util.ArrayList<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
