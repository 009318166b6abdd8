package io.github.evals4j.sample.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.evals4j.sample.docs.ReadmeSnippetsTest.Snippet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code ```java} block marked {@code <!-- java-tested-in: path/to/XTest.java -->} is the code
 * that test runs, verbatim: its lines (imports, comments, blank lines and indentation aside) occur
 * in that file in the same order, one after the other. {@link ReadmeSnippetsTest} proves that a
 * block compiles; this proves that a marked one also runs and passes, so its example cannot drift
 * from what the library does.
 */
class DocSnippetSourcesTest {

  @Test
  void should_find_every_marked_snippet_verbatim_in_the_test_that_runs_it() throws IOException {
    List<Snippet> marked = new ArrayList<>();
    for (Path doc : ReadmeSnippetsTest.docs()) {
      ReadmeSnippetsTest.parse(doc).stream().filter(s -> !s.testedIn().isEmpty())
          .forEach(marked::add);
    }
    List<String> problems = new ArrayList<>();
    for (Snippet s : marked) {
      mismatch(s, ReadmeSnippetsTest.ROOT).ifPresent(problems::add);
    }
    assertThat(marked).as("snippets marked java-tested-in").hasSizeGreaterThanOrEqualTo(2);
    assertThat(problems).as("marked snippets that are not the tested code").isEmpty();
  }

  @Test
  void should_say_which_line_of_a_snippet_the_test_does_not_have(@TempDir Path dir)
      throws IOException {
    // GIVEN a test source and two docs: one block as the test has it, one that drifted
    Files.writeString(dir.resolve("XTest.java"), String.join("\n",
        "class XTest {", "  @Test void runs() {", "    String a = \"https://x.test\";",
        "    // a comment", "    int n = a.length();   // trailing", "  }", "}", ""));
    Path doc = dir.resolve("doc.md");
    Files.writeString(doc, String.join("\n",
        "<!-- java-tested-in: XTest.java -->", "```java", "import java.util.List;",
        "String a = \"https://x.test\";", "int n = a.length();   // the length", "```", "",
        "<!-- java-tested-in: XTest.java -->", "```java",
        "String a = \"https://x.test\";", "int n = a.length() + 1;", "```", ""));

    // WHEN
    List<Snippet> snippets = ReadmeSnippetsTest.parse(doc);

    // THEN the first matches; the second is reported at the line that differs
    assertThat(snippets).hasSize(2).allMatch(s -> s.testedIn().equals("XTest.java"));
    assertThat(mismatch(snippets.get(0), dir)).isEmpty();
    assertThat(mismatch(snippets.get(1), dir)).get().asString()
        .contains("doc.md:9", "line 11", "int n = a.length() + 1;", "XTest.java");
  }

  /** Why the snippet is not verbatim in its test, or empty when it is. */
  static Optional<String> mismatch(Snippet s, Path root) throws IOException {
    Path source = root.resolve(s.testedIn());
    if (!Files.isRegularFile(source)) {
      return Optional.of(s.where() + ": java-tested-in names " + s.testedIn()
          + ", which does not exist");
    }
    List<String> code = new ArrayList<>();
    List<Integer> docLines = new ArrayList<>();
    for (int i = 0; i < s.lines().size(); i++) {
      String l = normalized(s.lines().get(i));
      if (!l.isEmpty() && !l.startsWith("import ")) {
        code.add(l);
        docLines.add(s.fenceLine() + i + 1);
      }
    }
    List<String> test = new ArrayList<>();
    for (String l : Files.readAllLines(source, StandardCharsets.UTF_8)) {
      String n = normalized(l);
      if (!n.isEmpty()) {
        test.add(n);
      }
    }
    // the longest prefix of the snippet found as a run of the test's lines says where it differs
    int best = 0;
    for (int start = 0; start < test.size() && best < code.size(); start++) {
      int n = 0;
      while (n < code.size() && start + n < test.size() && test.get(start + n).equals(code.get(n))) {
        n++;
      }
      best = Math.max(best, n);
    }
    if (best == code.size()) {
      return Optional.empty();
    }
    return Optional.of(s.where() + ": line " + docLines.get(best) + " \"" + code.get(best)
        + "\" does not follow the lines above it in " + s.testedIn() + " (the block must be the"
        + " tested code, verbatim but for imports, comments and indentation)");
  }

  /** A line without indentation and comments ({@code //} outside a string literal). */
  static String normalized(String line) {
    String l = line.strip();
    if (l.startsWith("//")) {
      return "";
    }
    boolean inString = false;
    for (int i = 0; i < l.length(); i++) {
      char c = l.charAt(i);
      if (c == '\\' && inString) {
        i++;
      } else if (c == '"') {
        inString = !inString;
      } else if (!inString && c == '/' && i + 1 < l.length() && l.charAt(i + 1) == '/') {
        return l.substring(0, i).stripTrailing();
      }
    }
    return l;
  }
}
