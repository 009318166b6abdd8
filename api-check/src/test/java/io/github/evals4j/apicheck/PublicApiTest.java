package io.github.evals4j.apicheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The public API of each published artifact, compared with the dump checked in under
 * {@code src/test/resources/api/ARTIFACT.api} (the approach of sentry-java's API dumps). A change
 * to a public type or member fails here until the dump is regenerated and reviewed:
 *
 * <pre>./mvnw -B verify -pl api-check -am -Devals4j.api.update=true</pre>
 *
 * <p>Packages named {@code internal} or {@code shaded} are not API and are left out.
 */
class PublicApiTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "evals4j-api, io.github.evals4j.recording.Recording",
    "evals4j-llm-assertions, io.github.evals4j.assertions.LlmAssertions",
    "evals4j-llm-calls, io.github.evals4j.replay.ReplayStore",
    "evals4j-evaluation, io.github.evals4j.aggregate.RunAggregator",
    "evals4j-extension, io.github.evals4j.junit.Evals4jExtension",
    "evals4j-judge, io.github.evals4j.judge.Judge",
    "evals4j-langchain4j, io.github.evals4j.langchain4j.Evals4jChatModelListener",
    "evals4j-spring-ai, io.github.evals4j.springai.Evals4jObservationHandler",
    "evals4j-similarity, io.github.evals4j.similarity.MiniLmEmbedder",
  })
  void public_api_matches_the_checked_in_dump(String artifact, String anchor) throws Exception {
    String actual = dump(Class.forName(anchor));
    Path file = Path.of(System.getProperty("basedir", "."), "src/test/resources/api", artifact + ".api");
    if (Boolean.getBoolean("evals4j.api.update")) {
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    String expected = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    assertThat(actual)
        .as("the public API of %s changed; review it, then regenerate %s with -Devals4j.api.update=true",
            artifact, file.getFileName())
        .isEqualTo(expected);
  }

  /** Every public type of the artifact that holds {@code anchor}, one line per type and member. */
  static String dump(Class<?> anchor) throws IOException, URISyntaxException {
    Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> classNames = new ArrayList<>();
    if (Files.isDirectory(location)) {
      classNames.addAll(classNamesUnder(location));
    } else {
      try (FileSystem jar = FileSystems.newFileSystem(location, Map.of())) {
        classNames.addAll(classNamesUnder(jar.getPath("/")));
      }
    }
    StringBuilder out = new StringBuilder();
    for (String name : new TreeSet<>(classNames)) {
      if (name.contains(".internal.") || name.contains(".shaded.")) {
        continue;
      }
      Class<?> type;
      try {
        type = Class.forName(name, false, anchor.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        continue;
      }
      if (!isVisible(type)) {
        continue;
      }
      out.append(describe(type)).append('\n');
      TreeSet<String> members = new TreeSet<>();
      for (Constructor<?> c : type.getDeclaredConstructors()) {
        if (isApi(c)) {
          members.add(c.toGenericString());
        }
      }
      for (Method m : type.getDeclaredMethods()) {
        if (isApi(m) && !m.isBridge()) {
          members.add(m.toGenericString());
        }
      }
      for (Field f : type.getDeclaredFields()) {
        if (isApi(f)) {
          members.add(f.toGenericString());
        }
      }
      members.forEach(m -> out.append("  ").append(m).append('\n'));
    }
    return out.toString();
  }

  private static List<String> classNamesUnder(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .filter(p -> p.endsWith(".class") && !p.endsWith("module-info.class")
              && !p.endsWith("package-info.class") && p.startsWith("io/github/evals4j/"))
          .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
          .toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Public, and every enclosing type public too; anonymous and local classes are never API. */
  private static boolean isVisible(Class<?> type) {
    for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
      if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isLocalClass()
          || t.isSynthetic()) {
        return false;
      }
    }
    return true;
  }

  private static boolean isApi(Member member) {
    int mod = member.getModifiers();
    if (member.isSynthetic()) {
      return false;
    }
    boolean extendable = !Modifier.isFinal(member.getDeclaringClass().getModifiers());
    return Modifier.isPublic(mod) || (Modifier.isProtected(mod) && extendable)
        || (member instanceof Executable e && e.getDeclaringClass().isInterface()
            && Modifier.isPublic(mod));
  }

  private static String describe(Class<?> type) {
    String kind = type.isAnnotation() ? "@interface" : type.isInterface() ? "interface"
        : type.isEnum() ? "enum" : type.isRecord() ? "record" : "class";
    StringBuilder s = new StringBuilder(Modifier.toString(type.getModifiers()
        & (Modifier.PUBLIC | Modifier.ABSTRACT | Modifier.FINAL | Modifier.STATIC))
        .replace("abstract ", type.isInterface() ? "" : "abstract ")
        .replace("static ", ""));
    s.append(' ').append(kind).append(' ').append(type.getName());
    if (type.getGenericSuperclass() != null && type.getSuperclass() != Object.class
        && !type.isEnum() && !type.isRecord()) {
      s.append(" extends ").append(type.getGenericSuperclass().getTypeName());
    }
    var interfaces = type.getGenericInterfaces();
    if (interfaces.length > 0 && !type.isAnnotation()) {
      s.append(type.isInterface() ? " extends " : " implements ");
      for (int i = 0; i < interfaces.length; i++) {
        s.append(i == 0 ? "" : ", ").append(interfaces[i].getTypeName());
      }
    }
    return s.toString();
  }
}
