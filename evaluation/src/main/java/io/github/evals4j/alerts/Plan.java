package io.github.evals4j.alerts;

import io.github.evals4j.report.SentryFields;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * What {@code sentry-provision} makes exist in Sentry, computed from the settings alone: the
 * alert rules (per prompt and metric) and the dashboard. Both the API provisioning and the
 * Terraform file are renderings of one plan.
 *
 * @param rules the alert rules, in a stable order
 * @param dashboard the dashboard
 */
record Plan(List<AlertRule> rules, Dashboard dashboard) {

  Plan {
    rules = List.copyOf(rules);
  }

  static Plan of(ProvisionSettings s) {
    List<AlertRule> rules = new ArrayList<>();
    for (PromptScope p : s.prompts()) {
      for (AlertMetric m : AlertMetric.values()) {
        OptionalDouble t = s.threshold(p, m);
        if (t.isPresent()) {
          rules.add(new AlertRule(m, p, t.getAsDouble(), s.environment(), s.timeWindowSeconds()));
        }
      }
    }
    return new Plan(rules, dashboard(s));
  }

  private static Dashboard dashboard(ProvisionSettings s) {
    String env = "environment:\"" + s.environment() + "\"";
    String prompts = s.prompts().isEmpty() ? "" : " " + promptFilter(s.prompts());
    String promptSpans = "span.op:" + SentryFields.OP_PROMPT + " " + env + prompts;
    String tests = "span.op:" + SentryFields.OP_TEST + " " + env + prompts;
    String calls = "span.op:" + SentryFields.OP_GEN_AI_PREFIX + "* has:" + SentryFields.RUN_ID
        + " " + env + prompts;
    List<Dashboard.Widget> w = new ArrayList<>();
    w.add(perVersion("Pass rate by prompt version", SentryFields.PASS_RATE, promptSpans, 0, 0));
    w.add(perVersion("Hallucination rate by prompt version", SentryFields.HALLUCINATION_RATE,
        promptSpans, 3, 0));
    w.add(perVersion("Quality score by prompt version (model-graded, 0-10)",
        SentryFields.QUALITY_SCORE, promptSpans, 0, 2));
    w.add(perVersion("Cost per case by prompt version (USD)", SentryFields.COST_PER_CASE_USD,
        promptSpans, 3, 2));
    w.add(new Dashboard.Widget("p95 LLM call latency by prompt version", "line",
        new Dashboard.Query(List.of(SentryFields.PROMPT_ID, SentryFields.PROMPT_VERSION),
            List.of("p95(span.duration)"), calls, "-p95(span.duration)"), 10, 0, 4, 3, 2));
    w.add(perVersion("Judge cost by prompt version (USD)", SentryFields.JUDGE_COST_USD,
        promptSpans, 3, 4));
    w.add(new Dashboard.Widget("Failing cases", "table", new Dashboard.Query(
        List.of(SentryFields.PROMPT_ID, SentryFields.PROMPT_VERSION, SentryFields.CASE,
            "transaction"),
        List.of("count()"), tests + " " + SentryFields.TEST_STATUS + ":fail", "-count()"),
        20, 0, 6, 6, 3));
    w.add(new Dashboard.Widget("Flaky tests", "table", new Dashboard.Query(
        List.of("transaction"), List.of("count()"),
        tests + " " + SentryFields.TEST_FLAKY + ":true", "-count()"), 20, 0, 9, 3, 3));
    w.add(new Dashboard.Widget("LLM calls of evals4j runs", "table", new Dashboard.Query(
        List.of(SentryFields.PROMPT_ID, SentryFields.PROMPT_VERSION, SentryFields.MODEL),
        List.of("count()", "p95(span.duration)", "sum(gen_ai.usage.total_tokens)"), calls,
        "-count()"), 20, 3, 9, 3, 3));
    return new Dashboard(s.dashboardTitle(), s.environment(), w);
  }

  private static Dashboard.Widget perVersion(String title, String field, String conditions, int x,
      int y) {
    String aggregate = "avg(" + SentryFields.number(field) + ")";
    return new Dashboard.Widget(title, "line", new Dashboard.Query(
        List.of(SentryFields.PROMPT_ID, SentryFields.PROMPT_VERSION), List.of(aggregate),
        conditions, "-" + aggregate), 10, x, y, 3, 2);
  }

  /** {@code prompt.id:["a","b"]}, or one id with its version. */
  private static String promptFilter(List<PromptScope> prompts) {
    if (prompts.size() == 1) {
      return prompts.get(0).filter();
    }
    return SentryFields.PROMPT_ID + ":[" + prompts.stream().map(p -> "\"" + p.id() + "\"")
        .distinct().collect(Collectors.joining(",")) + "]";
  }
}
