package io.github.evals4j.junit.reporting;

import io.github.evals4j.cost.PriceTable;
import io.github.evals4j.gate.GateSettings;
import io.github.evals4j.junit.RunContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The reporting keys of the run's configuration. Fixed keys are read through JUnit's configuration
 * parameters; key families ({@code evals4j.gate.*}, {@code evals4j.price.*}) cannot be listed through
 * JUnit's extension API, so their keys are gathered from the system properties and
 * {@code junit-platform.properties} (JUnit's own default sources) and from the prompt ids of the
 * run, then each value is read through the configuration parameters (so precedence stays JUnit's).
 */
final class ReportSettings {

  static final String ENABLED = "evals4j.report.enabled";
  static final String DIR = "evals4j.report.dir";
  static final String CONSOLE = "evals4j.report.console";
  static final String STEP_SUMMARY = "evals4j.report.step-summary";
  /** Scrub the local report files too (the step summary, the console and Sentry always are). */
  static final String SCRUB = "evals4j.report.scrub";
  static final String BASELINE = "evals4j.baseline";
  static final String INFORMATIONAL = "evals4j.checks.informational";
  static final String DEFAULT_DIR = "target/evals4j";

  private final RunContext run;
  private final Set<String> listedKeys;

  ReportSettings(RunContext run) {
    this.run = run;
    this.listedKeys = listedKeys();
  }

  boolean enabled() {
    return bool(ENABLED, true);
  }

  boolean console() {
    return bool(CONSOLE, true);
  }

  boolean stepSummary() {
    return bool(STEP_SUMMARY, true);
  }

  boolean scrubFiles() {
    return bool(SCRUB, false);
  }

  Path dir() {
    return Path.of(string(DIR).orElse(DEFAULT_DIR));
  }

  Optional<Path> baseline() {
    return string(BASELINE).map(Path::of);
  }

  /** Check names that are reported but never make a case run fail. */
  Set<String> informationalChecks() {
    return string(INFORMATIONAL)
        .map(s -> Arrays.stream(s.split(",")).map(String::strip).filter(n -> !n.isEmpty())
            .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)))
        .map(Set::copyOf).orElse(Set.of());
  }

  /**
   * The bundled prices with the overrides: {@code evals4j.price-file}, then {@code
   * evals4j.price.<model>.input|output|cached-input}.
   */
  PriceTable prices() {
    Map<String, String> overrides = family(PriceTable.PRICE_PREFIX, List.of());
    string(PriceTable.PRICE_FILE)
        .ifPresent(f -> overrides.put(PriceTable.PRICE_FILE, f));
    return PriceTable.bundled().withOverrides(overrides);
  }

  /** Gate keys: listed ones plus run-wide and per-prompt keys for {@code promptIds}. */
  GateSettings gates(Collection<String> promptIds) {
    List<String> candidates = new java.util.ArrayList<>();
    for (String key : GateSettings.KEYS) {
      candidates.add(GateSettings.PREFIX + key);
      for (String id : promptIds) {
        candidates.add(GateSettings.PREFIX + id + "." + key);
      }
    }
    return GateSettings.from(family(GateSettings.PREFIX, candidates));
  }

  Optional<String> string(String key) {
    return run.configurationParameter(key).map(String::strip).filter(s -> !s.isEmpty());
  }

  boolean bool(String key, boolean dflt) {
    Optional<String> v = string(key);
    if (v.isEmpty()) {
      return dflt;
    }
    String s = v.get().toLowerCase(Locale.ROOT);
    if (!s.equals("true") && !s.equals("false")) {
      throw new IllegalArgumentException(
          "configuration parameter '" + key + "' has the value '" + v.get() + "'; allowed: true or false");
    }
    return Boolean.parseBoolean(s);
  }

  /** Every key starting with {@code prefix} that has a value, plus {@code candidates} that have one. */
  private Map<String, String> family(String prefix, List<String> candidates) {
    Set<String> keys = new LinkedHashSet<>();
    for (String k : listedKeys) {
      if (k.startsWith(prefix)) {
        keys.add(k);
      }
    }
    keys.addAll(candidates);
    Map<String, String> values = new LinkedHashMap<>();
    for (String k : keys) {
      string(k).ifPresent(v -> values.put(k, v));
    }
    return values;
  }

  private static Set<String> listedKeys() {
    Set<String> keys = new LinkedHashSet<>();
    System.getProperties().stringPropertyNames().forEach(keys::add);
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = ReportSettings.class.getClassLoader();
    }
    try (InputStream in = loader.getResourceAsStream("junit-platform.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        keys.addAll(p.stringPropertyNames());
      }
    } catch (IOException | IllegalArgumentException e) {
      // JUnit itself reports an unreadable junit-platform.properties
    }
    keys.removeIf(k -> !k.startsWith("evals4j."));
    return keys;
  }
}
