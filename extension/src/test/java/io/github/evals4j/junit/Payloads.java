package io.github.evals4j.junit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Small helpers to read captured transaction and event payloads. */
final class Payloads {

  private Payloads() {}

  static List<JsonNode> named(List<JsonNode> payloads, String transactionName) {
    return where(payloads, p -> transactionName.equals(p.path("transaction").asText()));
  }

  static JsonNode single(List<JsonNode> payloads, String transactionName) {
    List<JsonNode> found = named(payloads, transactionName);
    if (found.size() != 1) {
      throw new AssertionError("expected one payload named " + transactionName + " but found "
          + found.size() + " among " + names(payloads));
    }
    return found.get(0);
  }

  static List<JsonNode> where(List<JsonNode> payloads, Predicate<JsonNode> filter) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode p : payloads) {
      if (filter.test(p)) {
        found.add(p);
      }
    }
    return found;
  }

  static List<String> names(List<JsonNode> payloads) {
    return payloads.stream().map(p -> p.path("transaction").asText()).sorted().toList();
  }

  static String tag(JsonNode payload, String key) {
    JsonNode tags = payload.path("tags");
    if (tags.isObject()) {
      return tags.path(key).isMissingNode() ? null : tags.path(key).asText();
    }
    for (JsonNode pair : tags) {
      if (pair.isArray() && pair.get(0).asText().equals(key)) {
        return pair.get(1).asText();
      }
    }
    return null;
  }

  static String status(JsonNode transaction) {
    return transaction.path("contexts").path("trace").path("status").asText();
  }

  static String traceId(JsonNode payload) {
    return payload.path("contexts").path("trace").path("trace_id").asText();
  }

  static String spanId(JsonNode payload) {
    return payload.path("contexts").path("trace").path("span_id").asText();
  }

  static List<JsonNode> spans(JsonNode transaction, String op) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode s : transaction.path("spans")) {
      if (op.equals(s.path("op").asText())) {
        found.add(s);
      }
    }
    return found;
  }
}
