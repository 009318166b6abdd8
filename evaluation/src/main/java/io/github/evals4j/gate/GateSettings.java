package io.github.evals4j.gate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Gate thresholds for every prompt: run-wide keys {@code evals4j.gate.<key>} and per-prompt keys
 * {@code evals4j.gate.<promptId>.<key>} (the prompt's key wins). Keys:
 *
 * <table>
 *   <caption>gate keys</caption>
 *   <tr><td>{@code min-pass-rate}</td><td>0.90</td></tr>
 *   <tr><td>{@code pass-rate-on-lower-bound}</td><td>false</td></tr>
 *   <tr><td>{@code max-hallucination-rate}</td><td>0.05</td></tr>
 *   <tr><td>{@code max-cost-per-case}</td><td>off (USD)</td></tr>
 *   <tr><td>{@code max-cost-per-run}</td><td>0.10 (USD)</td></tr>
 *   <tr><td>{@code max-p95-latency-ms}</td><td>off</td></tr>
 *   <tr><td>{@code min-quality-score}</td><td>off</td></tr>
 *   <tr><td>{@code no-regression}</td><td>true</td></tr>
 *   <tr><td>{@code score-drop-margin}</td><td>0.2</td></tr>
 *   <tr><td>{@code fail-on-unknown}</td><td>false</td></tr>
 * </table>
 *
 * <p>A threshold set to {@code off} switches its gate off.
 *
 * <pre>{@code
 * GateSettings gates = GateSettings.from(Map.of("evals4j.gate.summarize.min-pass-rate", "0.95"));
 * GateConfig forSummarize = gates.forPrompt("summarize");
 * }</pre>
 */
public final class GateSettings {

  /** The prefix of every gate key. */
  public static final String PREFIX = "evals4j.gate.";

  /** Every gate key (without prefix). */
  public static final List<String> KEYS = List.of(
      "min-pass-rate", "pass-rate-on-lower-bound", "max-hallucination-rate", "max-cost-per-case",
      "max-cost-per-run", "max-p95-latency-ms", "min-quality-score", "no-regression",
      "score-drop-margin", "fail-on-unknown", "min-case-pass-rate");

  private final Map<String, String> global;
  private final Map<String, Map<String, String>> perPrompt;

  private GateSettings(Map<String, String> global, Map<String, Map<String, String>> perPrompt) {
    this.global = global;
    this.perPrompt = perPrompt;
  }

  /** The defaults of {@link GateConfig#defaults()} for every prompt. */
  public static GateSettings defaults() {
    return new GateSettings(Map.of(), Map.of());
  }

  /**
   * Settings from configuration properties (e.g. {@code junit-platform.properties} overlaid with
   * system properties); other keys are ignored.
   *
   * @throws IllegalArgumentException naming the key of an unknown gate key or a malformed value
   */
  public static GateSettings from(Map<String, String> properties) {
    Map<String, String> global = new LinkedHashMap<>();
    Map<String, Map<String, String>> perPrompt = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : properties.entrySet()) {
      String key = e.getKey();
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
        throw new IllegalArgumentException(
            "unknown gate key '" + key + "'; known: " + PREFIX + "[<promptId>.]" + String.join("|", KEYS));
      }
      perPrompt.computeIfAbsent(rest.substring(0, dot), id -> new LinkedHashMap<>()).put(gate, e.getValue());
    }
    GateSettings settings = new GateSettings(global, perPrompt);
    // Parse every value now, so a typo fails at start-up naming its key, not at the end of the run.
    settings.forPrompt("");
    for (String id : perPrompt.keySet()) {
      settings.forPrompt(id);
    }
    return settings;
  }

  /** The thresholds of prompt {@code id}. */
  public GateConfig forPrompt(String id) {
    Map<String, String> values = new LinkedHashMap<>(global);
    values.putAll(perPrompt.getOrDefault(id, Map.of()));
    GateConfig d = GateConfig.defaults();
    String where = perPrompt.containsKey(id) ? PREFIX + id + "." : PREFIX;
    return new GateConfig(
        threshold(values, "min-pass-rate", d.minPassRate(), where),
        bool(values, "pass-rate-on-lower-bound", d.passRateOnLowerBound(), where),
        threshold(values, "max-hallucination-rate", d.maxHallucinationRate(), where),
        threshold(values, "max-cost-per-case", d.maxCostPerCaseUsd(), where),
        threshold(values, "max-cost-per-run", d.maxCostPerRunUsd(), where),
        threshold(values, "max-p95-latency-ms", d.maxP95LatencyMs(), where),
        threshold(values, "min-quality-score", d.minQualityScore(), where),
        bool(values, "no-regression", d.noRegression(), where),
        threshold(values, "score-drop-margin", OptionalDouble.of(d.scoreDropMargin()), where).orElse(0),
        bool(values, "fail-on-unknown", d.failOnUnknown(), where),
        threshold(values, "min-case-pass-rate", d.minCasePassRate(), where));
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
