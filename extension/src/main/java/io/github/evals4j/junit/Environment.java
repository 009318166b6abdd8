package io.github.evals4j.junit;

import io.sentry.config.PropertiesProviderFactory;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Store;

/**
 * The one source of process environment the extension reads: {@code SENTRY_DSN},
 * {@code EVALS4J_*}, CI variables, {@code GITHUB_STEP_SUMMARY}, and Sentry's own configuration
 * ({@code sentry.properties}, {@code sentry.*} system properties, {@code SENTRY_*}).
 *
 * <p>Everything that would call {@code System.getenv()} asks this instead, so a run can be made
 * hermetic in one place: a map put in the launcher session's store under
 * {@link RunState#ENVIRONMENT_KEY} replaces the process environment (tests), and the
 * configuration parameter {@code evals4j.environment=none} makes the run read no environment
 * variable at all (a test suite that must not pick up a developer's {@code SENTRY_DSN}).
 */
final class Environment {

  private final Map<String, String> variables;
  private final Function<String, Optional<String>> sentryProperties;

  private Environment(Map<String, String> variables,
      Function<String, Optional<String>> sentryProperties) {
    this.variables = Map.copyOf(variables);
    this.sentryProperties = sentryProperties;
  }

  /** The process's own environment and Sentry's standard configuration. */
  static Environment system() {
    return new Environment(System.getenv(), Environment::sentryStandard);
  }

  /**
   * Only {@code variables}: Sentry's configuration is read from {@code sentry.*} system properties
   * and {@code SENTRY_*} entries of {@code variables}, never from the process environment.
   */
  static Environment of(Map<String, String> variables) {
    return new Environment(variables, key -> sentryFrom(variables, key));
  }

  /** The environment of {@code context}'s run: injected, none, or the process's. */
  @SuppressWarnings("unchecked")
  static Environment of(ExtensionContext context, Store sessionStore) {
    // The key is checked even when a test injects the environment: a malformed value is never ignored.
    String mode = context.getConfigurationParameter(Config.ENVIRONMENT_SOURCE).map(String::strip)
        .map(s -> s.toLowerCase(Locale.ROOT)).orElse("system");
    if (!mode.equals("none") && !mode.equals("system") && !mode.isEmpty()) {
      throw new org.junit.jupiter.api.extension.ExtensionConfigurationException(
          Config.ENVIRONMENT_SOURCE + " is '" + mode + "'; allowed: system, none");
    }
    Map<String, String> injected = sessionStore.get(RunState.ENVIRONMENT_KEY, Map.class);
    if (injected != null) {
      return of(injected);
    }
    return mode.equals("none") ? of(Map.of()) : system();
  }

  /** The environment variables, e.g. for CI detection; immutable. */
  Map<String, String> variables() {
    return variables;
  }

  /** A Sentry option ({@code release}, {@code environment}) from Sentry's own configuration. */
  Optional<String> sentryProperty(String key) {
    return sentryProperties.apply(key);
  }

  private static Optional<String> sentryStandard(String key) {
    try {
      return Optional.ofNullable(PropertiesProviderFactory.create().getProperty(key));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> sentryFrom(Map<String, String> variables, String key) {
    String variable = "SENTRY_" + key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    return Optional.ofNullable(System.getProperty("sentry." + key))
        .or(() -> Optional.ofNullable(variables.get(variable)));
  }
}
