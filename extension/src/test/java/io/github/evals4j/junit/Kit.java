package io.github.evals4j.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.HashMap;
import java.util.Map;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs fixture classes through JUnit's {@link EngineTestKit} with explicit configuration
 * (EngineTestKit ignores {@code junit-platform.properties}), reading no environment variable.
 */
final class Kit {

  private final Map<String, String> params = new HashMap<>();

  private Kit() {
    // hermetic: a developer's SENTRY_DSN or a CI runner's variables never reach a fixture run
    params.put(Config.ENVIRONMENT_SOURCE, "none");
  }

  static Kit with(String key, String value) {
    return new Kit().and(key, value);
  }

  static Kit sentry(SentryEndpoint endpoint) {
    return with(Config.DSN, endpoint.dsn()).and(Config.RUN_ID, "test-run")
        .and(Config.FLUSH_TIMEOUT, "10s");
  }

  static Kit plain() {
    return new Kit();
  }

  Kit and(String key, String value) {
    params.put(key, value);
    return this;
  }

  EngineExecutionResults run(Class<?>... classes) {
    var kit = EngineTestKit.engine("junit-jupiter").configurationParameters(params);
    for (Class<?> c : classes) {
      kit = kit.selectors(selectClass(c));
    }
    return kit.execute();
  }
}
