package io.github.evals4j.sample.social;

import java.util.Map;
import java.util.Objects;

/**
 * What a social post should announce.
 *
 * @param reference the marketing ticket reference
 * @param topic what is announced
 * @param keyFacts the facts the post may use (and no others)
 * @param audience who should read it
 * @param link the URL to share
 */
public record PostBrief(String reference, String topic, String keyFacts, String audience, String link) {

  public PostBrief {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(keyFacts, "keyFacts");
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(link, "link");
  }

  Map<String, String> values(Platform platform) {
    return Map.of("reference", reference, "topic", topic, "keyFacts", keyFacts,
        "audience", audience, "link", link, "platform", platform.displayName());
  }
}
