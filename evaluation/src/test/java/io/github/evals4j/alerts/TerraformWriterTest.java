package io.github.evals4j.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Terraform rendering's structure: one {@code sentry_metric_monitor} per rule and one
 * {@code sentry_dashboard}, each with the arguments the {@code jianyuan/sentry} provider's
 * documentation lists as required, balanced blocks, and strings escaped. ({@code terraform}
 * itself is not installable here: no Debian package, and its provider comes from the Terraform
 * registry, which this build cannot reach.)
 */
class TerraformWriterTest {

  @TempDir
  Path dir;

  private String render(String... extra) throws Exception {
    Path tf = dir.resolve("evals4j-sentry.tf");
    List<String> args = new ArrayList<>(List.of("--org", "acme", "--project", "llm-evals",
        "--prompts", "summarize,classify@v2", "--terraform", tf.toString()));
    args.addAll(List.of(extra));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ProvisionCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(),
        ProvisionCommand.noWait(new ArrayList<>()));
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("nothing was sent to Sentry");
    return Files.readString(tf);
  }

  @Test
  void should_write_one_metric_monitor_per_rule_and_one_dashboard_with_the_required_arguments()
      throws Exception {
    String tf = render("--quality-score", "off");

    assertThat(balanced(tf)).isTrue();
    assertThat(tf).contains("source  = \"jianyuan/sentry\"");
    List<String> monitors = blocks(tf, "resource \"sentry_metric_monitor\"");
    assertThat(monitors).hasSize(6);
    for (String m : monitors) {
      for (String arg : List.of("organization", "project", "name", "aggregate", "dataset",
          "event_types", "condition_group", "issue_detection")) {
        assertThat(m).as(m).containsPattern("\\n  " + arg + " +=");
      }
    }
    assertThat(monitors.get(0)).contains("name                = \"evals4j: summarize failure rate\"",
        "aggregate           = \"failure_rate()\"",
        "query               = \"span.op:junit.test prompt.id:\\\"summarize\\\"\"",
        "environment         = \"ci\"", "time_window_seconds = 3600",
        "{ type = \"gt\", comparison = 0.1, condition_result = 75 }",
        "{ type = \"lte\", comparison = 0.1, condition_result = 0 }");
    assertThat(resourceNames(tf, "sentry_metric_monitor")).doesNotHaveDuplicates()
        .allMatch(n -> n.matches("[a-z][a-z0-9_]*"));
    List<String> dashboards = blocks(tf, "resource \"sentry_dashboard\"");
    assertThat(dashboards).singleElement().satisfies(d -> {
      assertThat(d).contains("title        = \"evals4j: prompt quality\"");
      List<String> widgets = blocks(d, "widget");
      assertThat(widgets).hasSize(9).allSatisfy(w -> {
        assertThat(w).containsPattern("\\n    title += ").containsPattern("display_type += ")
            .contains("query {", "layout {", "min_h = 2");
      });
    });
  }

  @Test
  void should_escape_quotes_and_template_markers_and_point_the_provider_at_a_self_hosted_sentry()
      throws Exception {
    String tf = render("--dashboard-title", "team \"A\" ${var.x} %{if}",
        "--url", "https://sentry.example.com/");

    assertThat(tf).contains("title        = \"evals4j: team \\\"A\\\" $${var.x} %%{if}\"",
        "base_url = \"https://sentry.example.com/api/\"");
    assertThat(balanced(tf)).isTrue();
  }

  /** Braces outside strings are balanced. */
  private static boolean balanced(String tf) {
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < tf.length(); i++) {
      char c = tf.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '#') {
        while (i < tf.length() && tf.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        if (--depth < 0) {
          return false;
        }
      }
    }
    return depth == 0 && !inString;
  }

  /** Each block that starts with {@code head} (at a line start), up to its closing brace. */
  private static List<String> blocks(String tf, String head) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(head) + "[^{\\n]*\\{").matcher(tf);
    while (m.find()) {
      int depth = 1;
      int i = m.end();
      boolean inString = false;
      for (; i < tf.length() && depth > 0; i++) {
        char c = tf.charAt(i);
        if (inString) {
          if (c == '\\') {
            i++;
          } else if (c == '"') {
            inString = false;
          }
        } else if (c == '"') {
          inString = true;
        } else if (c == '{') {
          depth++;
        } else if (c == '}') {
          depth--;
        }
      }
      found.add(tf.substring(m.start(), i));
    }
    return found;
  }

  private static List<String> resourceNames(String tf, String type) {
    List<String> names = new ArrayList<>();
    Matcher m = Pattern.compile("resource \"" + type + "\" \"([^\"]+)\"").matcher(tf);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
