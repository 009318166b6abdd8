package io.github.evals4j.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Sentry's published event schema (vendored in test resources), applied to captured payloads.
 *
 * <p>The published schema describes the {@code Event} type of Relay. Three things the Java SDK
 * sends are outside it and are checked separately rather than ignored wholesale: a transaction's
 * {@code start_timestamp} and {@code spans} (transaction-only fields: each span is validated
 * against the schema's {@code TraceContext}, which has the same identity, op, status and data
 * fields; span {@code data} may carry keys beyond the schema's list of well-known ones, such as
 * {@code gen_ai.*}), the {@code native} flag of stack frames, and {@code message}, which Relay
 * reads as a legacy alias of {@code logentry} (validated as such). {@code format} keywords are annotations
 * (the schema's {@code EventId} is "a UUID with slightly different formatting": 32 hex digits).
 */
final class SentrySchema {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
      SpecificationVersion.DRAFT_7, b -> b.schemaRegistryConfig(
          SchemaRegistryConfig.builder().formatAssertionsEnabled(false).build()));
  private static final JsonNode DOCUMENT = read();
  private static final Schema EVENT = REGISTRY.getSchema(DOCUMENT);
  private static final Schema SPAN = REGISTRY.getSchema(definition("TraceContext"));

  private SentrySchema() {}

  private static JsonNode read() {
    try (InputStream in = SentrySchema.class.getResourceAsStream("/sentry/event.schema.json")) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema document rooted at one of its definitions (so its {@code $ref}s still resolve). */
  private static JsonNode definition(String name) {
    ObjectNode root = JSON.createObjectNode();
    root.put("$schema", DOCUMENT.path("$schema").asText());
    ObjectNode definitions = DOCUMENT.path("definitions").deepCopy();
    // The published SpanData lists only the well-known keys of its time (it predates the gen_ai
    // conventions) and forbids others; Relay keeps other keys. Known keys keep their types.
    ((ObjectNode) definitions.path("SpanData").path("anyOf").get(0))
        .put("additionalProperties", true);
    root.set("definitions", definitions);
    root.put("$ref", "#/definitions/" + name);
    return root;
  }

  static List<String> validate(JsonNode payload) {
    ObjectNode copy = payload.deepCopy();
    List<String> errors = new ArrayList<>();
    JsonNode spans = copy.remove("spans");
    if (spans != null) {
      if (!copy.path("type").asText().equals("transaction")) {
        errors.add("spans on a non-transaction");
      }
      for (JsonNode span : spans) {
        ObjectNode s = span.deepCopy();
        for (String timing : List.of("start_timestamp", "timestamp")) {
          if (!s.path(timing).isNumber()) {
            errors.add("span without numeric " + timing + ": " + span);
          }
          s.remove(timing);
        }
        s.remove("description");
        SPAN.validate(s).stream().map(e -> "span: " + e).forEach(errors::add);
      }
    }
    // The SDK writes the log entry under "message", Relay's legacy alias of "logentry".
    JsonNode message = copy.remove("message");
    if (message != null) {
      if (copy.has("logentry")) {
        errors.add("both message and logentry");
      }
      copy.set("logentry", message);
    }
    JsonNode start = copy.remove("start_timestamp");
    if (start != null && !start.isNumber()) {
      errors.add("start_timestamp is not a number");
    }
    for (String holder : List.of("exception", "threads")) {
      for (JsonNode value : copy.path(holder).path("values")) {
        for (JsonNode frame : value.path("stacktrace").path("frames")) {
          if (frame instanceof ObjectNode f) {
            f.remove("native");
          }
        }
      }
    }
    EVENT.validate(copy).stream().map(Error::toString).forEach(errors::add);
    return errors;
  }

  /** Asserts that every payload is a valid Sentry event/transaction. */
  static void assertValid(List<JsonNode> payloads) {
    assertThat(payloads).isNotEmpty();
    for (JsonNode p : payloads) {
      assertThat(validate(p)).as("schema errors of %s", p).isEmpty();
    }
  }
}
