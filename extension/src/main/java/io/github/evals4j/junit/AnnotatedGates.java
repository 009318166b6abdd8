package io.github.evals4j.junit;

import io.github.evals4j.config.ConfigKeys;
import io.github.evals4j.gate.GateSettings;
import io.github.evals4j.junit.prompt.Prompt;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ExtensionContext.StoreScope;

/**
 * What {@link Prompt @Prompt} declares for the run, as the configuration parameters it stands
 * for: {@link Prompt#gates()} as {@code evals4j.gate.<prompt id>@<version>.<metric>} (the gates of
 * that version only) and {@link Prompt#reference()} as {@code evals4j.prompt.<prompt id>.reference}.
 * Collectors read them as parameters; a parameter set in the configuration wins.
 */
final class AnnotatedGates {

  private final Map<String, String> values = new ConcurrentHashMap<>();

  /** The run's instance, kept in the launcher session's store. */
  @SuppressWarnings("deprecation") // getOrComputeIfAbsent: 5.x and 6.x alike
  static AnnotatedGates of(Store sessionStore) {
    return sessionStore.getOrComputeIfAbsent(AnnotatedGates.class, k -> new AnnotatedGates(),
        AnnotatedGates.class);
  }

  static AnnotatedGates of(ExtensionContext context) {
    return of(context.getStore(StoreScope.LAUNCHER_SESSION, RunState.NAMESPACE));
  }

  Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** The keys declared so far. */
  Set<String> keys() {
    return Set.copyOf(values.keySet());
  }

  /**
   * Records the gates and the reference mark of {@code prompt}, found on {@code where}.
   *
   * @throws ExtensionConfigurationException naming the annotation when an entry is malformed,
   *     names an unknown gate (with the closest one), or contradicts another {@code @Prompt}
   */
  void declare(Prompt prompt, String where) {
    String id = prompt.id().strip();
    String version = prompt.version().strip();
    if (prompt.reference()) {
      if (prompt.gates().length > 0) {
        throw new ExtensionConfigurationException("@Prompt(id = \"" + id + "\", version = \""
            + version + "\", reference = true) on " + where + " also declares gates: a reference "
            + "version is compared, never gated; move the gates to the candidate version");
      }
      String key = ConfigKeys.PROMPT_PREFIX + id + ".reference";
      String before = values.putIfAbsent(key, version);
      if (before != null && !before.equals(version)) {
        throw new ExtensionConfigurationException("@Prompt(id = \"" + id + "\", version = \""
            + version + "\", reference = true) on " + where + ", but version \"" + before
            + "\" of the same prompt id is already its reference; one reference per prompt id");
      }
    }
    for (String entry : prompt.gates()) {
      int eq = entry.indexOf('=');
      String metric = eq < 0 ? entry.strip() : entry.substring(0, eq).strip();
      String value = eq < 0 ? "" : entry.substring(eq + 1).strip();
      String property = GateSettings.key(id, version, metric);
      String problem = null;
      if (!ConfigKeys.gateMetrics().contains(metric)) {
        problem = "unknown gate '" + metric + "'; closest gate: '"
            + ConfigKeys.closestGateMetric(metric) + "'";
      } else if (value.isEmpty()) {
        problem = "expected " + metric + "=<value>";
      } else {
        try {
          GateSettings.from(Map.of(property, value)); // validates the value
        } catch (IllegalArgumentException e) {
          problem = e.getMessage();
        }
      }
      if (problem != null) {
        throw new ExtensionConfigurationException("@Prompt(id = \"" + id + "\", version = \""
            + version + "\", gates = \"" + entry + "\") on " + where + " is not a gate: " + problem
            + "; allowed: " + String.join(", ", ConfigKeys.gateMetrics()));
      }
      String before = values.putIfAbsent(property, value);
      if (before != null && !before.equals(value)) {
        throw new ExtensionConfigurationException("@Prompt(id = \"" + id + "\", version = \""
            + version + "\") on " + where + " declares " + metric + "=" + value
            + " but another @Prompt of the same version declares " + metric + "=" + before);
      }
    }
  }
}
