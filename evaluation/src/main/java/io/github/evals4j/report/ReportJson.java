package io.github.evals4j.report;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * {@code report.json}: the {@link Report} as JSON (schema {@value Report#SCHEMA_RESOURCE}) and
 * back. Unknown numbers ({@code OptionalDouble} empty) are written as {@code null}.
 *
 * <p>Reading treats the file as input from elsewhere (a CI shard, a baseline, an artifact): the
 * file size and each latency sketch are checked against {@link ReportLimits} before they are read
 * into memory; a value that is missing, {@code null} where the schema has none, of the wrong type
 * or inconsistent with the counts it derives from is refused. Every refusal is one line naming the
 * file, the JSON pointer of the value and what is wrong, e.g. {@code shard-2/report.json:
 * /prompts/0/latency/sketch: missing or null}. Unknown fields are ignored, so a report that a
 * newer evals4j wrote with additive fields is still read.
 */
public final class ReportJson {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new Jdk8Module())
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private static final ObjectMapper DEFAULT_READER = reader(ReportLimits.defaults());

  private ReportJson() {}

  /** The report as pretty-printed UTF-8 JSON. */
  public static byte[] toJson(Report report) {
    try {
      return MAPPER.writeValueAsBytes(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write report as JSON", e);
    }
  }

  /** The report as a JSON tree (for schema validation and tests). */
  public static JsonNode toTree(Report report) {
    return MAPPER.valueToTree(report);
  }

  /**
   * Reads a {@code report.json} within the {@linkplain ReportLimits#defaults() default limits}.
   *
   * @throws IllegalArgumentException one line naming the file and what is wrong when it is not a
   *     valid report of a supported schema version, or beyond a limit
   * @throws UncheckedIOException when it cannot be read
   */
  public static Report read(Path file) {
    return read(file, ReportLimits.defaults());
  }

  /**
   * Reads a {@code report.json} within {@code limits}; its size is checked before it is read.
   *
   * @throws IllegalArgumentException one line naming the file and what is wrong when it is not a
   *     valid report of a supported schema version, or beyond a limit
   * @throws UncheckedIOException when it cannot be read
   */
  public static Report read(Path file, ReportLimits limits) {
    String name = file.toString();
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read report " + file + ": " + e.getMessage(), e);
    }
    checkSize(name, size, limits);
    return parse(() -> Files.newInputStream(file), name, limits);
  }

  /** Parses a {@code report.json}'s bytes; {@code name} names it in errors. */
  public static Report parse(byte[] json, String name) {
    checkSize(name, json.length, ReportLimits.defaults());
    return parse(() -> new ByteArrayInputStream(json), name, ReportLimits.defaults());
  }

  private interface Source {
    InputStream open() throws IOException;
  }

  private static void checkSize(String name, long size, ReportLimits limits) {
    if (size > limits.maxBytes()) {
      throw new IllegalArgumentException(name + ": " + bytes(size) + ", more than the "
          + bytes(limits.maxBytes()) + " a report may have (raise the limit with --max-report-mb)");
    }
  }

  private static Report parse(Source source, String name, ReportLimits limits) {
    ObjectMapper mapper = limits.equals(ReportLimits.defaults()) ? DEFAULT_READER : reader(limits);
    try {
      // First the version, streamed: a report of another schema is named as such, not as a
      // list of what this version misses in it.
      int version;
      try (InputStream in = source.open(); JsonParser p = mapper.createParser(in)) {
        version = schemaVersion(p, name);
      }
      if (version != Report.SCHEMA_VERSION) {
        throw new IllegalArgumentException(name + " has report schema version " + version
            + "; this evals4j reads version " + Report.SCHEMA_VERSION);
      }
      Report report;
      try (InputStream in = source.open(); JsonParser p = mapper.createParser(in)) {
        try {
          report = mapper.readerFor(Report.class).withAttribute(ReportLimits.class, limits).readValue(p);
        } catch (MismatchedInputException e) {
          // what was found is only known while the parser is open
          if (!(e instanceof InvalidNullException) && e.getTargetType() != null && p.currentToken() != null) {
            throw new IllegalArgumentException(name + ": " + pointer(e) + ": found " + found(p.currentToken())
                + " where " + expected(e.getTargetType()) + " is expected", e);
          }
          throw e;
        }
      }
      Optional<String> problem = ReportConsistency.problem(report, limits);
      if (problem.isPresent()) {
        throw new IllegalArgumentException(name + ": " + problem.get());
      }
      return report;
    } catch (JsonMappingException e) {
      // a syntax error or a reading limit met while binding comes wrapped with its path
      if (e.getCause() instanceof JsonProcessingException cause && !(cause instanceof JsonMappingException)) {
        throw notJson(name, cause);
      }
      throw new IllegalArgumentException(name + ": " + pointer(e) + ": " + what(e), e);
    } catch (JsonProcessingException e) {
      throw notJson(name, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read report " + name + ": " + e.getMessage(), e);
    }
  }

  private static IllegalArgumentException notJson(String name, JsonProcessingException e) {
    String why = oneLine(e.getOriginalMessage());
    for (String noise : List.of(" (start marker at [Source", " at [Source")) {
      int at = why.indexOf(noise);
      if (at > 0) {
        why = why.substring(0, at);
      }
    }
    return new IllegalArgumentException(name + (e instanceof StreamConstraintsException
        ? " is beyond a JSON reading limit: " : " is not JSON: ") + why + where(e.getLocation()), e);
  }

  /** The top-level {@code schemaVersion}, reading no further than it. */
  private static int schemaVersion(JsonParser p, String name) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new IllegalArgumentException(name + " is not an evals4j report (not a JSON object)");
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if (field.equals("schemaVersion")) {
        if (value != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
          throw new IllegalArgumentException(name + ": /schemaVersion: not an integer version");
        }
        return p.getIntValue();
      }
      p.skipChildren();
    }
    throw new IllegalArgumentException(name + " is not an evals4j report (no schemaVersion)");
  }

  /**
   * The reading mapper: no null or missing value where the model has none (optionals excepted),
   * no coercion of strings or fractions into numbers, sketch counters bounded while read, the
   * document bounded by {@code limits.maxBytes()}.
   */
  private static ObjectMapper reader(ReportLimits limits) {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(documentBounded(limits.maxBytes()))
        .build();
    ObjectMapper m = JsonMapper.builder(factory)
        .addModule(new Jdk8Module())
        .addModule(new SimpleModule("evals4j-report-limits")
            .addDeserializer(long[].class, new BoundedCounters()))
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .defaultSetterInfo(JsonSetter.Value.construct(Nulls.FAIL, Nulls.FAIL))
        .build();
    // "Unknown" numbers are null in the schema: they read as empty optionals.
    for (Class<?> optional : List.of(Optional.class, OptionalDouble.class, OptionalLong.class, OptionalInt.class)) {
      m.configOverride(optional).setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.SET));
    }
    return m;
  }

  /**
   * Jackson's own bound on the document's length, where the jackson-core on the classpath has it
   * (2.16+). A user's build may resolve an older one (WireMock 3.0 brings 2.15): the reports must
   * still be written and read there, and the size checked before parsing is then the bound.
   */
  private static StreamReadConstraints documentBounded(long maxBytes) {
    StreamReadConstraints.Builder constraints = StreamReadConstraints.builder();
    try {
      constraints.maxDocumentLength(maxBytes);
    } catch (NoSuchMethodError olderJackson) {
      // checkSize already refused anything longer
    }
    return constraints.build();
  }

  /**
   * Sketch counters (the model's only {@code long[]}), refused as soon as there are more than the
   * limit: the array is never read whole into memory first.
   */
  private static final class BoundedCounters extends StdDeserializer<long[]> {

    private static final long serialVersionUID = 1L;

    BoundedCounters() {
      super(long[].class);
    }

    @Override
    public long[] deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.isExpectedStartArrayToken()) {
        return (long[]) ctxt.handleUnexpectedToken(long[].class, p);
      }
      Object attribute = ctxt.getAttribute(ReportLimits.class);
      int max = attribute instanceof ReportLimits l ? l.maxSketchBuckets() : ReportLimits.DEFAULT_MAX_SKETCH_BUCKETS;
      long[] counters = new long[16];
      int n = 0;
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (n == max) {
          throw JsonMappingException.from(p, "more than " + max
              + " sketch counters, the limit (raise it with --max-sketch-buckets)");
        }
        if (t != JsonToken.VALUE_NUMBER_INT) {
          throw JsonMappingException.from(p, "sketch counter " + n + " is " + found(t) + ", not an integer");
        }
        if (n == counters.length) {
          counters = Arrays.copyOf(counters, Math.min(max, n * 2));
        }
        counters[n++] = p.getLongValue();
      }
      return Arrays.copyOf(counters, n);
    }
  }

  /** The JSON pointer (RFC 6901) of the value a mapping error is about. */
  private static String pointer(JsonMappingException e) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      b.append('/');
      if (r.getFieldName() != null) {
        b.append(r.getFieldName().replace("~", "~0").replace("/", "~1"));
      } else if (r.getIndex() >= 0) {
        b.append(r.getIndex());
      }
    }
    return b.length() == 0 ? "/" : b.toString();
  }

  private static String what(JsonMappingException e) {
    if (e instanceof InvalidNullException) {
      return "missing or null (required)";
    }
    if (e instanceof ValueInstantiationException && e.getCause() != null) {
      return oneLine(e.getCause().getMessage());
    }
    return oneLine(e.getOriginalMessage());
  }

  private static String found(JsonToken t) {
    switch (t) {
      case START_OBJECT: return "an object";
      case START_ARRAY: return "an array";
      case VALUE_STRING: return "a string";
      case VALUE_NUMBER_INT: return "an integer";
      case VALUE_NUMBER_FLOAT: return "a fractional number";
      case VALUE_TRUE: case VALUE_FALSE: return "a boolean";
      case VALUE_NULL: return "null";
      default: return t.asString() == null ? t.name().toLowerCase(Locale.ROOT) : "'" + t.asString() + "'";
    }
  }

  private static String expected(Class<?> type) {
    if (type.isEnum()) {
      StringBuilder b = new StringBuilder("one of ");
      Object[] values = type.getEnumConstants();
      for (int i = 0; i < values.length; i++) {
        b.append(i == 0 ? "" : ", ").append(values[i]);
      }
      return b.toString();
    }
    if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
      return "an integer";
    }
    if (type == double.class || type == Double.class || Number.class.isAssignableFrom(type)) {
      return "a number";
    }
    if (type == OptionalDouble.class || type == OptionalLong.class || type == OptionalInt.class) {
      return "a number or null";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    return "an object";
  }

  private static String where(JsonLocation at) {
    return at == null || at.getLineNr() < 0 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
  }

  /** Jackson messages may span lines or quote input: one line, bounded. */
  static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(Math.min(s.length(), 301));
    for (int i = 0; i < s.length() && b.length() < 300; i++) {
      char ch = s.charAt(i);
      b.append(ch == '\r' || ch == '\n' ? ' ' : ch);
    }
    if (b.length() > 0 && Character.isHighSurrogate(b.charAt(b.length() - 1))) {
      b.setLength(b.length() - 1);
    }
    return b.length() < s.length() ? b.append('…').toString() : b.toString();
  }

  private static String bytes(long n) {
    if (n >= 1L << 30) {
      return String.format(Locale.ROOT, "%.1f GiB", n / (double) (1L << 30));
    }
    if (n >= 1L << 20) {
      return String.format(Locale.ROOT, "%.1f MiB", n / (double) (1L << 20));
    }
    return n + " bytes";
  }

  /** The JSON Schema of {@code report.json}, as shipped in the jar. */
  public static String schema() {
    try (InputStream in = ReportJson.class.getResourceAsStream(Report.SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(Report.SCHEMA_RESOURCE + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
