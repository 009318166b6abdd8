package io.github.evals4j.sample.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of {@code README.md} (and of {@code docs/**}{@code /*.md}) compiles
 * against the real modules, so a renamed class or a missing import breaks the build, not the
 * reader.
 *
 * <p>A block with a {@code package} line is a compilation unit and compiles as it is. Any other
 * block is a fragment: its {@code import} lines stay imports and the rest becomes the body of a
 * method (statements, local classes), or, when that does not compile, the body of a class
 * (methods, fields). The variables a fragment takes as given ({@code output}, {@code app}) are
 * declared in an HTML comment right above the block, invisible to readers:
 * {@code <!-- java-given: String output; Sources sources; -->}. A block that is deliberately not
 * Java that compiles is fenced {@code ```java no-compile}; keep those rare. A block that a test
 * also runs names that test in {@code <!-- java-tested-in: module/src/test/java/.../XTest.java -->}
 * (see {@code DocSnippetSourcesTest}).
 */
class ReadmeSnippetsTest {

  private static final String GIVEN = "<!-- java-given:";
  /** Names the test source that runs the block (checked by {@code DocSnippetSourcesTest}). */
  static final String TESTED_IN = "<!-- java-tested-in:";

  @Test
  void should_compile_every_java_snippet_of_the_docs(@TempDir Path out) throws IOException {
    List<Snippet> snippets = new ArrayList<>();
    for (Path doc : docs()) {
      snippets.addAll(parse(doc));
    }
    assertThat(snippets).as("java snippets found in README.md and docs/").hasSizeGreaterThan(20);

    // one javac task per snippet: a syntax error in one would stop javac from checking the others
    Map<Snippet, List<String>> errors = new LinkedHashMap<>();
    for (Snippet s : snippets) {
      List<String> asBody = compile(List.of(s), false, out.resolve("body")).get(s);
      if (asBody == null || s.isUnit()) {
        if (asBody != null) {
          errors.put(s, asBody);
        }
        continue;
      }
      List<String> asMembers = compile(List.of(s), true, out.resolve("members")).get(s);
      if (asMembers != null) {
        // neither as statements nor as class members: say both
        List<String> both = new ArrayList<>();
        asBody.forEach(e -> both.add("as statements: " + e));
        asMembers.forEach(e -> both.add("as class members: " + e));
        errors.put(s, both);
      }
    }

    StringBuilder message = new StringBuilder();
    errors.forEach((s, list) -> {
      message.append(System.lineSeparator()).append(s.where()).append(": ")
          .append(s.isUnit() ? "compilation unit" : "fragment").append(" does not compile");
      list.forEach(e -> message.append(System.lineSeparator()).append("  ").append(e));
    });
    assertThat(errors).as("java snippets that do not compile (fix them, or fence them"
        + " ```java no-compile if that is deliberate):%s", message).isEmpty();
  }

  @Test
  void should_wrap_a_fragment_and_map_its_errors_to_the_readme_line(@TempDir Path dir)
      throws IOException {
    // GIVEN a doc with one good fragment, one broken one and one deliberately not compiled
    Path doc = dir.resolve("doc.md");
    Files.writeString(doc, String.join("\n",
        "# t", "<!-- java-given: String output; -->", "```java",
        "import java.util.List;", "List<String> words = List.of(output.split(\" \"));", "```",
        "text", "```java", "int n = undefinedThing.size();", "```",
        "```java no-compile", "this is not java", "```", ""));

    // WHEN
    List<Snippet> snippets = parse(doc);
    Map<Snippet, List<String>> errors = compile(snippets, false, dir.resolve("out"));

    // THEN the broken one fails at its own line of the doc, the marked one is not compiled
    assertThat(snippets).hasSize(2);
    assertThat(errors).hasSize(1);
    Snippet broken = errors.keySet().iterator().next();
    assertThat(broken.where()).endsWith("doc.md:8");
    assertThat(errors.get(broken)).singleElement().asString()
        .startsWith("line 9:").contains("undefinedThing");
  }

  // ---- finding and parsing ------------------------------------------------------------------

  /** The repository: README.md and docs/ (pages in sub-folders included). */
  static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();

  static List<Path> docs() throws IOException {
    Path root = ROOT;
    List<Path> docs = new ArrayList<>();
    docs.add(root.resolve("README.md"));
    Path dir = root.resolve("docs");
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
      }
    }
    return docs;
  }

  /** One fenced block: where it is, what it declares as given, its code lines. */
  record Snippet(Path doc, int fenceLine, String given, List<String> lines, String testedIn) {
    boolean isUnit() {
      return lines.stream().anyMatch(l -> l.startsWith("package "));
    }

    /** The page (relative to the repository, e.g. {@code docs/assertions/json.md}) and line. */
    String where() {
      return name() + ":" + fenceLine;
    }

    /** Unique across pages of the same name in different folders. */
    String className() {
      return "Snippet_" + name().replaceAll("[^A-Za-z0-9]", "_") + "_" + fenceLine;
    }

    private String name() {
      Path abs = doc.toAbsolutePath();
      return (abs.startsWith(ROOT) ? ROOT.relativize(abs) : doc.getFileName()).toString()
          .replace('\\', '/');
    }
  }

  static List<Snippet> parse(Path doc) throws IOException {
    List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
    List<Snippet> snippets = new ArrayList<>();
    String given = "";
    String testedIn = "";
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String stripped = line.strip();
      if (stripped.startsWith(TESTED_IN) && stripped.endsWith("-->")) {
        testedIn = stripped.substring(TESTED_IN.length(), stripped.length() - 3).strip();
        continue;
      }
      if (stripped.startsWith(GIVEN)) {
        StringBuilder g = new StringBuilder(stripped.substring(GIVEN.length()));
        while (!g.toString().contains("-->") && i + 1 < lines.size()) {
          g.append('\n').append(lines.get(++i));
        }
        given = g.substring(0, g.indexOf("-->")).strip();
        continue;
      }
      if (stripped.startsWith("```")) {
        String info = stripped.substring(3).strip().toLowerCase(Locale.ROOT);
        int indent = line.indexOf('`');
        int open = i;
        List<String> code = new ArrayList<>();
        while (++i < lines.size() && !lines.get(i).strip().equals("```")) {
          String l = lines.get(i);
          code.add(l.length() >= indent && l.substring(0, indent).isBlank()
              ? l.substring(indent) : l.stripLeading());
        }
        if (info.equals("java")) {
          snippets.add(new Snippet(doc, open + 1, given, code, testedIn));
        }
        given = "";
        testedIn = "";
        continue;
      }
      if (!stripped.isEmpty()) {
        given = "";
        testedIn = "";
      }
    }
    return snippets;
  }

  // ---- compiling ----------------------------------------------------------------------------

  /** A generated source and the offset from its lines to the doc's lines. */
  private record Source(Snippet snippet, String text, int firstCodeLine) {}

  private static Source wrap(Snippet s, boolean asMembers) {
    StringBuilder text = new StringBuilder();
    if (s.isUnit()) {
      s.lines().forEach(l -> text.append(l).append('\n'));
      return new Source(s, text.toString(), 1);
    }
    List<String> body = new ArrayList<>();
    for (String l : s.lines()) {
      String t = l.strip();
      // imports first, in the file's import section; each keeps its own line count below
      if (t.startsWith("import ")) {
        text.append(l).append('\n');
        body.add("");
      } else {
        body.add(l);
      }
    }
    int headerLines = (int) text.chars().filter(c -> c == '\n').count();
    text.append("class ").append(s.className()).append(" {\n");
    text.append(s.given().replace('\n', ' ')).append('\n');
    if (!asMembers) {
      text.append("void snippet() throws Throwable {\n");
    } else {
      text.append('\n');
    }
    int first = headerLines + 4;
    body.forEach(l -> text.append(l).append('\n'));
    text.append(asMembers ? "}\n" : "}\n}\n");
    return new Source(s, text.toString(), first);
  }

  private static final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
  private static StandardJavaFileManager files;

  /** One file manager for every compilation: it opens the classpath's jars once. */
  private static synchronized StandardJavaFileManager files() throws IOException {
    if (files == null) {
      files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
      String classpath = System.getProperty("surefire.test.class.path",
          System.getProperty("java.class.path"));
      List<java.io.File> entries = new ArrayList<>();
      for (String entry : classpath.split(java.io.File.pathSeparator)) {
        entries.add(new java.io.File(entry));
      }
      files.setLocation(javax.tools.StandardLocation.CLASS_PATH, entries);
    }
    return files;
  }

  @AfterAll
  static synchronized void closeFileManager() throws IOException {
    if (files != null) {
      files.close();
      files = null;
    }
  }

  static Map<Snippet, List<String>> compile(List<Snippet> snippets, boolean asMembers, Path out)
      throws IOException {
    Map<Snippet, List<String>> errors = new LinkedHashMap<>();
    if (snippets.isEmpty()) {
      return errors;
    }
    Files.createDirectories(out);
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Map<JavaFileObject, Source> sources = new LinkedHashMap<>();
    for (Snippet s : snippets) {
      Source src = wrap(s, asMembers);
      String pkg = s.lines().stream().filter(l -> l.startsWith("package "))
          .map(l -> l.substring(8, l.indexOf(';')).strip().replace('.', '/') + "/").findFirst()
          .orElse("");
      String fileName = s.isUnit() ? unitClassName(s) : s.className();
      sources.put(new StringSource(pkg + fileName, src.text()), src);
    }
    List<String> options = List.of("-proc:none", "-Xlint:none", "-nowarn", "--release", "17",
        "-encoding", "UTF-8", "-d", out.toString());
    javac.getTask(null, files(), diagnostics, options, null, sources.keySet()).call();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() != Diagnostic.Kind.ERROR) {
        continue;
      }
      Source src = sources.get(d.getSource());
      if (src == null) {
        throw new UncheckedIOException(new IOException("javac: " + d.getMessage(Locale.ROOT)));
      }
      long docLine = src.snippet().fenceLine() + (d.getLineNumber() - src.firstCodeLine()) + 1;
      errors.computeIfAbsent(src.snippet(), k -> new ArrayList<>())
          .add("line " + docLine + ": " + String.join("; ", d.getMessage(Locale.ROOT).lines()
              .map(String::strip).toList()));
    }
    return errors;
  }

  private static String unitClassName(Snippet s) {
    for (String l : s.lines()) {
      java.util.regex.Matcher m = java.util.regex.Pattern
          .compile("^(?:public\\s+)?(?:final\\s+)?(?:class|interface|record|enum)\\s+(\\w+)")
          .matcher(l.strip());
      if (m.find() && !l.startsWith(" ")) {
        return m.group(1);
      }
    }
    return s.className();
  }

  private static final class StringSource extends SimpleJavaFileObject {
    private final String text;

    StringSource(String path, String text) {
      super(URI.create("string:///" + path + Kind.SOURCE.extension), Kind.SOURCE);
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }
}
