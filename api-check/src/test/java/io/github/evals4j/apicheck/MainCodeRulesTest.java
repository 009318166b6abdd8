package io.github.evals4j.apicheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules over the main classes of every published artifact (issue 11, "one owner per concept" and
 * "only AssertJ's public API"), read from the jars and class folders the build produced.
 */
class MainCodeRulesTest {

  /** One class of each published artifact: where that artifact's classes are found. */
  static final List<String> ANCHORS = List.of(
      "io.github.evals4j.recording.Recording",
      "io.github.evals4j.assertions.LlmAssertions",
      "io.github.evals4j.replay.ReplayStore",
      "io.github.evals4j.aggregate.RunAggregator",
      "io.github.evals4j.junit.Evals4jExtension",
      "io.github.evals4j.judge.Judge",
      "io.github.evals4j.langchain4j.Evals4jChatModelListener");

  /** AssertJ's packages that are not its API (AssertJ 4's module descriptor does not export them). */
  private static final List<String> ASSERTJ_NON_API =
      List.of("org/assertj/core/internal/", "org/assertj/core/util/");

  @Test
  void no_two_main_classes_of_our_artifacts_share_a_simple_name() throws Exception {
    // two RunInfo or two Truncation with different meanings drift apart; nested types (Builder,
    // Snapshot) are named by their outer type and left out
    Map<String, TreeSet<String>> bySimpleName = new TreeMap<>();
    for (MainClass c : mainClasses()) {
      if (!c.name().contains("$")) {
        bySimpleName.computeIfAbsent(c.simpleName(), k -> new TreeSet<>()).add(c.name());
      }
    }
    Map<String, TreeSet<String>> duplicates = bySimpleName.entrySet().stream()
        .filter(e -> e.getValue().size() > 1)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));

    assertThat(bySimpleName).as("main classes found").hasSizeGreaterThan(100);
    assertThat(duplicates)
        .as("main classes sharing a simple name (give each a name that says what it holds)")
        .isEmpty();
  }

  @Test
  void no_main_class_uses_assertj_internals() throws Exception {
    TreeMap<String, String> offenders = new TreeMap<>();
    List<MainClass> classes = mainClasses();
    for (MainClass c : classes) {
      String constants = new String(c.bytes(), StandardCharsets.ISO_8859_1);
      for (String pkg : ASSERTJ_NON_API) {
        if (constants.contains(pkg)) {
          offenders.put(c.name(), pkg.replace('/', '.'));
        }
      }
    }

    // the scan sees AssertJ references at all: the assertions' entry point extends AssertJ's API
    assertThat(classes).filteredOn(c -> c.simpleName().equals("AbstractLlmOutputAssert"))
        .singleElement()
        .satisfies(c -> assertThat(new String(c.bytes(), StandardCharsets.ISO_8859_1))
            .contains("org/assertj/core/api/"));
    assertThat(offenders)
        .as("main classes referring to AssertJ's non-API packages (use throwAssertionError(ErrorMessageFactory) or failWithMessage)")
        .isEmpty();
  }

  /** A main class: its binary name and its class file. */
  record MainClass(String name, byte[] bytes) {
    String simpleName() {
      return name.substring(name.lastIndexOf('.') + 1);
    }
  }

  static List<MainClass> mainClasses() throws Exception {
    List<MainClass> all = new java.util.ArrayList<>();
    for (String anchor : ANCHORS) {
      Path location = Path.of(Class.forName(anchor).getProtectionDomain().getCodeSource()
          .getLocation().toURI());
      if (Files.isDirectory(location)) {
        all.addAll(classesUnder(location));
      } else {
        try (FileSystem jar = FileSystems.newFileSystem(location, Map.of())) {
          all.addAll(classesUnder(jar.getPath("/")));
        }
      }
    }
    return all;
  }

  private static List<MainClass> classesUnder(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> {
        String rel = root.relativize(p).toString().replace('\\', '/');
        return rel.endsWith(".class") && rel.startsWith("io/github/evals4j/")
            && !rel.startsWith("io/github/evals4j/shaded/")
            && !rel.endsWith("module-info.class") && !rel.endsWith("package-info.class");
      }).map(p -> {
        String rel = root.relativize(p).toString().replace('\\', '/');
        try {
          return new MainClass(rel.substring(0, rel.length() - ".class".length()).replace('/', '.'),
              Files.readAllBytes(p));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
