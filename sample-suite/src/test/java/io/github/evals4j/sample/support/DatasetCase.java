package io.github.evals4j.sample.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One case of a dataset file {@code datasets/<prompt-id>.jsonl}: {@code id}, {@code input} (the
 * prompt's variables), {@code expected} hints and {@code sources} for grounding.
 *
 * @param id the case id, also the "Reference:" the prompt shows
 * @param input the input fields, named like the prompt's placeholders
 * @param expected what a good answer has (free-form hints per task)
 * @param sources texts an answer must be grounded in
 * @param where file and line, for messages
 */
public record DatasetCase(
    String id, Map<String, String> input, JsonNode expected, List<String> sources, String where) {

  /** The input field {@code name}; fails naming the case when it is missing. */
  public String in(String name) {
    String value = input.get(name);
    if (value == null) {
      throw new IllegalArgumentException(where + ": case " + id + " has no input '" + name + "'");
    }
    return value;
  }

  /** The dataset of {@code promptId}. */
  public static List<DatasetCase> load(String promptId) {
    List<DatasetCase> cases = new ArrayList<>();
    for (Jsonl.Line line : Jsonl.readResource("datasets/" + promptId + ".jsonl")) {
      JsonNode input = line.node().path("input");
      if (!input.isObject()) {
        throw new IllegalArgumentException(line.where() + ": 'input' must be an object");
      }
      Map<String, String> fields = new TreeMap<>();
      input.properties().forEach(e -> fields.put(e.getKey(), e.getValue().asText()));
      List<String> sources = new ArrayList<>();
      line.node().path("sources").forEach(s -> sources.add(s.asText()));
      cases.add(new DatasetCase(line.text("id"), fields, line.node().path("expected"),
          List.copyOf(sources), line.where()));
    }
    if (cases.isEmpty()) {
      throw new IllegalArgumentException("datasets/" + promptId + ".jsonl has no cases");
    }
    return List.copyOf(cases);
  }

  @Override
  public String toString() {
    return id;
  }
}
