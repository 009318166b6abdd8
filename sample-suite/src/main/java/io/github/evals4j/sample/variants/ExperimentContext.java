package io.github.evals4j.sample.variants;

import java.util.Map;
import java.util.Objects;

/**
 * What an A/B test should improve, and where.
 *
 * @param reference the experiment ticket reference
 * @param product the product or site
 * @param page the page or flow under test
 * @param goal the metric to move
 * @param baseline the current numbers, as the team knows them
 * @param notes what the team already knows or tried
 */
public record ExperimentContext(
    String reference, String product, String page, String goal, String baseline, String notes) {

  public ExperimentContext {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(page, "page");
    Objects.requireNonNull(goal, "goal");
    Objects.requireNonNull(baseline, "baseline");
    notes = notes == null ? "" : notes;
  }

  Map<String, String> values() {
    return Map.of("reference", reference, "product", product, "page", page, "goal", goal,
        "baseline", baseline, "notes", notes);
  }
}
