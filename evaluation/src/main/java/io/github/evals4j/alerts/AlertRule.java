package io.github.evals4j.alerts;

/**
 * One alert evals4j manages: a metric of one prompt, its threshold, on one environment. Its
 * {@link #name()} is stable (it carries no threshold), so a changed threshold updates the rule
 * Sentry already has instead of creating another.
 *
 * @param metric what is watched
 * @param prompt whose spans
 * @param threshold the value that fires the alert (above or below it, see the metric)
 * @param environment the Sentry environment of the data ({@code ci} by default)
 * @param timeWindowSeconds the window the aggregate is computed over
 */
record AlertRule(AlertMetric metric, PromptScope prompt, double threshold, String environment,
    int timeWindowSeconds) {

  /** Every name evals4j gives starts with this: what it may update, never what others made. */
  static final String PREFIX = "evals4j: ";

  String name() {
    return PREFIX + prompt.label() + " " + metric.title();
  }

  /** The search query: the metric's spans of this prompt. */
  String query() {
    return "span.op:" + metric.op() + " " + prompt.filter();
  }

  /** What the resulting Sentry issue says. */
  String description() {
    return "evals4j: " + metric.title() + " of prompt " + prompt.label() + " "
        + (metric.direction() == AlertMetric.Direction.ABOVE ? "above " : "below ")
        + metric.format(threshold) + " in environment " + environment
        + " (managed by evals4j sentry-provision: change thresholds with its options; its next"
        + " run resets edits made in Sentry)";
  }
}
