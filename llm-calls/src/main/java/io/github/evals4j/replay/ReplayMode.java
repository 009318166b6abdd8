package io.github.evals4j.replay;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a {@link ReplayStore} does with a call: replay a recording, call the model live, or both.
 *
 * <p>Configured by the system property {@code evals4j.replay.mode}, else the environment variable
 * {@code EVALS4J_REPLAY_MODE}, else {@link #REPLAY}: a test run never calls a paid model unless
 * someone asked for it, on a laptop as in CI.
 *
 * <pre>{@code
 * ./mvnw verify -Devals4j.replay.mode=record   # re-record every call of the suite
 * }</pre>
 */
public enum ReplayMode {

  /** Replay only; a missing or stale recording is an error. The default. */
  REPLAY,
  /** Always call live and (over)write the recording. */
  RECORD,
  /** Replay when a recording exists, else call live and record it. */
  AUTO,
  /** Always call live, never read nor write a recording: a comparison run against today's model. */
  FRESH;

  /** The system property that selects the mode. */
  public static final String PROPERTY = "evals4j.replay.mode";

  /** The environment variable that selects the mode when the system property is unset. */
  public static final String ENV = "EVALS4J_REPLAY_MODE";

  /** The mode configured for this JVM (system property, then environment, then {@link #REPLAY}). */
  public static ReplayMode configured() {
    return resolve(System::getProperty, System::getenv);
  }

  /**
   * Parses {@code replay}, {@code record}, {@code auto} or {@code fresh} (any case, surrounding
   * blanks ignored).
   *
   * @throws IllegalArgumentException naming the value and the allowed ones
   */
  public static ReplayMode parse(String value) {
    String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    for (ReplayMode mode : values()) {
      if (mode.key().equals(v)) {
        return mode;
      }
    }
    throw new IllegalArgumentException("Unknown replay mode '" + value + "' (" + PROPERTY + " / "
        + ENV + "); allowed: " + Arrays.stream(values()).map(ReplayMode::key)
        .collect(Collectors.joining(", ")));
  }

  /** The lower-case name used in configuration, e.g. {@code auto}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  static ReplayMode resolve(Function<String, String> properties, Function<String, String> env) {
    String value = properties.apply(PROPERTY);
    if (value == null || value.isBlank()) {
      value = env.apply(ENV);
    }
    return value == null || value.isBlank() ? REPLAY : parse(value);
  }
}
