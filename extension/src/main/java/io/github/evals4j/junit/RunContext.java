package io.github.evals4j.junit;

import io.sentry.IScopes;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link RunCollector} may use of the run beyond its records: the run's configuration
 * parameters, its environment, and the extension's own Sentry client (to send run-level data at
 * the end of the run, before the extension's bounded flush).
 *
 * <pre>{@code
 * public void runStarted(RunContext run) {
 *   this.run = run;
 *   this.dir = run.configurationParameter(ConfigKeys.REPORT_DIR.name()).orElse("target/evals4j");
 * }
 * public void runFinished(RunOutcome info) {
 *   run.sentry().ifPresent(scopes -> scopes.captureMessage("run over"));
 * }
 * }</pre>
 */
public interface RunContext {

  /** A JUnit configuration parameter ({@code junit-platform.properties}, system properties...). */
  Optional<String> configurationParameter(String key);

  /**
   * The {@code evals4j.*} keys given through a source that can be listed (system properties,
   * {@code junit-platform.properties}, {@code @Prompt(gates = ...)}), e.g. to find the members of a
   * key family such as {@code evals4j.gate.*}; read their values through
   * {@link #configurationParameter}, which keeps JUnit's precedence.
   */
  default java.util.Set<String> configurationKeys() {
    return java.util.Set.of();
  }

  /** The environment variables the run sees (CI facts, {@code GITHUB_STEP_SUMMARY}). */
  Map<String, String> environment();

  /**
   * Fresh scopes of the extension's Sentry client, tagged with the run id, while the client is
   * open (until every collector's {@link RunCollector#runFinished} returned); empty when Sentry is
   * off. Never the application's own Sentry.
   */
  Optional<IScopes> sentry();
}
