package io.github.evals4j.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads evaluation datasets from JSONL, JSON, CSV or YAML files into {@link EvalCase}s.
 *
 * <p>Formats, chosen by file extension:
 *
 * <ul>
 *   <li>{@code .jsonl}: one JSON object per line, {@code {"id":…, "input":{…}, "expected":…,
 *       "sources":[…]}}; blank lines and lines starting with {@code //} are skipped.
 *   <li>{@code .json}: an array of such objects. {@code .yaml}/{@code .yml}: a list of them.
 *   <li>{@code .csv}: a header row; column {@code id}, columns {@code expected} or {@code
 *       expected.X}, column {@code sources} (several separated by {@code " || "}), every other
 *       column is an input field.
 * </ul>
 *
 * <p>Each case needs a non-blank {@code id} unique in its file. In a case object, fields other than
 * {@code id}, {@code input}, {@code expected} and {@code sources} are taken as input fields when
 * there is no {@code input} object. A malformed case fails the load with the file and line.
 *
 * <pre>{@code
 * List<EvalCase> cases = Datasets.load(Path.of("src/test/resources/cases.jsonl"));
 * List<EvalCase> same = Datasets.loadResource("cases.jsonl"); // from the classpath
 * }</pre>
 */
public final class Datasets {

  static final String SOURCES_SEPARATOR = " || ";

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private Datasets() {}

  /** Loads the dataset file at {@code file}; the format follows its extension. */
  public static List<EvalCase> load(Path file) {
    if (file == null) {
      throw new DatasetException("dataset path is null");
    }
    if (!Files.isRegularFile(file)) {
      throw new DatasetException("dataset file not found: " + file.toAbsolutePath());
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(file.getFileName().toString(), file.toString(), reader);
    } catch (IOException e) {
      throw new DatasetException("cannot read dataset " + file + ": " + e.getMessage(), e);
    }
  }

  /** Loads a dataset from the classpath of {@code loader} (or this class's loader when null). */
  public static List<EvalCase> loadResource(String resource, ClassLoader loader) {
    String name = resource.startsWith("/") ? resource.substring(1) : resource;
    ClassLoader cl = loader != null ? loader : Datasets.class.getClassLoader();
    InputStream in = cl.getResourceAsStream(name);
    if (in == null) {
      throw new DatasetException("dataset resource not found on the classpath: " + name);
    }
    try (Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
      return parse(name, name, reader);
    } catch (IOException e) {
      throw new DatasetException("cannot read dataset " + name + ": " + e.getMessage(), e);
    }
  }

  /** Loads a dataset from the classpath. */
  public static List<EvalCase> loadResource(String resource) {
    return loadResource(resource, Thread.currentThread().getContextClassLoader());
  }

  static List<EvalCase> parse(String fileName, String displayName, Reader reader)
      throws IOException {
    String lower = fileName.toLowerCase(Locale.ROOT);
    List<EvalCase> cases;
    if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
      cases = jsonLines(displayName, reader);
    } else if (lower.endsWith(".json")) {
      cases = tree(displayName, JSON, reader);
    } else if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
      try {
        cases = tree(displayName, new YAMLMapper(), reader);
      } catch (LinkageError e) {
        throw mixedJackson(displayName, "jackson-dataformat-yaml",
            com.fasterxml.jackson.dataformat.yaml.PackageVersion.VERSION, e);
      }
    } else if (lower.endsWith(".csv")) {
      try {
        cases = csv(displayName, reader);
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

  private static List<EvalCase> jsonLines(String file, Reader reader) throws IOException {
    List<EvalCase> cases = new ArrayList<>();
    BufferedReader lines = new BufferedReader(reader);
    String line;
    int number = 0;
    while ((line = lines.readLine()) != null) {
      number++;
      String trimmed = stripBom(line).strip();
      if (trimmed.isEmpty() || trimmed.startsWith("//")) {
        continue;
      }
      String origin = file + ":" + number;
      JsonNode node;
      try {
        node = JSON.readTree(trimmed);
      } catch (JsonProcessingException e) {
        throw new DatasetException("malformed case at " + origin + ", column "
            + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
      }
      cases.add(toCase(node, origin));
    }
    return cases;
  }

  private static List<EvalCase> tree(String file, ObjectMapper mapper, Reader reader)
      throws IOException {
    JsonNode root;
    try {
      root = mapper.readTree(reader);
    } catch (JsonProcessingException e) {
      throw new DatasetException("malformed dataset " + file + " at line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
          + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isArray()) {
      throw new DatasetException("dataset " + file + " must be a list of cases, found "
          + (root == null ? "nothing" : root.getNodeType().toString().toLowerCase(Locale.ROOT)));
    }
    List<EvalCase> cases = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      cases.add(toCase(root.get(i), file + " case #" + (i + 1)));
    }
    return cases;
  }

  private static List<EvalCase> csv(String file, Reader reader) throws IOException {
    CsvMapper mapper = new CsvMapper();
    mapper.enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS);
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    List<EvalCase> cases = new ArrayList<>();
    try (MappingIterator<Map<String, String>> rows =
        mapper.readerFor(Map.class).with(schema).readValues(reader)) {
      while (rows.hasNext()) {
        Map<String, String> row;
        try {
          row = rows.next();
        } catch (RuntimeException e) {
          throw new DatasetException("malformed row in " + file + " at line "
              + rows.getCurrentLocation().getLineNr() + ": " + e.getMessage(), e);
        }
        int line = rows.getCurrentLocation().getLineNr();
        cases.add(csvCase(row, file + ":" + line));
      }
    }
    return cases;
  }

  private static EvalCase csvCase(Map<String, String> row, String origin) {
    ObjectNode input = JSON.createObjectNode();
    ObjectNode expected = JSON.createObjectNode();
    String expectedWhole = null;
    List<String> sources = List.of();
    String id = null;
    for (Map.Entry<String, String> column : row.entrySet()) {
      String key = stripBom(column.getKey()).strip();
      String value = column.getValue();
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
    JsonNode exp = expectedWhole != null ? JSON.getNodeFactory().textNode(expectedWhole)
        : (expected.isEmpty() ? null : expected);
    return new EvalCase(id, input, exp, sources, origin);
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
      ObjectNode rest = JSON.createObjectNode();
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

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  /** Parses dataset text held in memory (for tests and generated datasets). */
  public static List<EvalCase> parse(String fileName, String content) {
    try {
      return parse(fileName, fileName, new StringReader(content));
    } catch (IOException e) {
      throw new DatasetException("cannot read dataset " + fileName + ": " + e.getMessage(), e);
    }
  }
}
