package io.github.evals4j.junit;

import io.github.evals4j.config.ConfigKeys;
import io.github.evals4j.junit.ci.CiEnvironment;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The run's configuration, read once: JUnit configuration parameters {@code evals4j.*} (JUnit
 * already lets system properties override {@code junit-platform.properties}) and the environment.
 */
record Config(
    boolean enabled,
    String runId,
    Optional<String> dsn,
    String dsnSource,
    TraceMode traceMode,
    SendMode sendMode,
    double sampleRate,
    boolean alwaysReport,
    Duration flushTimeout,
    boolean sendSkipped,
    int maxValueLength,
    int maxSpans,
    int queueSize,
    int senders,
    Compression compression,
    QueueFull queueFull,
    Duration queueFullWait,
    boolean linkAppEvents,
    Optional<String> release,
    String environment,
    CiEnvironment ci,
    Set<String> informationalChecks,
    boolean sendMessages) {

  static final String PREFIX = ConfigKeys.PREFIX;
  static final String ENABLED = ConfigKeys.ENABLED.name();
  static final String RUN_ID = ConfigKeys.RUN_ID.name();
  static final String DSN = ConfigKeys.SENTRY_DSN.name();
  static final String TRACE = ConfigKeys.SENTRY_TRACE.name();
  static final String SEND = ConfigKeys.SENTRY_SEND.name();
  static final String SAMPLE_RATE = ConfigKeys.SENTRY_SAMPLE_RATE.name();
  static final String ALWAYS_REPORT = ConfigKeys.SENTRY_ALWAYS_REPORT.name();
  static final String ALWAYS_REPORT_BRANCHES = ConfigKeys.SENTRY_ALWAYS_REPORT_BRANCHES.name();
  static final String FLUSH_TIMEOUT = ConfigKeys.SENTRY_FLUSH_TIMEOUT.name();
  static final String SEND_SKIPPED = ConfigKeys.SENTRY_SEND_SKIPPED.name();
  static final String MAX_VALUE_LENGTH = ConfigKeys.SENTRY_MAX_VALUE_LENGTH.name();
  static final String MAX_SPANS = ConfigKeys.SENTRY_MAX_SPANS.name();
  static final String QUEUE_SIZE = ConfigKeys.SENTRY_QUEUE_SIZE.name();
  static final String SENDERS = ConfigKeys.SENTRY_SENDERS.name();
  static final String COMPRESSION = ConfigKeys.SENTRY_COMPRESSION.name();
  static final String QUEUE_FULL = ConfigKeys.SENTRY_QUEUE_FULL.name();
  static final String QUEUE_FULL_WAIT = ConfigKeys.SENTRY_QUEUE_FULL_WAIT.name();
  static final String LINK_APP_EVENTS = ConfigKeys.SENTRY_LINK_APP_EVENTS.name();
  static final String SEND_MESSAGES = ConfigKeys.SENTRY_SEND_MESSAGES.name();
  static final String RELEASE = ConfigKeys.SENTRY_RELEASE.name();
  static final String ENVIRONMENT = ConfigKeys.SENTRY_ENVIRONMENT.name();
  /** Which environment variables the run reads: {@code system} or {@code none} ({@link Environment}). */
  static final String ENVIRONMENT_SOURCE = ConfigKeys.ENVIRONMENT_SOURCE.name();
  /** Owned by the report settings; read here too because {@code eval.status} honours it. */
  static final String INFORMATIONAL_CHECKS = io.github.evals4j.report.ReportSettings.INFORMATIONAL;

  /** How transactions are grouped into traces. */
  enum TraceMode {
    /** One trace per test: small traces, no class view. */
    TEST,
    /** One trace per top-level test class (default): the class and its tests together. */
    CLASS,
    /** One trace for the whole run: complete, but Sentry's trace view stops near 100 transactions. */
    RUN
  }

  /** Whether envelopes are gzipped. */
  enum Compression {
    /** gzip, except to an endpoint on this machine (its host is loopback). */
    AUTO,
    GZIP,
    NONE
  }

  /** What a test's thread does when the Sentry queue is full. */
  enum QueueFull {
    /** Wait for room, at most {@code queue-full-wait} per test, then drop (counted). */
    WAIT,
    /** Drop the envelope at once (counted). */
    DROP
  }

  /** Which test transactions are sent. */
  enum SendMode {
    ALL,
    ERRORS_ONLY,
    FLAKY_ONLY
  }

  static Config from(Function<String, Optional<String>> params, Map<String, String> env) {
    return from(params, env, key -> Optional.empty());
  }

  /**
   * @param sentryProperties Sentry's own configuration ({@code sentry.properties},
   *     {@code sentry.*} system properties), read for {@code release} and {@code environment}
   */
  static Config from(Function<String, Optional<String>> params, Map<String, String> env,
      Function<String, Optional<String>> sentryProperties) {
    Params p = new Params(params);
    CiEnvironment ci = CiEnvironment.detect(env);
    String runId = p.string(RUN_ID)
        .or(() -> nonBlank(env.get(ConfigKeys.RUN_ID.env().orElseThrow())))
        .or(ci::runId)
        .orElseGet(() -> "local-" + UUID.randomUUID());
    Optional<String> dsn = p.string(DSN);
    String dsnSource = DSN;
    if (dsn.isEmpty()) {
      dsnSource = ConfigKeys.SENTRY_DSN.env().orElseThrow();
      dsn = nonBlank(env.get(dsnSource));
    }
    if (dsn.isEmpty()) {
      dsn = nonBlank(env.get("SENTRY_DSN"));
      dsnSource = "SENTRY_DSN";
    }
    List<String> alwaysBranches = p.string(ALWAYS_REPORT_BRANCHES)
        .map(s -> Arrays.stream(s.split(",")).map(String::strip).filter(b -> !b.isEmpty()).toList())
        .orElse(List.of());
    boolean alwaysReport = p.bool(ALWAYS_REPORT, false)
        || (ci.branch() != null && alwaysBranches.contains(ci.branch()));
    Optional<String> release = p.string(RELEASE)
        .or(() -> nonBlank(env.get("SENTRY_RELEASE")))
        .or(() -> sentryProperties.apply("release").flatMap(Config::nonBlank))
        .or(() -> Optional.ofNullable(ci.commitSha()));
    String environment = p.string(ENVIRONMENT)
        .or(() -> nonBlank(env.get("SENTRY_ENVIRONMENT")))
        .or(() -> sentryProperties.apply("environment").flatMap(Config::nonBlank))
        .orElse(ci.isCi() ? "ci" : "local");
    double sampleRate = p.decimal(SAMPLE_RATE, 1.0);
    if (!(sampleRate >= 0.0 && sampleRate <= 1.0)) {
      throw p.invalid(SAMPLE_RATE, "a number from 0 to 1");
    }
    return new Config(
        p.bool(ENABLED, true),
        runId,
        dsn,
        dsnSource,
        p.choice(TRACE, TraceMode.class, TraceMode.CLASS),
        p.choice(SEND, SendMode.class, SendMode.ALL),
        sampleRate,
        alwaysReport,
        p.duration(FLUSH_TIMEOUT, dsn.filter(Config::isLoopback).isPresent()
            ? LOCAL_FLUSH_TIMEOUT : Duration.ofSeconds(3)),
        p.bool(SEND_SKIPPED, false),
        p.integer(MAX_VALUE_LENGTH, 200, 16),
        p.integer(MAX_SPANS, 200, 1),
        p.integer(QUEUE_SIZE, 20_000, 30),
        p.integer(SENDERS, 4, 1),
        p.choice(COMPRESSION, Compression.class, Compression.AUTO),
        p.choice(QUEUE_FULL, QueueFull.class, QueueFull.WAIT),
        p.duration(QUEUE_FULL_WAIT, Duration.ofMillis(200)),
        p.bool(LINK_APP_EVENTS, true),
        release,
        environment,
        ci,
        p.string(INFORMATIONAL_CHECKS).map(s -> Arrays.stream(s.split(",")).map(String::strip)
            .filter(n -> !n.isEmpty()).collect(java.util.stream.Collectors.toUnmodifiableSet()))
            .orElse(Set.of()),
        p.bool(SEND_MESSAGES, false));
  }

  /**
   * The default flush bound for a DSN on this machine (Sentry Spotlight's sidecar): a local
   * endpoint that is not running refuses at once, and one that runs takes its time (Spotlight
   * accepted about 15 transactions a second on a busy machine), so waiting longer loses nothing in
   * CI and keeps a local run whole. Remote DSNs keep the short bound.
   */
  static final Duration LOCAL_FLUSH_TIMEOUT = Duration.ofSeconds(120);

  /** Whether envelopes are gzipped: always, never, or unless the DSN's host is this machine. */
  boolean gzip() {
    return switch (compression) {
      case GZIP -> true;
      case NONE -> false;
      case AUTO -> dsn.filter(Config::isLoopback).isEmpty();
    };
  }

  /** Whether the DSN's host is this machine, judged from its text (no name lookup). */
  static boolean isLoopback(String dsn) {
    String host;
    try {
      host = java.net.URI.create(dsn.strip()).getHost();
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (host == null) {
      return false;
    }
    host = host.toLowerCase(Locale.ROOT);
    return host.equals("localhost") || host.endsWith(".localhost") || host.equals("[::1]")
        || host.matches("127(\\.\\d{1,3}){3}");
  }

  private static Optional<String> nonBlank(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
  }

  /** Parses values; a malformed value fails loudly, naming the key and what is allowed. */
  private record Params(Function<String, Optional<String>> source) {

    Optional<String> string(String key) {
      return source.apply(key).flatMap(Config::nonBlank);
    }

    boolean bool(String key, boolean def) {
      Optional<String> v = string(key);
      if (v.isEmpty()) {
        return def;
      }
      String s = v.get().toLowerCase(Locale.ROOT);
      if (s.equals("true") || s.equals("false")) {
        return Boolean.parseBoolean(s);
      }
      throw invalid(key, "true or false");
    }

    double decimal(String key, double def) {
      Optional<String> v = string(key);
      try {
        return v.map(Double::parseDouble).orElse(def);
      } catch (NumberFormatException e) {
        throw invalid(key, "a number");
      }
    }

    int integer(String key, int def, int min) {
      Optional<String> v = string(key);
      try {
        int value = v.map(Integer::parseInt).orElse(def);
        if (value < min) {
          throw invalid(key, "an integer >= " + min);
        }
        return value;
      } catch (NumberFormatException e) {
        throw invalid(key, "an integer >= " + min);
      }
    }

    Duration duration(String key, Duration def) {
      Optional<String> v = string(key);
      if (v.isEmpty()) {
        return def;
      }
      String s = v.get().toLowerCase(Locale.ROOT);
      try {
        Duration d;
        if (s.endsWith("ms")) {
          d = Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).strip()));
        } else if (s.endsWith("s")) {
          d = Duration.ofMillis(
              Math.round(Double.parseDouble(s.substring(0, s.length() - 1).strip()) * 1000));
        } else {
          d = Duration.ofMillis(Long.parseLong(s));
        }
        if (d.isNegative()) {
          throw invalid(key, "a duration such as 3s, 500ms or 3000 (milliseconds)");
        }
        return d;
      } catch (NumberFormatException e) {
        throw invalid(key, "a duration such as 3s, 500ms or 3000 (milliseconds)");
      }
    }

    <E extends Enum<E>> E choice(String key, Class<E> type, E def) {
      Optional<String> v = string(key);
      if (v.isEmpty()) {
        return def;
      }
      String s = v.get().toUpperCase(Locale.ROOT).replace('-', '_');
      for (E e : type.getEnumConstants()) {
        if (e.name().equals(s)) {
          return e;
        }
      }
      StringBuilder allowed = new StringBuilder();
      for (E e : type.getEnumConstants()) {
        allowed.append(allowed.length() == 0 ? "" : ", ")
            .append(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
      }
      throw invalid(key, "one of " + allowed);
    }

    ExtensionConfigurationException invalid(String key, String allowed) {
      return new ExtensionConfigurationException(
          "evals4j: configuration parameter '" + key + "' has the value '"
              + string(key).orElse("") + "'; allowed: " + allowed);
    }
  }
}
