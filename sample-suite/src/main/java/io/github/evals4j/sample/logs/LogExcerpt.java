package io.github.evals4j.sample.logs;

import java.util.Map;
import java.util.Objects;

/**
 * A log excerpt an on-call engineer wants summarised.
 *
 * @param reference the incident or ticket reference
 * @param service the service the excerpt mostly comes from
 * @param log the raw log lines
 */
public record LogExcerpt(String reference, String service, String log) {

  public LogExcerpt {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(log, "log");
  }

  Map<String, String> values() {
    return Map.of("reference", reference, "service", service, "log", log);
  }
}
