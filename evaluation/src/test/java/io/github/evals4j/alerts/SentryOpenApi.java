package io.github.evals4j.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Sentry's published OpenAPI description of the endpoints {@code sentry-provision} calls
 * (vendored unchanged in test resources), applied to requests: the method and path must be an
 * operation of it, query parameters must be declared, and the JSON body must be valid against
 * the operation's request schema (networknt, OpenAPI 3.0 dialect).
 */
final class SentryOpenApi {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final JsonNode DOCUMENT = read();
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
      Dialects.getOpenApi30(), b -> b.schemaRegistryConfig(
          SchemaRegistryConfig.builder().formatAssertionsEnabled(false).build()));

  private static final Map<String, Schema> SCHEMAS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private SentryOpenApi() {}

  private static JsonNode read() {
    try (InputStream in = SentryOpenApi.class.getResourceAsStream(
        "/sentry/api/openapi-subset.json")) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The operation of {@code method} on the path template matching {@code path}, or null. */
  static JsonNode operation(String method, String path) {
    String[] parts = path.split("/", -1);
    for (Iterator<Map.Entry<String, JsonNode>> it = DOCUMENT.path("paths").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String[] template = e.getKey().split("/", -1);
      if (template.length != parts.length) {
        continue;
      }
      boolean match = true;
      for (int i = 0; i < parts.length && match; i++) {
        match = template[i].startsWith("{") ? !parts[i].isEmpty() : template[i].equals(parts[i]);
      }
      if (match && e.getValue().has(method.toLowerCase(java.util.Locale.ROOT))) {
        return e.getValue().get(method.toLowerCase(java.util.Locale.ROOT));
      }
    }
    return null;
  }

  /** Every way {@code method uri body} breaks the description (empty: valid). */
  static List<String> validate(String method, String uri, JsonNode body) {
    List<String> errors = new ArrayList<>();
    URI u = URI.create(uri);
    JsonNode op = operation(method, u.getRawPath());
    if (op == null) {
      errors.add(method + " " + u.getRawPath() + " is no operation of Sentry's API description");
      return errors;
    }
    if (u.getRawQuery() != null) {
      TreeSet<String> declared = new TreeSet<>();
      op.path("parameters").forEach(p -> {
        if (p.path("in").asText().equals("query")) {
          declared.add(p.path("name").asText());
        }
      });
      for (String pair : u.getRawQuery().split("&")) {
        String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
        if (!declared.contains(name)) {
          errors.add(method + " " + u.getRawPath() + ": query parameter '" + name
              + "' is not declared (declared: " + declared + ")");
        }
      }
    }
    JsonNode schema = op.path("requestBody").path("content").path("application/json")
        .path("schema");
    if (body == null) {
      if (op.path("requestBody").path("required").asBoolean(false)) {
        errors.add(method + " " + u.getRawPath() + " needs a body");
      }
      return errors;
    }
    if (schema.isMissingNode()) {
      errors.add(method + " " + u.getRawPath() + " takes no JSON body");
      return errors;
    }
    Schema s = SCHEMAS.computeIfAbsent(method + " " + schema.hashCode(),
        k -> REGISTRY.getSchema(schema));
    for (Error e : s.validate(body)) {
      errors.add(method + " " + u.getRawPath() + ": " + e);
    }
    return errors;
  }

  /** The token scopes the operation accepts (any one of them). */
  static List<String> scopes(String method, String path) {
    List<String> scopes = new ArrayList<>();
    JsonNode op = operation(method, path);
    op.path("security").forEach(s -> s.path("auth_token").forEach(x -> scopes.add(x.asText())));
    return scopes;
  }
}
