package io.github.evals4j.dataset;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads evaluation datasets from JSONL, JSON, CSV or YAML files into {@link EvalCase}s.
 *
 * <p>Formats, chosen by file extension:
 *
 * <ul>
 *   <li>{@code .jsonl}: one JSON object per line, {@code {"id":…, "input":{…}, "expected":…,
 *       "sources":[…]}}; blank lines and lines starting with {@code //} are skipped.
 *   <li>{@code .json}: an array of such objects. {@code .yaml}/{@code .yml}: a list of them;
 *       anchors and aliases of lists and mappings ({@code sources: *shared}) and merge keys
 *       ({@code <<: *base}) are resolved.
 *   <li>{@code .csv}: a header row; column {@code id}, columns {@code expected} or {@code
 *       expected.X}, column {@code sources} (several separated by {@code " || "}), every other
 *       column is an input field.
 * </ul>
 *
 * <p>Each case needs a non-blank {@code id} unique in its file. In a case object, fields other than
 * {@code id}, {@code input}, {@code expected} and {@code sources} are taken as input fields when
 * there is no {@code input} object.
 *
 * <p>Nothing is dropped silently: a file must be UTF-8 (a byte order mark at its start is
 * ignored, in every format), a key or column may appear only once, a JSONL line holds exactly one
 * value, and a file is at most {@code maxBytes} long ({@value #DEFAULT_MAX_BYTES} bytes by default),
 * nests at most {@value #MAX_NESTING_DEPTH} levels and writes numbers of at most {@value
 * #MAX_NUMBER_LENGTH} characters. Anything else fails the load with one line: the file, the line
 * (and column where known), what is wrong and the limit.
 *
 * <pre>{@code
 * List<EvalCase> cases = Datasets.load(Path.of("src/test/resources/cases.jsonl"));
 * List<EvalCase> same = Datasets.loadResource("cases.jsonl"); // from the classpath
 * List<EvalCase> big = Datasets.load(Path.of("big.yaml"), 200_000_000); // a larger file
 * }</pre>
 */
public final class Datasets {

  /** The largest dataset file read by default: 32 MiB. */
  public static final long DEFAULT_MAX_BYTES = 32L * 1024 * 1024;

  /** The deepest nesting of arrays and objects a dataset may use. */
  public static final int MAX_NESTING_DEPTH = 1000;

  /** The longest number (in characters) a dataset may write. */
  public static final int MAX_NUMBER_LENGTH = 1000;

  /** How many values YAML aliases may add to a file in all (a "billion laughs" file stops here). */
  public static final int MAX_ALIAS_VALUES = 1_000_000;

  /** Java arrays, and so the bytes of one file read in memory, stop a little below 2 GiB. */
  private static final long LARGEST_MAX_BYTES = Integer.MAX_VALUE - 64;

  static final String SOURCES_SEPARATOR = " || ";

  private static final String HOW_TO_RAISE = "raise it with Datasets.load(path, maxBytes),"
      + " @DatasetSource(maxBytes = ...) or the configuration parameter evals4j.dataset.max-bytes";

  private Datasets() {}

  /** Loads the dataset file at {@code file}; the format follows its extension. */
  public static List<EvalCase> load(Path file) {
    return load(file, DEFAULT_MAX_BYTES);
  }

  /**
   * Loads the dataset file at {@code file}, accepting files of up to {@code maxBytes} bytes.
   *
   * @throws IllegalArgumentException when {@code maxBytes} is not between 1 and 2,147,483,583
   */
  public static List<EvalCase> load(Path file, long maxBytes) {
    requireMaxBytes(maxBytes);
    if (file == null) {
      throw new DatasetException("dataset path is null");
    }
    if (!Files.isRegularFile(file)) {
      throw new DatasetException("dataset file not found: " + file.toAbsolutePath());
    }
    String name = file.toString();
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > maxBytes) {
        throw tooLarge(name, size + " bytes", maxBytes);
      }
      try (InputStream in = Files.newInputStream(file)) {
        bytes = readAtMost(in, name, maxBytes);
      }
    } catch (IOException e) {
      throw new DatasetException("cannot read dataset " + name + ": " + e.getMessage(), e);
    }
    return parse(file.getFileName().toString(), name, decode(name, bytes), maxBytes);
  }

  /** Loads a dataset from the classpath of {@code loader} (or this class's loader when null). */
  public static List<EvalCase> loadResource(String resource, ClassLoader loader) {
    return loadResource(resource, loader, DEFAULT_MAX_BYTES);
  }

  /**
   * Loads a dataset from the classpath of {@code loader} (or this class's loader when null),
   * accepting files of up to {@code maxBytes} bytes.
   *
   * @throws IllegalArgumentException when {@code maxBytes} is not between 1 and 2,147,483,583
   */
  public static List<EvalCase> loadResource(String resource, ClassLoader loader, long maxBytes) {
    requireMaxBytes(maxBytes);
    String name = resource.startsWith("/") ? resource.substring(1) : resource;
    ClassLoader cl = loader != null ? loader : Datasets.class.getClassLoader();
    byte[] bytes;
    try (InputStream in = cl.getResourceAsStream(name)) {
      if (in == null) {
        throw new DatasetException("dataset resource not found on the classpath: " + name);
      }
      bytes = readAtMost(in, name, maxBytes);
    } catch (IOException e) {
      throw new DatasetException("cannot read dataset " + name + ": " + e.getMessage(), e);
    }
    return parse(name, name, decode(name, bytes), maxBytes);
  }

  /** Loads a dataset from the classpath. */
  public static List<EvalCase> loadResource(String resource) {
    return loadResource(resource, Thread.currentThread().getContextClassLoader());
  }

  /**
   * Parses dataset text held in memory (for tests and generated datasets); it is already read, so
   * no size limit applies to it, only the nesting and number limits.
   */
  public static List<EvalCase> parse(String fileName, String content) {
    String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
    return parse(fileName, fileName, text, LARGEST_MAX_BYTES);
  }

  private static void requireMaxBytes(long maxBytes) {
    if (maxBytes < 1 || maxBytes > LARGEST_MAX_BYTES) {
      throw new IllegalArgumentException("maxBytes must be between 1 and " + LARGEST_MAX_BYTES
          + ", was " + maxBytes);
    }
  }

  private static DatasetException tooLarge(String file, String size, long maxBytes) {
    return new DatasetException("dataset " + file + " is " + size + ", more than the limit of "
        + maxBytes + " bytes; " + HOW_TO_RAISE);
  }

  private static byte[] readAtMost(InputStream in, String file, long maxBytes) throws IOException {
    byte[] bytes = in.readNBytes((int) maxBytes + 1);
    if (bytes.length > maxBytes) {
      throw tooLarge(file, "longer than " + maxBytes + " bytes", maxBytes);
    }
    return bytes;
  }

  /**
   * The file's text: strict UTF-8 (a bad byte fails with its line and column), without a byte
   * order mark at the start.
   */
  static String decode(String file, byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int at = in.position();
      int lineStart = 0;
      int line = 1;
      for (int i = 0; i < at; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      String before = new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8);
      int column = before.codePointCount(0, before.length()) + 1;
      throw new DatasetException("dataset " + file + " is not UTF-8 text: byte 0x"
          + String.format(Locale.ROOT, "%02X", bytes[at] & 0xFF) + " at line " + line + ", column "
          + column + " (byte " + at + ") cannot start or continue a UTF-8 character; save the"
          + " file as UTF-8");
    }
    out.flip();
    String text = out.toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  static List<EvalCase> parse(String fileName, String displayName, String content, long maxBytes) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    List<EvalCase> cases;
    if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
      cases = jsonLines(displayName, content, maxBytes);
    } else if (lower.endsWith(".json")) {
      cases = tree(displayName, content, jsonFactory(maxBytes), false);
    } else if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
      try {
        cases = tree(displayName, content, yamlFactory(maxBytes), true);
      } catch (LinkageError e) {
        throw mixedJackson(displayName, "jackson-dataformat-yaml",
            com.fasterxml.jackson.dataformat.yaml.PackageVersion.VERSION, e);
      }
    } else if (lower.endsWith(".csv")) {
      try {
        cases = csv(displayName, content);
      } catch (LinkageError e) {
        throw mixedJackson(displayName, "jackson-dataformat-csv",
            com.fasterxml.jackson.dataformat.csv.PackageVersion.VERSION, e);
      }
    } else {
      throw new DatasetException("unknown dataset format of " + displayName
          + ": use .jsonl, .json, .csv, .yaml or .yml");
    }
    checkUniqueIds(displayName, cases);
    return List.copyOf(cases);
  }

  /**
   * A Jackson format module newer than the jackson-core/databind the build resolved (e.g. WireMock
   * 3.0's Jackson 2.15 won Maven's nearest-wins over ours) fails deep inside Jackson with a
   * NoSuchMethodError; say what is mixed and how to align it instead.
   */
  static DatasetException mixedJackson(String file, String module,
      com.fasterxml.jackson.core.Version moduleVersion, LinkageError e) {
    return new DatasetException("cannot read " + file + ": " + module + " " + moduleVersion
        + " does not work with jackson-core " + com.fasterxml.jackson.core.json.PackageVersion.VERSION
        + " and jackson-databind " + com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION
        + " on the classpath (Jackson modules need one version); align them by importing"
        + " com.fasterxml.jackson:jackson-bom in your dependencyManagement (" + e + ")", e);
  }

  // ---- readers and their limits ----

  private static StreamReadConstraints constraints(long maxBytes) {
    return StreamReadConstraints.builder()
        .maxNestingDepth(MAX_NESTING_DEPTH)
        .maxNumberLength(MAX_NUMBER_LENGTH)
        .maxStringLength((int) Math.min(Integer.MAX_VALUE, maxBytes))
        .build();
  }

  private static JsonFactory jsonFactory(long maxBytes) {
    return JsonFactory.builder()
        .streamReadConstraints(constraints(maxBytes))
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
  }

  private static YAMLFactory yamlFactory(long maxBytes) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, maxBytes));
    return YAMLFactory.builder()
        .loaderOptions(options)
        .streamReadConstraints(constraints(maxBytes))
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
  }

  private static ObjectMapper mapper(JsonFactory factory) {
    return JsonMapper.builder(factory).build();
  }

  /**
   * One line saying what is wrong where: a parser's message without Jackson's source excerpt,
   * with the limits named the way this class documents them.
   */
  private static DatasetException malformed(String file, int line, JsonProcessingException e,
      JsonParser parser) {
    JsonLocation at = e.getLocation() != null ? e.getLocation()
        : parser != null ? parser.currentLocation() : null;
    int lineNr = line > 0 ? line : at == null ? -1 : at.getLineNr();
    int columnNr = at == null ? -1 : at.getColumnNr();
    String what = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
    if (e instanceof StreamConstraintsException) {
      if (what.contains("getMaxNestingDepth")) {
        what = "arrays and objects nest deeper than the limit of " + MAX_NESTING_DEPTH + " levels";
      } else if (what.contains("getMaxNumberLength")) {
        what = "a number is longer than the limit of " + MAX_NUMBER_LENGTH + " characters ("
            + numberIn(what) + ")";
      } else if (what.contains("getMaxStringLength")) {
        what = "a string is longer than the file's limit of " + (parser == null ? "its"
            : parser.streamReadConstraints().getMaxStringLength()) + " bytes; " + HOW_TO_RAISE;
      }
    } else if (what.startsWith("Duplicate field '")) {
      what = "the key \"" + what.substring("Duplicate field '".length(), what.lastIndexOf('\''))
          + "\" appears twice in one object (only one value would be kept)";
    } else if (what.contains("exceeds the limit") && what.contains("code points")) {
      what = "the YAML file is longer than its limit of " + what.replaceAll("\\D+", "")
          + " characters; " + HOW_TO_RAISE;
    }
    String where = lineNr < 1 ? file
        : file + ":" + lineNr + (columnNr > 0 ? ", column " + columnNr : "");
    return new DatasetException("malformed case at " + where + ": " + oneLine(what), e);
  }

  private static String numberIn(String message) {
    int open = message.indexOf('(');
    int close = message.indexOf(')', open + 1);
    return open >= 0 && close > open ? message.substring(open + 1, close) + " characters"
        : "too long";
  }

  private static String oneLine(String message) {
    String one = message.replaceAll("\\s*\\R\\s*", " ").strip();
    return one.length() > 500 ? one.substring(0, 500) + "\u2026" : one;
  }

  // ---- JSONL ----

  private static List<EvalCase> jsonLines(String file, String content, long maxBytes) {
    JsonFactory factory = jsonFactory(maxBytes);
    ObjectMapper mapper = mapper(factory);
    List<EvalCase> cases = new ArrayList<>();
    int number = 0;
    int start = 0;
    int n = content.length();
    while (start < n) {
      int end = start;
      while (end < n && content.charAt(end) != '\n' && content.charAt(end) != '\r') {
        end++;
      }
      number++;
      String line = content.substring(start, end);
      start = end < n && content.charAt(end) == '\r' && end + 1 < n
          && content.charAt(end + 1) == '\n' ? end + 2 : end + 1;
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("//")) {
        continue;
      }
      String origin = file + ":" + number;
      JsonNode node;
      try (JsonParser parser = factory.createParser(line)) {
        try {
          node = mapper.readTree(parser);
          JsonToken extra = parser.nextToken();
          if (extra != null) {
            throw new DatasetException("malformed case at " + origin + ", column "
                + parser.currentTokenLocation().getColumnNr() + ": more after the first value"
                + " on the line; a JSONL line holds exactly one case");
          }
        } catch (JsonProcessingException e) {
          throw malformed(file, number, e, parser);
        }
      } catch (IOException e) {
        throw new DatasetException("cannot read dataset " + file + ": " + e.getMessage(), e);
      }
      cases.add(toCase(node, origin));
    }
    return cases;
  }

  // ---- JSON and YAML ----

  private static List<EvalCase> tree(String file, String content, JsonFactory factory,
      boolean yaml) {
    ObjectMapper mapper = mapper(factory);
    List<EvalCase> cases = new ArrayList<>();
    JsonParser parser = null;
    try {
      parser = factory.createParser(content);
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_ARRAY) {
        throw new DatasetException("dataset " + file + " must be a list of cases, found "
            + (first == null ? "nothing" : describe(first)));
      }
      YamlTree yamlTree = yaml ? new YamlTree(file, (YAMLParser) parser, mapper) : null;
      JsonToken t;
      while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
        if (t == null) {
          throw new DatasetException("malformed case at " + file + ": the list of cases is not"
              + " closed");
        }
        String origin = file + ":" + parser.currentTokenLocation().getLineNr();
        JsonNode node = yaml ? yamlTree.value(new long[1]) : mapper.readTree(parser);
        cases.add(toCase(node, origin));
      }
      JsonToken after = parser.nextToken();
      if (after != null) {
        JsonLocation at = parser.currentTokenLocation();
        throw new DatasetException("malformed case at " + file + ":" + at.getLineNr()
            + ", column " + at.getColumnNr() + ": more after the list of cases; a dataset file"
            + " holds one list" + (yaml ? " (one YAML document)" : ""));
      }
    } catch (JsonProcessingException e) {
      throw malformed(file, -1, e, parser);
    } catch (IOException e) {
      throw new DatasetException("cannot read dataset " + file + ": " + e.getMessage(), e);
    }
    return cases;
  }

  private static String describe(JsonToken token) {
    switch (token) {
      case START_OBJECT:
        return "object";
      case VALUE_STRING:
        return "string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "boolean";
      case VALUE_NULL:
        return "null";
      default:
        return token.asString() == null ? token.name().toLowerCase(Locale.ROOT) : token.asString();
    }
  }

  /**
   * Builds JSON trees from a YAML parser, resolving what Jackson's YAML parser leaves as plain
   * text: aliases ({@code *name}) of anchored lists and mappings, and merge keys ({@code <<}).
   * Jackson does not report the anchors of single values, so an alias of one fails clearly.
   */
  private static final class YamlTree {
    private final String file;
    private final YAMLParser parser;
    private final ObjectMapper mapper;
    private final Map<String, JsonNode> anchors = new HashMap<>();
    private final Map<String, Long> sizes = new HashMap<>();
    private long aliasValues;

    YamlTree(String file, YAMLParser parser, ObjectMapper mapper) {
      this.file = file;
      this.parser = parser;
      this.mapper = mapper;
    }

    /** The value whose first token is the parser's current one; adds its size to {@code size}. */
    JsonNode value(long[] size) throws IOException {
      JsonToken t = parser.currentToken();
      if (parser.isCurrentAlias()) {
        return alias(parser.getText(), size);
      }
      String anchor = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY
          ? parser.getCurrentAnchor() : null;
      long[] own = {1};
      JsonNode node;
      if (t == JsonToken.START_OBJECT) {
        node = object(own);
      } else if (t == JsonToken.START_ARRAY) {
        com.fasterxml.jackson.databind.node.ArrayNode array = mapper.createArrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(value(own));
        }
        node = array;
      } else {
        if ((t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT)
            && parser.getTextLength() > MAX_NUMBER_LENGTH) {
          // Jackson's YAML parser does not apply StreamReadConstraints to numbers
          JsonLocation at = parser.currentTokenLocation();
          throw new DatasetException("malformed case at " + file + ":" + at.getLineNr()
              + ", column " + at.getColumnNr() + ": a number is longer than the limit of "
              + MAX_NUMBER_LENGTH + " characters (" + parser.getTextLength() + " characters)");
        }
        node = mapper.readTree(parser);
      }
      if (anchor != null) {
        anchors.put(anchor, node);
        sizes.put(anchor, own[0]);
      }
      size[0] += own[0];
      return node;
    }

    private ObjectNode object(long[] size) throws IOException {
      ObjectNode object = mapper.createObjectNode();
      List<JsonNode> merged = new ArrayList<>();
      List<long[]> mergedSizes = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_OBJECT) {
        String key = parser.currentName();
        JsonLocation keyAt = parser.currentTokenLocation();
        parser.nextToken();
        if (key.equals("<<")) {
          long[] mergedSize = {0};
          merged.add(mergeable(value(mergedSize), keyAt));
          mergedSizes.add(mergedSize);
        } else {
          object.set(key, value(size));
        }
      }
      // YAML merge keys: the mapping's own keys win, then the merged mappings in order
      for (JsonNode source : merged) {
        for (JsonNode m : source.isArray() ? source : List.of(source)) {
          Iterator<Map.Entry<String, JsonNode>> fields = m.fields();
          while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (!object.has(f.getKey())) {
              object.set(f.getKey(), f.getValue());
            }
          }
        }
      }
      for (long[] mergedSize : mergedSizes) {
        size[0] += mergedSize[0];
      }
      return object;
    }

    private JsonNode mergeable(JsonNode value, JsonLocation at) {
      boolean ok = value.isObject();
      if (value.isArray()) {
        ok = true;
        for (JsonNode m : value) {
          ok &= m.isObject();
        }
      }
      if (!ok) {
        throw new DatasetException("malformed case at " + file + ":" + at.getLineNr()
            + ", column " + at.getColumnNr() + ": the merge key << takes a mapping or a list of"
            + " mappings (usually an alias such as <<: *defaults)");
      }
      return value;
    }

    private JsonNode alias(String name, long[] size) {
      JsonLocation at = parser.currentTokenLocation();
      String where = file + ":" + at.getLineNr() + ", column " + at.getColumnNr();
      JsonNode target = anchors.get(name);
      if (target == null) {
        throw new DatasetException("malformed case at " + where + ": the alias *" + name
            + " names no list or mapping anchored before it (&" + name + "); evals4j resolves"
            + " aliases of lists and mappings, write a single value out where it is used");
      }
      long copied = sizes.get(name);
      aliasValues += copied;
      if (aliasValues > MAX_ALIAS_VALUES) {
        throw new DatasetException("malformed case at " + where + ": YAML aliases expand to"
            + " more than " + MAX_ALIAS_VALUES + " values (a \"billion laughs\" file?)");
      }
      size[0] += copied;
      return target.deepCopy();
    }
  }

  // ---- CSV ----

  private static List<EvalCase> csv(String file, String content) {
    CsvMapper mapper = new CsvMapper();
    List<EvalCase> cases = new ArrayList<>();
    try (MappingIterator<String[]> rows = mapper.readerFor(String[].class)
        .with(CsvParser.Feature.WRAP_AS_ARRAY)
        .with(CsvParser.Feature.SKIP_EMPTY_LINES)
        .readValues(content)) {
      String[] header = null;
      while (true) {
        // before a row is read, the parser stands at its first line
        int line = rows.getParser().currentLocation().getLineNr();
        String[] row;
        try {
          if (!rows.hasNext()) {
            break;
          }
          row = rows.next();
        } catch (RuntimeException e) {
          throw new DatasetException("malformed case at " + file + ":" + line + ": "
              + oneLine(String.valueOf(e.getMessage())), e);
        }
        if (header == null) {
          header = header(file, line, row);
          continue;
        }
        if (row.length == 1 && row[0].isBlank()) {
          continue; // a line of blanks
        }
        if (row.length != header.length) {
          throw new DatasetException("malformed case at " + file + ":" + line + ": the row has "
              + row.length + " column" + (row.length == 1 ? "" : "s") + ", the header has "
              + header.length);
        }
        cases.add(csvCase(header, row, file + ":" + line));
      }
    } catch (IOException e) {
      throw new DatasetException("cannot read dataset " + file + ": " + e.getMessage(), e);
    }
    return cases;
  }

  private static String[] header(String file, int line, String[] row) {
    Map<String, Integer> seen = new HashMap<>();
    String[] names = new String[row.length];
    for (int i = 0; i < row.length; i++) {
      names[i] = row[i].strip();
      if (names[i].isEmpty()) {
        throw new DatasetException("malformed case at " + file + ":" + line + ": column "
            + (i + 1) + " of the header has no name");
      }
      Integer first = seen.putIfAbsent(names[i], i + 1);
      if (first != null) {
        throw new DatasetException("malformed case at " + file + ":" + line + ": the header"
            + " names column \"" + names[i] + "\" twice (columns " + first + " and " + (i + 1)
            + "; only one value would be kept)");
      }
    }
    return names;
  }

  private static EvalCase csvCase(String[] header, String[] row, String origin) {
    ObjectNode input = Json.NODES.objectNode();
    ObjectNode expected = Json.NODES.objectNode();
    String expectedWhole = null;
    List<String> sources = List.of();
    String id = null;
    for (int i = 0; i < header.length; i++) {
      String key = header[i];
      String value = row[i];
      if (key.equals("id")) {
        id = value;
      } else if (key.equals("expected")) {
        expectedWhole = value;
      } else if (key.startsWith("expected.")) {
        expected.put(key.substring("expected.".length()), value);
      } else if (key.equals("sources")) {
        sources = value == null || value.isEmpty() ? List.of()
            : List.of(value.split(java.util.regex.Pattern.quote(SOURCES_SEPARATOR), -1));
      } else {
        input.put(key, value);
      }
    }
    requireId(id, origin);
    JsonNode exp = expectedWhole != null ? Json.NODES.textNode(expectedWhole)
        : (expected.isEmpty() ? null : expected);
    return new EvalCase(id, input, exp, sources, origin);
  }

  // ---- cases ----

  /** Node factory for cases built by hand. */
  private static final class Json {
    static final com.fasterxml.jackson.databind.node.JsonNodeFactory NODES =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
  }

  private static EvalCase toCase(JsonNode node, String origin) {
    if (node == null || !node.isObject()) {
      throw new DatasetException("case at " + origin + " must be a JSON object with an \"id\"");
    }
    JsonNode idNode = node.get("id");
    String id = idNode == null || idNode.isNull() ? null : idNode.asText();
    requireId(id, origin);
    JsonNode input = node.get("input");
    if (input == null) {
      ObjectNode rest = Json.NODES.objectNode();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        if (!List.of("id", "expected", "sources").contains(f.getKey())) {
          rest.set(f.getKey(), f.getValue());
        }
      }
      input = rest;
    }
    return new EvalCase(id, input, node.get("expected"), sources(node.get("sources"), origin),
        origin);
  }

  private static List<String> sources(JsonNode node, String origin) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (node.isTextual()) {
      return List.of(node.asText());
    }
    if (!node.isArray()) {
      throw new DatasetException("\"sources\" at " + origin
          + " must be a string or a list of strings, found " + node.getNodeType());
    }
    List<String> texts = new ArrayList<>();
    for (JsonNode s : node) {
      texts.add(s.isTextual() ? s.asText() : s.toString());
    }
    return texts;
  }

  private static void requireId(String id, String origin) {
    if (id == null || id.isBlank()) {
      throw new DatasetException("case at " + origin + " has no \"id\": every case needs a"
          + " stable id (reports and baselines key on it)");
    }
  }

  private static void checkUniqueIds(String file, List<EvalCase> cases) {
    Map<String, String> seen = new HashMap<>();
    for (EvalCase c : cases) {
      String first = seen.putIfAbsent(c.id(), c.origin());
      if (first != null) {
        throw new DatasetException("duplicate case id '" + c.id() + "' in " + file + ": at "
            + first + " and at " + c.origin());
      }
    }
  }
}
