package io.github.evals4j.assertions.json;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import io.github.evals4j.internal.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A loaded, checked and compiled JSON Schema (draft-07, 2019-09 or 2020-12), validated with the
 * networknt json-schema-validator. Create it once and reuse it across checks; it is immutable and
 * thread-safe.
 *
 * <p>The dialect is the schema's {@code $schema}; a schema without one uses the default dialect
 * given here (2020-12 unless said otherwise). The schema is checked against its dialect's
 * meta-schema when it is created: a broken schema throws {@link InvalidJsonSchemaException} naming
 * it, rather than failing the output it is applied to. Nothing is fetched over the network; {@code
 * $ref}s resolve within the schema, to files next to a schema read from a path, and to the
 * classpath. {@code format} follows the dialect: asserted in draft-07, an annotation in 2020-12.
 *
 * <pre>{@code
 * static final JsonSchema SUMMARY = JsonSchema.fromClasspath("schemas/summary.schema.json");
 *
 * assertThat(output).matchesJsonSchema(SUMMARY);
 * assertThat(output).matchesJsonSchema(JsonSchema.fromString("""
 *     {"type": "object", "required": ["title"]}""", JsonSchema.Dialect.DRAFT_07));
 * }</pre>
 */
public final class JsonSchema {

  /** The JSON Schema dialects a schema without {@code $schema} can default to. */
  public enum Dialect {
    DRAFT_07(SpecificationVersion.DRAFT_7, "draft-07"),
    DRAFT_2019_09(SpecificationVersion.DRAFT_2019_09, "draft 2019-09"),
    DRAFT_2020_12(SpecificationVersion.DRAFT_2020_12, "draft 2020-12");

    final SpecificationVersion version;
    final String label;

    Dialect(SpecificationVersion version, String label) {
      this.version = version;
      this.label = label;
    }
  }

  /** The dialect of schemas that do not name one. */
  public static final Dialect DEFAULT_DIALECT = Dialect.DRAFT_2020_12;

  private static final StrictJsonReader SCHEMA_READER =
      new StrictJsonReader(JsonOptions.strict().ignoringLeadingBom());
  private static final SchemaRegistryConfig CONFIG =
      SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build();

  private final String name;
  private final String dialectLabel;
  private final Schema schema;

  private JsonSchema(String name, String dialectLabel, Schema schema) {
    this.name = name;
    this.dialectLabel = dialectLabel;
    this.schema = schema;
  }

  /** A schema given as JSON text, e.g. a text block in the test. */
  public static JsonSchema fromString(String schemaJson) {
    return fromString(schemaJson, DEFAULT_DIALECT);
  }

  /** A schema given as JSON text, defaulting to {@code dialect} when it has no {@code $schema}. */
  public static JsonSchema fromString(String schemaJson, Dialect dialect) {
    Objects.requireNonNull(schemaJson, "schemaJson");
    String name = "inline schema " + Texts.abbreviate(schemaJson.strip(), 60);
    return load(name, schemaJson, null, dialect);
  }

  /** A schema read from a UTF-8 file; relative {@code $ref}s resolve next to it. */
  public static JsonSchema fromPath(Path path) {
    return fromPath(path, DEFAULT_DIALECT);
  }

  /** A schema read from a UTF-8 file, defaulting to {@code dialect}. */
  public static JsonSchema fromPath(Path path, Dialect dialect) {
    Objects.requireNonNull(path, "path");
    String name = path.toString();
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException | UncheckedIOException e) {
      throw new InvalidJsonSchemaException(name, "cannot read it: " + e, e);
    }
    return load(name, text, SchemaLocation.of(path.toAbsolutePath().toUri().toString()), dialect);
  }

  /** A schema read from a classpath resource (UTF-8), e.g. {@code "schemas/summary.json"}. */
  public static JsonSchema fromClasspath(String resource) {
    return fromClasspath(resource, DEFAULT_DIALECT);
  }

  /** A schema read from a classpath resource, defaulting to {@code dialect}. */
  public static JsonSchema fromClasspath(String resource, Dialect dialect) {
    Objects.requireNonNull(resource, "resource");
    String path = resource.startsWith("/") ? resource.substring(1) : resource;
    String name = "classpath:" + path;
    ClassLoader loader = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
        .orElse(JsonSchema.class.getClassLoader());
    String text;
    try (InputStream in = loader.getResourceAsStream(path)) {
      if (in == null) {
        throw new InvalidJsonSchemaException(name, "no such resource on the classpath", null);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidJsonSchemaException(name, "cannot read it: " + e, e);
    }
    return load(name, text, SchemaLocation.of(name), dialect);
  }

  private static JsonSchema load(String name, String text, SchemaLocation location,
      Dialect dialect) {
    Objects.requireNonNull(dialect, "dialect");
    JsonInput input = JsonInput.read(text, SCHEMA_READER);
    if (!input.valid()) {
      throw new InvalidJsonSchemaException(name, "not valid JSON: " + input.describeError(), null);
    }
    JsonNode node;
    try {
      node = SCHEMA_READER.tree(text, input.parsed.valueStart(), input.parsed.valueEnd());
    } catch (IOException e) {
      throw new InvalidJsonSchemaException(name, "cannot read it: " + e, e);
    }
    if (!node.isObject() && !node.isBoolean()) {
      throw new InvalidJsonSchemaException(name,
          "a schema is an object or a boolean, not " + JsonKinds.of(node), null);
    }
    SpecificationVersion version = dialect.version;
    JsonNode declared = node.get("$schema");
    if (declared != null) {
      Optional<SpecificationVersion> named = declared.isTextual()
          ? SpecificationVersion.fromDialectId(declared.textValue())
          : Optional.empty();
      if (named.isEmpty()) {
        throw new InvalidJsonSchemaException(name, "unsupported $schema " + declared
            + ": use http://json-schema.org/draft-07/schema#,"
            + " https://json-schema.org/draft/2019-09/schema or"
            + " https://json-schema.org/draft/2020-12/schema", null);
      }
      version = named.get();
    }
    String label = labelOf(version);
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(version,
        b -> b.schemaRegistryConfig(CONFIG).schemaLoader(l -> l.fetchRemoteResources(false)
            .resourceLoaders(r -> r.add(JsonSchema::localFile))));
    try {
      Schema meta = registry.getSchema(SchemaLocation.of(version.getDialectId()));
      List<Error> metaErrors = meta.validate(node);
      if (!metaErrors.isEmpty()) {
        StringBuilder sb = new StringBuilder("not a valid " + label + " schema ("
            + metaErrors.size() + " problem" + (metaErrors.size() == 1 ? "" : "s") + "):");
        for (Error error : metaErrors.subList(0, Math.min(10, metaErrors.size()))) {
          sb.append(System.lineSeparator()).append("  ").append(pointerOf(error))
              .append(" [").append(error.getKeyword()).append("] ").append(error.getMessage());
        }
        throw new InvalidJsonSchemaException(name, sb.toString(), null);
      }
      Schema schema = location == null ? registry.getSchema(node)
          : registry.getSchema(location, node);
      schema.initializeValidators();
      return new JsonSchema(name, label, schema);
    } catch (SchemaException e) {
      throw new InvalidJsonSchemaException(name, String.valueOf(e.getMessage()), e);
    }
  }

  /** Reads {@code file:} references (schemas next to a schema file); never the network. */
  private static com.networknt.schema.resource.InputStreamSource localFile(
      com.networknt.schema.AbsoluteIri iri) {
    if (!"file".equals(iri.getScheme())) {
      return null;
    }
    Path path = Path.of(java.net.URI.create(iri.toString()));
    return () -> Files.newInputStream(path);
  }

  private static String labelOf(SpecificationVersion version) {
    for (Dialect d : Dialect.values()) {
      if (d.version == version) {
        return d.label;
      }
    }
    return version.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** The schema's name in messages: its path, classpath resource, or a short inline excerpt. */
  public String name() {
    return name;
  }

  /** The dialect in effect, e.g. {@code "draft 2020-12"}. */
  public String dialect() {
    return dialectLabel;
  }

  /** One violation: instance pointer, keyword, message, and the schema location it came from. */
  record Violation(JsonPointer pointer, String keyword, String message, String schemaLocation) {}

  List<Violation> validate(JsonNode instance) {
    List<Error> errors = schema.validate(instance);
    List<Violation> violations = new ArrayList<>(errors.size());
    for (Error error : errors) {
      violations.add(new Violation(pointerOf(error), String.valueOf(error.getKeyword()),
          error.getMessage(), String.valueOf(error.getSchemaLocation())));
    }
    return violations;
  }

  /** The instance location as an RFC 6901 pointer, built from its elements (no string parsing). */
  static JsonPointer pointerOf(Error error) {
    NodePath path = error.getInstanceLocation();
    JsonPointer pointer = JsonPointer.empty();
    if (path == null) {
      return pointer;
    }
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      pointer = element instanceof Integer
          ? pointer.appendIndex((Integer) element)
          : pointer.appendProperty(String.valueOf(element));
    }
    return pointer;
  }

  @Override
  public String toString() {
    return "JsonSchema[" + name + ", " + dialectLabel + "]";
  }
}
