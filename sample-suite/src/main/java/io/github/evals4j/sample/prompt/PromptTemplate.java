package io.github.evals4j.sample.prompt;

import io.github.evals4j.sample.llm.ChatMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A versioned prompt: a system and a user message with {@code {{name}}} placeholders, loaded from
 * the classpath resource {@code prompts/<id>/<version>.prompt}.
 *
 * <p>The file has two sections, each starting with a line {@code --- system ---} or
 * {@code --- user ---}. Keeping every version as a file makes a prompt change a reviewable diff and
 * lets the test suite run v1 and v2 side by side.
 *
 * <pre>{@code
 * PromptTemplate t = PromptTemplate.load("feature-extraction", "v2");
 * List<ChatMessage> messages = t.render(Map.of("reference", "fe-01", "description", text));
 * }</pre>
 *
 * @param id the prompt id, e.g. {@code feature-extraction}
 * @param version the version, e.g. {@code v2}
 * @param system the system message template
 * @param user the user message template
 */
public record PromptTemplate(String id, String version, String system, String user) {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z][a-zA-Z0-9_]*)\\s*}}");
  private static final Pattern SECTION = Pattern.compile("(?m)^--- (system|user) ---\\R");
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]*");

  public PromptTemplate {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(user, "user");
  }

  /**
   * Loads {@code prompts/<id>/<version>.prompt} from the classpath.
   *
   * @throws IllegalArgumentException when the resource is missing or lacks a section
   */
  public static PromptTemplate load(String id, String version) {
    if (!NAME.matcher(id).matches() || !NAME.matcher(version).matches()) {
      throw new IllegalArgumentException(
          "prompt id and version are lower-case names like 'feature-extraction' and 'v2', got '"
              + id + "' and '" + version + "'");
    }
    String resource = "prompts/" + id + "/" + version + ".prompt";
    try (InputStream in = PromptTemplate.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no prompt " + id + " " + version + ": resource "
            + resource + " not found on the classpath");
      }
      return parse(id, version, new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  static PromptTemplate parse(String id, String version, String text, String origin) {
    // A BOM from a Windows editor would hide the first section marker.
    String normalised = (text.startsWith("\uFEFF") ? text.substring(1) : text).replace("\r\n", "\n");
    Matcher m = SECTION.matcher(normalised);
    String system = null;
    String user = null;
    List<int[]> starts = new ArrayList<>();
    List<String> names = new ArrayList<>();
    while (m.find()) {
      starts.add(new int[] {m.start(), m.end()});
      names.add(m.group(1));
    }
    for (int i = 0; i < starts.size(); i++) {
      int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : normalised.length();
      String body = normalised.substring(starts.get(i)[1], end).strip();
      if (names.get(i).equals("system")) {
        system = body;
      } else {
        user = body;
      }
    }
    if (system == null || user == null) {
      throw new IllegalArgumentException(origin + " needs a '--- system ---' and a '--- user ---' section");
    }
    return new PromptTemplate(id, version, system, user);
  }

  /** The placeholder names both messages use, in order of first use. */
  public Set<String> variables() {
    Set<String> names = new LinkedHashSet<>();
    for (String part : List.of(system, user)) {
      Matcher m = PLACEHOLDER.matcher(part);
      while (m.find()) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  /**
   * The system and user messages with every placeholder replaced.
   *
   * @throws IllegalArgumentException naming the placeholders {@code values} lacks
   */
  public List<ChatMessage> render(Map<String, String> values) {
    Set<String> missing = new LinkedHashSet<>(variables());
    missing.removeIf(name -> values.get(name) != null);
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "prompt " + id + " " + version + " needs values for " + missing);
    }
    return List.of(ChatMessage.system(fill(system, values)), ChatMessage.user(fill(user, values)));
  }

  private static String fill(String template, Map<String, String> values) {
    // Single pass: a value containing "{{x}}" is inserted as is, never expanded again.
    return PLACEHOLDER.matcher(template)
        .replaceAll(m -> Matcher.quoteReplacement(values.get(m.group(1))));
  }
}
