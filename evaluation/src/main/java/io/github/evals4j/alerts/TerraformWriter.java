package io.github.evals4j.alerts;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The plan as a Terraform file for the {@code jianyuan/sentry} provider (0.15 or later):
 * one {@code sentry_metric_monitor} per alert rule (the provider's resource for Sentry's
 * Monitors API; its {@code sentry_metric_alert} is deprecated like the endpoint behind it) and
 * one {@code sentry_dashboard}. Same names, queries and thresholds as the API run: the dataset,
 * event type and conditions come from {@link DetectorJson}, the widgets from {@link Plan}.
 */
final class TerraformWriter {

  private TerraformWriter() {}

  static String render(ProvisionSettings s, Plan plan) {
    StringBuilder b = new StringBuilder();
    b.append("# Written by evals4j sentry-provision: ").append(plan.rules().size())
        .append(" metric monitors and one dashboard for prompt quality.\n")
        .append("# Regenerate instead of editing; the API command (without --terraform) makes")
        .append(" the same resources.\n")
        .append("# The provider reads the token from SENTRY_AUTH_TOKEN.\n")
        .append("terraform {\n  required_providers {\n    sentry = {\n")
        .append("      source  = \"jianyuan/sentry\"\n      version = \">= 0.15.0\"\n")
        .append("    }\n  }\n}\n");
    if (!s.baseUrl().toString().equals(ProvisionSettings.DEFAULT_URL)) {
      b.append("\nprovider \"sentry\" {\n  base_url = ").append(str(s.baseUrl() + "/api/"))
          .append("\n}\n");
    }
    for (AlertRule r : plan.rules()) {
      boolean above = r.metric().direction() == AlertMetric.Direction.ABOVE;
      String t = number(r.threshold());
      b.append("\nresource \"sentry_metric_monitor\" \"").append(id(r)).append("\" {\n")
          .append("  organization        = ").append(str(s.org())).append('\n')
          .append("  project             = ").append(str(s.project())).append('\n')
          .append("  name                = ").append(str(r.name())).append('\n')
          .append("  description         = ").append(str(r.description())).append('\n')
          .append("  aggregate           = ").append(str(r.metric().aggregate())).append('\n')
          .append("  dataset             = ").append(str(DetectorJson.DATASET)).append('\n')
          .append("  event_types         = [").append(str(DetectorJson.EVENT_TYPE)).append("]\n")
          .append("  query               = ").append(str(r.query())).append('\n')
          .append("  query_type          = \"performance\"\n")
          .append("  environment         = ").append(str(r.environment())).append('\n')
          .append("  time_window_seconds = ").append(r.timeWindowSeconds()).append('\n')
          .append("\n  condition_group = {\n    conditions = [\n")
          .append("      { type = \"").append(above ? "gt" : "lt").append("\", comparison = ")
          .append(t).append(", condition_result = ").append(DetectorJson.HIGH).append(" },\n")
          .append("      { type = \"").append(above ? "lte" : "gte").append("\", comparison = ")
          .append(t).append(", condition_result = ").append(DetectorJson.RESOLVED)
          .append(" },\n    ]\n  }\n\n  issue_detection = {\n    type = \"static\"\n  }\n}\n");
    }
    Dashboard d = plan.dashboard();
    b.append("\n# The provider's dashboard has no project or environment filter: every widget's")
        .append(" conditions name the environment.\n")
        .append("resource \"sentry_dashboard\" \"evals4j\" {\n")
        .append("  organization = ").append(str(s.org())).append('\n')
        .append("  title        = ").append(str(d.title())).append('\n');
    for (Dashboard.Widget w : d.widgets()) {
      b.append("\n  widget {\n")
          .append("    title        = ").append(str(w.title())).append('\n')
          .append("    display_type = ").append(str(w.displayType())).append('\n')
          .append("    interval     = ").append(str(DashboardJson.INTERVAL)).append('\n')
          .append("    widget_type  = ").append(str(DashboardJson.WIDGET_TYPE)).append('\n')
          .append("    limit        = ").append(w.limit()).append("\n\n")
          .append("    query {\n")
          .append("      fields     = ").append(list(w.query().fields())).append('\n')
          .append("      aggregates = ").append(list(w.query().aggregates())).append('\n')
          .append("      columns    = ").append(list(w.query().columns())).append('\n')
          .append("      conditions = ").append(str(w.query().conditions())).append('\n')
          .append("      order_by   = ").append(str(w.query().orderby())).append('\n')
          .append("    }\n\n    layout {\n")
          .append("      x     = ").append(w.x()).append('\n')
          .append("      y     = ").append(w.y()).append('\n')
          .append("      w     = ").append(w.w()).append('\n')
          .append("      h     = ").append(w.h()).append('\n')
          .append("      min_h = 2\n    }\n  }\n");
    }
    b.append("}\n");
    return b.toString();
  }

  /** A Terraform resource name: letters, digits and underscores, starting with a letter. */
  static String id(AlertRule r) {
    String raw = "evals4j_" + r.prompt().label() + "_" + r.metric().key();
    StringBuilder b = new StringBuilder(raw.length());
    for (char c : raw.toLowerCase(Locale.ROOT).toCharArray()) {
      b.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : '_');
    }
    // Two labels that differ only in punctuation must not collide.
    return b + "_" + Integer.toHexString(raw.hashCode() & 0xfffff);
  }

  /** An HCL string: quotes, backslashes, control characters and template markers escaped. */
  static String str(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '$', '%' -> {
          b.append(c);
          if (i + 1 < s.length() && s.charAt(i + 1) == '{') {
            b.append(c);
          }
        }
        default -> {
          if (Character.isISOControl(c)) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private static String list(List<String> values) {
    return values.stream().map(TerraformWriter::str).collect(Collectors.joining(", ", "[", "]"));
  }

  private static String number(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d)
        : Double.toString(d);
  }
}
