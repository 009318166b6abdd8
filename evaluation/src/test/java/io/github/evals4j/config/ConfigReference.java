package io.github.evals4j.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders {@link ConfigKeys} as the Markdown tables of {@code docs/configuration.md}: one section
 * per feature, one row per key (name, type, default, environment variable, what it does).
 * {@link ConfigReferenceTest} keeps the committed page equal to this text.
 *
 * <p>A key is filed under the first section whose prefix it starts with; a key of a feature not
 * listed here gets a section named after its second segment ({@code evals4j.similarity.x} →
 * {@code similarity}), so a new key is documented without touching this class.
 */
final class ConfigReference {

  /** The line that opens the generated part of the page. */
  static final String BEGIN = "<!-- BEGIN generated from ConfigKeys by ConfigReferenceTest:"
      + " do not edit by hand; regenerate with"
      + " ./mvnw -B verify -pl evaluation -am -Dtest=ConfigReferenceTest"
      + " -Dsurefire.failIfNoSpecifiedTests=false -Devals4j.docs.update=true -->";
  /** The line that closes it. */
  static final String END = "<!-- END generated from ConfigKeys -->";

  /** A section: its heading, the page that explains the feature, the key prefixes it holds. */
  private record Section(String title, String page, List<String> prefixes) {}

  private static final List<Section> SECTIONS = List.of(
      new Section("Run and extension", "junit-sentry.md",
          List.of("evals4j.enabled", "evals4j.run-id", "evals4j.environment", "evals4j.config.")),
      new Section("Sentry", "junit-sentry.md", List.of("evals4j.sentry.")),
      new Section("Reports", "reports.md",
          List.of("evals4j.report.", "evals4j.baseline", "evals4j.checks.")),
      new Section("Datasets and repeats", "datasets.md",
          List.of("evals4j.dataset.", "evals4j.repeats")),
      new Section("Cost", "prompts-cost.md#cost", List.of("evals4j.price")),
      new Section("Gates", "gates.md", List.of("evals4j.gate.", "evals4j.prompt.")),
      new Section("Early stopping and budgets", "gates.md#early-stopping-and-budgets",
          List.of("evals4j.early-stop", "evals4j.budget.")),
      new Section("Record and replay", "record-replay.md", List.of("evals4j.replay.")),
      new Section("Judge", "judge.md", List.of("evals4j.judge.")));

  private ConfigReference() {}

  /** The generated part of the page, from {@link #BEGIN} to {@link #END} included. */
  static String render(List<ConfigKeys.Key> keys) {
    Map<Section, List<ConfigKeys.Key>> known = new LinkedHashMap<>();
    SECTIONS.forEach(s -> known.put(s, new ArrayList<>()));
    Map<String, List<ConfigKeys.Key>> other = new TreeMap<>();
    for (ConfigKeys.Key k : keys) {
      Section s = sectionOf(k.name());
      if (s != null) {
        known.get(s).add(k);
      } else {
        other.computeIfAbsent(segment(k.name()), x -> new ArrayList<>()).add(k);
      }
    }
    StringBuilder md = new StringBuilder(BEGIN).append("\n\n");
    known.forEach((s, list) -> {
      if (!list.isEmpty()) {
        md.append("## ").append(s.title()).append("\n\n");
        md.append("What these keys do: [").append(s.title()).append("](").append(s.page())
            .append(").\n\n");
        table(md, list);
      }
    });
    other.forEach((segment, list) -> {
      md.append("## ").append(segment).append("\n\n");
      table(md, list);
    });
    return md.append(END).append('\n').toString();
  }

  private static Section sectionOf(String name) {
    for (Section s : SECTIONS) {
      for (String p : s.prefixes()) {
        if (name.startsWith(p)) {
          return s;
        }
      }
    }
    return null;
  }

  /** {@code evals4j.similarity.threshold} → {@code similarity}. */
  private static String segment(String name) {
    String rest = name.substring(ConfigKeys.PREFIX.length());
    int dot = rest.indexOf('.');
    return (dot < 0 ? rest : rest.substring(0, dot)).toLowerCase(Locale.ROOT);
  }

  private static void table(StringBuilder md, List<ConfigKeys.Key> keys) {
    md.append("| key | type | default | environment variable | what it does |\n");
    md.append("|---|---|---|---|---|\n");
    for (ConfigKeys.Key k : keys) {
      md.append("| ").append(code(k.name()))
          .append(" | ").append(text(k.type()))
          .append(" | ").append(code(k.defaultValue()))
          .append(" | ").append(k.env().map(ConfigReference::code).orElse("–"))
          .append(" | ").append(text(k.doc()))
          .append(" |\n");
    }
    md.append('\n');
  }

  /** A code span; a backtick inside would end it, a pipe would end the cell. */
  static String code(String s) {
    if (s.indexOf('`') >= 0) {
      throw new IllegalArgumentException("a backtick in a key, default or variable: " + s);
    }
    return "`" + s.replace("|", "\\|") + "`";
  }

  /** Plain text of a cell: Markdown's active characters escaped. */
  static String text(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '|', '*', '_', '[', ']', '`', '\\', '#', '$' -> out.append('\\').append(c);
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
