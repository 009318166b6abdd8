package io.github.evals4j.gate;

import io.github.evals4j.config.ConfigKeys;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Gate thresholds for every prompt version: run-wide keys {@code evals4j.gate.<metric>},
 * per-prompt keys {@code evals4j.gate.<prompt id>.<metric>} and per-version keys
 * {@code evals4j.gate.<prompt id>@<version>.<metric>} (the most specific wins), and the reference
 * versions ({@code evals4j.prompt.<prompt id>.reference=<version>}) that are compared but never
 * gated. The metrics and their defaults are those of {@link io.github.evals4j.config.ConfigKeys}
 * ({@code min-pass-rate} 0.90, {@code max-hallucination-rate} 0.05, {@code max-cost-per-run} 0.10,
 * {@code no-regression} true, ...). A threshold set to {@code off} switches its gate off.
 *
 * <pre>{@code
 * GateSettings gates = GateSettings.from(Map.of(
 *     "evals4j.gate.summarize@v2.min-pass-rate", "0.95",
 *     "evals4j.prompt.summarize.reference", "v1"));
 * GateConfig v2 = gates.forVersion("summarize", "v2");      // min pass rate 0.95
 * boolean v1IsReference = gates.reference("summarize").equals(Optional.of("v1"));
 * }</pre>
 */
public final class GateSettings {

  /** The prefix of every gate key. */
  public static final String PREFIX = ConfigKeys.GATE_PREFIX;

  /** Every gate metric (the last segment of a gate key). */
  public static final List<String> KEYS = ConfigKeys.gateMetrics();

  private static final String REFERENCE_SUFFIX = ".reference";

  private final Map<String, String> global;
  private final Map<String, Map<String, String>> perTarget;
  private final Map<String, String> references;

  private GateSettings(Map<String, String> global, Map<String, Map<String, String>> perTarget,
      Map<String, String> references) {
    this.global = global;
    this.perTarget = perTarget;
    this.references = references;
  }

  /** The defaults of {@link GateConfig#defaults()} for every prompt, no reference version. */
  public static GateSettings defaults() {
    return new GateSettings(Map.of(), Map.of(), Map.of());
  }

  /** The key of {@code metric} for one prompt version: {@code evals4j.gate.<id>@<version>.<metric>}. */
  public static String key(String promptId, String version, String metric) {
    return PREFIX + promptId + "@" + version + "." + metric;
  }

  /**
   * Settings from configuration properties (e.g. {@code junit-platform.properties} overlaid with
   * system properties); keys other than gate and reference keys are ignored.
   *
   * @throws IllegalArgumentException naming the key (and the closest gate) of an unknown gate key,
   *     or the key of a malformed value
   */
  public static GateSettings from(Map<String, String> properties) {
    Map<String, String> global = new LinkedHashMap<>();
    Map<String, Map<String, String>> perTarget = new LinkedHashMap<>();
    Map<String, String> references = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : properties.entrySet()) {
      String key = e.getKey();
      if (key.startsWith(ConfigKeys.PROMPT_PREFIX) && key.endsWith(REFERENCE_SUFFIX)
          && key.length() > ConfigKeys.PROMPT_PREFIX.length() + REFERENCE_SUFFIX.length()) {
        String id = key.substring(ConfigKeys.PROMPT_PREFIX.length(), key.length() - REFERENCE_SUFFIX.length());
        String version = e.getValue() == null ? "" : e.getValue().strip();
        if (version.isEmpty()) {
          throw new IllegalArgumentException(key + ": expected the reference version of prompt '"
              + id + "', e.g. v1");
        }
        references.put(id, version);
        continue;
      }
      if (!key.startsWith(PREFIX)) {
        continue;
      }
      String rest = key.substring(PREFIX.length());
      if (KEYS.contains(rest)) {
        global.put(rest, e.getValue());
        continue;
      }
      int dot = rest.lastIndexOf('.');
      String gate = rest.substring(dot + 1);
      if (dot <= 0 || !KEYS.contains(gate)) {
        throw new IllegalArgumentException("unknown gate key '" + key + "'; closest: '"
            + ConfigKeys.closest(key) + "' (gate keys: " + PREFIX
            + "[<prompt id>[@<version>].]<" + String.join("|", KEYS) + ">)");
      }
      perTarget.computeIfAbsent(rest.substring(0, dot), t -> new LinkedHashMap<>()).put(gate, e.getValue());
    }
    GateSettings settings = new GateSettings(global, perTarget, references);
    // Parse every value now, so a typo fails at start-up naming its key, not at the end of the run.
    settings.config(List.of());
    for (String target : perTarget.keySet()) {
      settings.config(List.of(target));
    }
    return settings;
  }

  /** The thresholds of prompt {@code id} (run-wide and per-prompt keys, not per-version ones). */
  public GateConfig forPrompt(String id) {
    return config(List.of(id));
  }

  /** The thresholds of one prompt version: per-version keys over per-prompt over run-wide ones. */
  public GateConfig forVersion(String id, String version) {
    return config(List.of(id, id + "@" + version));
  }

  /** The reference version of prompt {@code id}, if one is configured. */
  public Optional<String> reference(String id) {
    return Optional.ofNullable(references.get(id));
  }

  /** Whether any key targets one version of prompt {@code id} (rather than the whole prompt). */
  public boolean targetsVersions(String id) {
    return perTarget.keySet().stream().anyMatch(t -> t.startsWith(id + "@"));
  }

  /** The values of {@code targets}' keys over the run-wide ones, later targets winning. */
  private GateConfig config(List<String> targets) {
    Map<String, String> values = new LinkedHashMap<>(global);
    String where = PREFIX;
    for (String t : targets) {
      Map<String, String> own = perTarget.get(t);
      if (own != null) {
        values.putAll(own);
        where = PREFIX + t + ".";
      }
    }
    GateConfig d = GateConfig.defaults();
    return new GateConfig(
        threshold(values, "min-pass-rate", d.minPassRate(), where),
        bool(values, "pass-rate-on-lower-bound", d.passRateOnLowerBound(), where),
        threshold(values, "max-hallucination-rate", d.maxHallucinationRate(), where),
        threshold(values, "max-cost-per-case", d.maxCostPerCaseUsd(), where),
        threshold(values, "max-cost-per-run", d.maxCostPerRunUsd(), where),
        threshold(values, "max-p95-latency-ms", d.maxP95LatencyMs(), where),
        quality(values, where, 0),
        bool(values, "no-regression", d.noRegression(), where),
        threshold(values, "score-drop-margin", OptionalDouble.of(d.scoreDropMargin()), where).orElse(0),
        bool(values, "fail-on-unknown", d.failOnUnknown(), where),
        threshold(values, "min-case-pass-rate", d.minCasePassRate(), where),
        quality(values, where, 1),
        threshold(values, "min-judge-agreement", d.minJudgeAgreement(), where),
        judgeErrors(values, where));
  }

  private static OptionalDouble threshold(Map<String, String> v, String key, OptionalDouble dflt, String where) {
    String s = v.get(key);
    if (s == null) {
      return dflt;
    }
    s = s.strip();
    if (s.equalsIgnoreCase("off")) {
      return OptionalDouble.empty();
    }
    try {
      double d = Double.parseDouble(s.endsWith("%") ? s.substring(0, s.length() - 1) : s);
      if (s.endsWith("%")) {
        d /= 100;
      }
      if (!Double.isFinite(d) || d < 0) {
        throw new NumberFormatException();
      }
      return OptionalDouble.of(d);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          where + key + ": expected a number >= 0 (or a percentage, or 'off'), got '" + v.get(key) + "'");
    }
  }

  /**
   * {@code min-quality-score}: {@code 7} (each rubric on its own scale, or the 0..1 mean without
   * rubrics) or {@code 7/10} (naming the scale: a rubric on another scale is a misconfigured
   * gate). {@code part} 0 is the threshold, 1 the scale's top.
   */
  private static OptionalDouble quality(Map<String, String> v, String where, int part) {
    String key = "min-quality-score";
    String s = v.get(key);
    if (s == null || s.strip().equalsIgnoreCase("off")) {
      return OptionalDouble.empty();
    }
    String[] parts = s.strip().split("\\s*/\\s*", -1);
    try {
      if (parts.length > 2) {
        throw new NumberFormatException();
      }
      double threshold = Double.parseDouble(parts[0]);
      double max = parts.length == 2 ? Double.parseDouble(parts[1]) : Double.NaN;
      if (!Double.isFinite(threshold) || threshold < 0 || parts.length == 2
          && !(Double.isFinite(max) && max > 0 && threshold <= max)) {
        throw new NumberFormatException();
      }
      if (part == 0) {
        return OptionalDouble.of(threshold);
      }
      return parts.length == 2 ? OptionalDouble.of(max) : OptionalDouble.empty();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(where + key + ": expected a score >= 0, optionally with"
          + " the top of its scale (7 or 7/10), or 'off', got '" + s + "'");
    }
  }

  /** {@code judge-errors}: {@code unknown} (default) or {@code fail}. */
  private static boolean judgeErrors(Map<String, String> v, String where) {
    String s = v.get("judge-errors");
    if (s == null) {
      return false;
    }
    switch (s.strip().toLowerCase(Locale.ROOT)) {
      case "unknown":
        return false;
      case "fail":
        return true;
      default:
        throw new IllegalArgumentException(where + "judge-errors: expected unknown or fail, got '"
            + s + "'");
    }
  }

  private static boolean bool(Map<String, String> v, String key, boolean dflt, String where) {
    String s = v.get(key);
    if (s == null) {
      return dflt;
    }
    switch (s.strip().toLowerCase(Locale.ROOT)) {
      case "true":
        return true;
      case "false":
        return false;
      default:
        throw new IllegalArgumentException(where + key + ": expected true or false, got '" + s + "'");
    }
  }
}
