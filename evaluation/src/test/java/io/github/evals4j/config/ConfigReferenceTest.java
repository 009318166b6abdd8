package io.github.evals4j.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/configuration.md} is generated from {@link ConfigKeys}, so the reference cannot
 * drift from the keys the code reads: the committed page must equal the generated text (run with
 * {@code -Devals4j.docs.update=true} to rewrite it, then review the diff, as with the API dump).
 * Its key tables and the registry agree both ways, defaults included; no other page of the docs
 * has a key table of its own (that is how a documented default drifted before), and every
 * {@code evals4j.*} key the docs set ({@code key=value}, {@code -Dkey=value}) is a registered one.
 */
class ConfigReferenceTest {

  private static final Path ROOT =
      Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
  private static final Path PAGE = ROOT.resolve("docs").resolve("configuration.md");

  @Test
  void should_match_the_reference_generated_from_the_registry() throws IOException {
    String page = Files.readString(PAGE, StandardCharsets.UTF_8);
    int begin = page.indexOf(ConfigReference.BEGIN);
    int end = page.indexOf(ConfigReference.END);
    assertThat(begin).as("%s must hold the line %s", PAGE, ConfigReference.BEGIN)
        .isNotNegative();
    assertThat(end).as("%s must hold the line %s", PAGE, ConfigReference.END)
        .isGreaterThan(begin);
    String committed = page.substring(begin, end + ConfigReference.END.length() + 1);
    String generated = ConfigReference.render(ConfigKeys.all());

    if (Boolean.getBoolean("evals4j.docs.update")) {
      Files.writeString(PAGE, page.substring(0, begin) + generated
          + page.substring(end + ConfigReference.END.length() + 1), StandardCharsets.UTF_8);
      return;
    }
    assertThat(committed).as("docs/configuration.md is out of date with ConfigKeys; regenerate it"
        + " with -Devals4j.docs.update=true (see the comment at the top of its generated part)")
        .isEqualTo(generated);
  }

  @Test
  void should_document_every_registry_key_with_its_default_and_no_other() throws IOException {
    Map<String, String> documented = keyTables(PAGE);
    Map<String, String> registry = new LinkedHashMap<>();
    ConfigKeys.all().forEach(k -> registry.put(k.name(), k.defaultValue()));

    assertThat(documented.keySet()).as("documented keys that are not in ConfigKeys")
        .isSubsetOf(registry.keySet());
    assertThat(registry.keySet()).as("ConfigKeys entries missing from docs/configuration.md")
        .isSubsetOf(documented.keySet());
    assertThat(documented).as("documented defaults").containsExactlyInAnyOrderEntriesOf(registry);
  }

  @Test
  void should_keep_key_tables_out_of_every_other_page() throws IOException {
    for (Path doc : docs()) {
      if (!doc.equals(PAGE)) {
        assertThat(keyTables(doc)).as("%s has a table of configuration keys: link to"
            + " docs/configuration.md instead of repeating keys and defaults", ROOT.relativize(doc))
            .isEmpty();
      }
    }
  }

  private static final Pattern ASSIGNMENT =
      Pattern.compile("(?<![\\w.@-])(?:-D)?(evals4j\\.[A-Za-z0-9_.@<>\\[\\]-]*[A-Za-z0-9>\\]])=");
  /** Switches that are not evals4j configuration: the build's and the sample suite's own. */
  private static final List<String> NOT_CONFIGURATION =
      List.of("evals4j.api.update", "evals4j.docs.update", "evals4j.sample.");
  /** Sentry tags written as {@code tag=value} in the docs. */
  private static final List<String> SENTRY_TAGS =
      List.of("evals4j.gate", "evals4j.attachment_truncated", "evals4j.role");

  @Test
  void should_set_only_registered_keys_in_the_docs() throws IOException {
    List<String> unknown = new ArrayList<>();
    for (Path doc : docs()) {
      List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = ASSIGNMENT.matcher(lines.get(i));
        while (m.find()) {
          String key = m.group(1);
          if (NOT_CONFIGURATION.stream().noneMatch(key::startsWith) && !SENTRY_TAGS.contains(key)
              && ConfigKeys.find(key).isEmpty()) {
            unknown.add(ROOT.relativize(doc) + ":" + (i + 1) + ": " + key + " (closest known key: "
                + ConfigKeys.closest(key) + ")");
          }
        }
      }
    }
    assertThat(unknown).as("keys set in the docs that ConfigKeys does not know").isEmpty();
  }

  @Test
  void should_file_a_key_of_a_new_feature_under_its_own_section_and_escape_its_text() {
    // GIVEN a key no section claims, with Markdown-active characters in its documentation
    ConfigKeys.Key key = new ConfigKeys.Key("evals4j.similarity.min-score", "number", "0.8",
        "a | b, <tag> and *stars*", Optional.of("EVALS4J_SIMILARITY"));

    // WHEN
    String md = ConfigReference.render(List.of(ConfigKeys.ENABLED, key));

    // THEN it gets a section of its own, a row that stays one row, and the known key keeps its
    assertThat(md).startsWith(ConfigReference.BEGIN).endsWith(ConfigReference.END + "\n")
        .contains("## Run and extension", "## similarity")
        .contains("| `evals4j.similarity.min-score` | number | `0.8` | `EVALS4J_SIMILARITY` |"
            + " a \\| b, &lt;tag&gt; and \\*stars\\* |");
    assertThat(md.indexOf("## similarity")).isGreaterThan(md.indexOf("## Run and extension"));
    assertThat(md).doesNotContain("## Sentry");
  }

  // ---- reading the docs ---------------------------------------------------------------------

  private static List<Path> docs() throws IOException {
    List<Path> docs = new ArrayList<>();
    docs.add(ROOT.resolve("README.md"));
    try (Stream<Path> files = Files.walk(ROOT.resolve("docs"))) {
      files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    return docs;
  }

  private static final Pattern FIRST_CODE = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|");

  /**
   * The keys of every Markdown table whose first header cell is {@code key}, each with its
   * {@code default} cell (backticks removed), or {@code null} in a table without that column.
   */
  static Map<String, String> keyTables(Path doc) throws IOException {
    Map<String, String> keys = new LinkedHashMap<>();
    boolean inKeyTable = false;
    int defaultColumn = -1;
    for (String line : Files.readAllLines(doc, StandardCharsets.UTF_8)) {
      if (!line.startsWith("|")) {
        inKeyTable = false;
        continue;
      }
      List<String> cells = cells(line);
      if (!inKeyTable && !cells.isEmpty() && cells.get(0).equals("key")) {
        inKeyTable = true;
        defaultColumn = cells.indexOf("default");
        continue;
      }
      Matcher m = FIRST_CODE.matcher(line);
      if (inKeyTable && m.find()) {
        keys.put(m.group(1), defaultColumn < 0 ? null
            : cells.get(defaultColumn).replace("`", "").replace("\\|", "|"));
      }
    }
    return keys;
  }

  /** The cells of a table row; an escaped pipe stays in its cell. */
  private static List<String> cells(String row) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    for (int i = 1; i < row.length(); i++) {
      char c = row.charAt(i);
      if (c == '\\' && i + 1 < row.length() && row.charAt(i + 1) == '|') {
        cell.append("\\|");
        i++;
      } else if (c == '|') {
        cells.add(cell.toString().strip());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    return cells;
  }
}
