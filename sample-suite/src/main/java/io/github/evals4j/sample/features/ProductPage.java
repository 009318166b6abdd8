package io.github.evals4j.sample.features;

import java.util.Map;
import java.util.Objects;

/**
 * A product page to extract features from.
 *
 * @param reference a reference the team uses for this page (shown to the model as "Reference:")
 * @param productName the product's name
 * @param description the page's description text
 */
public record ProductPage(String reference, String productName, String description) {

  public ProductPage {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(productName, "productName");
    Objects.requireNonNull(description, "description");
  }

  Map<String, String> values() {
    return Map.of("reference", reference, "productName", productName, "description", description);
  }
}
