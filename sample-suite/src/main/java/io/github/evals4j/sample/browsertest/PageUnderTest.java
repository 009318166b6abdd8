package io.github.evals4j.sample.browsertest;

import java.util.Map;
import java.util.Objects;

/**
 * A page and the feature a browser test should exercise on it.
 *
 * @param reference the team's reference for this test request
 * @param feature what the test should verify, in plain words
 * @param url the page's URL
 * @param html the page's HTML (the part the test touches); selectors must exist in it
 */
public record PageUnderTest(String reference, String feature, String url, String html) {

  public PageUnderTest {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(feature, "feature");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(html, "html");
  }

  Map<String, String> values() {
    return Map.of("reference", reference, "feature", feature, "url", url, "html", html);
  }
}
