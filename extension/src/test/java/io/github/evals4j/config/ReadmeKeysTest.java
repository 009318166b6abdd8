package io.github.evals4j.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The key tables of the README and of {@code docs/**}{@code /*.md} (every Markdown table whose
 * first header cell is {@code key}) and the
 * registry agree both ways: every registry key is documented, every documented key is in the
 * registry, and where a table has a {@code default} column it says the registry's default.
 */
class ReadmeKeysTest {

  private static final Pattern FIRST_CODE = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|");

  /** Documented key → its default cell (backticks removed), or null for a table without one. */
  private static Map<String, String> documented() throws Exception {
    // The README and the feature pages of docs/ (the README is being split into them).
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(Path.of("..", "README.md")));
    Path docs = Path.of("..", "docs");
    if (Files.isDirectory(docs)) {
      try (java.util.stream.Stream<Path> pages = Files.walk(docs)) {
        for (Path page : pages.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
          lines.add("");
          lines.addAll(Files.readAllLines(page));
        }
      }
    }
    Map<String, String> keys = new LinkedHashMap<>();
    boolean inKeyTable = false;
    boolean hasDefault = false;
    for (String line : lines) {
      if (!line.startsWith("|")) {
        inKeyTable = false;
        continue;
      }
      String[] header = line.split("\\|");
      if (!inKeyTable && header.length > 2 && header[1].strip().equals("key")) {
        inKeyTable = true;
        hasDefault = header[2].strip().equals("default");
        continue;
      }
      Matcher m = FIRST_CODE.matcher(line);
      if (inKeyTable && m.find()) {
        String[] cells = line.split("\\|");
        keys.put(m.group(1), hasDefault ? cells[2].strip().replace("`", "") : null);
      }
    }
    return keys;
  }

  @Test
  void should_document_every_registry_key_and_no_other() throws Exception {
    Map<String, String> documented = documented();
    List<String> registry = ConfigKeys.all().stream().map(ConfigKeys.Key::name).toList();

    assertThat(documented.keySet()).as("documented keys that are not in ConfigKeys")
        .isSubsetOf(registry);
    assertThat(registry).as("ConfigKeys entries missing from the README's key tables")
        .isSubsetOf(documented.keySet());
  }

  @Test
  void should_document_the_registry_default_of_each_key() throws Exception {
    Map<String, String> documented = documented();
    for (ConfigKeys.Key k : ConfigKeys.all()) {
      String readme = documented.get(k.name());
      if (readme != null) {
        assertThat(readme).as("README default of %s", k.name()).isEqualTo(k.defaultValue());
      }
    }
  }
}
