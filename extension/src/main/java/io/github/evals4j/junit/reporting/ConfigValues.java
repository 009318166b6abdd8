package io.github.evals4j.junit.reporting;

import io.github.evals4j.config.ConfigKeys;
import io.github.evals4j.gate.GateSettings;
import io.github.evals4j.junit.RunContext;
import io.github.evals4j.prompt.PromptRef;
import io.github.evals4j.report.ReportSettings;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The run's configuration as the map of {@code evals4j.*} keys that the settings types parse
 * ({@link ReportSettings}, {@link GateSettings}): every fixed key of {@link ConfigKeys} with a value,
 * and the members of key families that can be found: the listed keys of the run
 * ({@link RunContext#configurationKeys()}) and, for gates, the keys of the prompt versions of the
 * run. Each value is read through the configuration parameters, so precedence stays JUnit's.
 * Keys that are not in the registry were reported when the run started and are left out here.
 */
final class ConfigValues {

  private final RunContext run;

  ConfigValues(RunContext run) {
    this.run = run;
  }

  Optional<String> string(ConfigKeys.Key key) {
    return run.configurationParameter(key.name()).map(String::strip).filter(s -> !s.isEmpty());
  }

  boolean bool(ConfigKeys.Key key) {
    Optional<String> v = string(key);
    String s = v.orElse(key.defaultValue()).toLowerCase(Locale.ROOT);
    if (!s.equals("true") && !s.equals("false")) {
      throw new IllegalArgumentException("configuration parameter '" + key.name() + "' has the value '"
          + v.orElse("") + "'; allowed: true or false");
    }
    return Boolean.parseBoolean(s);
  }

  /** The report settings of the run. */
  ReportSettings report() {
    return ReportSettings.from(values(Set.of()));
  }

  /** The gate settings of the run, with the per-prompt and per-version keys of {@code prompts}. */
  GateSettings gates(Collection<PromptRef> prompts) {
    Set<String> candidates = new LinkedHashSet<>();
    for (PromptRef p : prompts) {
      candidates.add(ConfigKeys.PROMPT_PREFIX + p.id() + ".reference");
      for (String metric : ConfigKeys.gateMetrics()) {
        candidates.add(ConfigKeys.GATE_PREFIX + p.id() + "." + metric);
        candidates.add(GateSettings.key(p.id(), p.version(), metric));
      }
    }
    Map<String, String> gateValues = new LinkedHashMap<>();
    values(candidates).forEach((k, v) -> {
      if (k.startsWith(ConfigKeys.GATE_PREFIX) || k.startsWith(ConfigKeys.PROMPT_PREFIX)) {
        gateValues.put(k, v);
      }
    });
    return GateSettings.from(gateValues);
  }

  /** Fixed keys, run-wide gate keys, listed family members and {@code candidates}, with a value. */
  private Map<String, String> values(Set<String> candidates) {
    Set<String> keys = new LinkedHashSet<>();
    for (ConfigKeys.Key k : ConfigKeys.all()) {
      if (!k.isFamily()) {
        keys.add(k.name());
      }
    }
    for (String metric : ConfigKeys.gateMetrics()) {
      keys.add(ConfigKeys.GATE_PREFIX + metric);
    }
    for (String k : run.configurationKeys()) {
      if (ConfigKeys.find(k).isPresent()) {
        keys.add(k);
      }
    }
    keys.addAll(candidates);
    Map<String, String> values = new LinkedHashMap<>();
    for (String k : keys) {
      run.configurationParameter(k).map(String::strip).filter(s -> !s.isEmpty())
          .ifPresent(v -> values.put(k, v));
    }
    return values;
  }
}
