package io.github.evals4j.gate;

import io.github.evals4j.prompt.PromptRef;
import java.util.Objects;

/**
 * One gate of one prompt version: the metric, its value, the threshold and the baseline's value.
 *
 * @param prompt the prompt version
 * @param metric the gate key, e.g. {@code min-pass-rate}
 * @param status the outcome
 * @param value the measured value, formatted (e.g. {@code 81.2 %}, {@code $0.14}); {@code unknown}
 *     when unknown
 * @param threshold the threshold, formatted (e.g. {@code ≥ 90.0 %})
 * @param baseline the baseline's value, formatted, or empty when there is no baseline
 * @param message one readable line: prompt, metric, value, threshold, baseline
 */
public record GateResult(
    PromptRef prompt, String metric, GateStatus status, String value, String threshold,
    String baseline, String message) {

  public GateResult {
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(status, "status");
    value = Objects.requireNonNullElse(value, "");
    threshold = Objects.requireNonNullElse(threshold, "");
    baseline = Objects.requireNonNullElse(baseline, "");
    message = Objects.requireNonNullElse(message, "");
  }

  /** Whether this gate fails the build. */
  public boolean failed() {
    return status == GateStatus.FAILED;
  }
}
