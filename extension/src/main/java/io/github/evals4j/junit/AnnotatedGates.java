package io.github.evals4j.junit;

import io.github.evals4j.gate.GateSettings;
import io.github.evals4j.junit.prompt.Prompt;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ExtensionContext.StoreScope;

/**
 * The gate thresholds declared by {@link Prompt#gates()}, as the configuration parameters
 * {@code evals4j.gate.<prompt id>.<key>} they stand for: collectors read them as parameters, and
 * a parameter set in the configuration wins over the annotation.
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

  /**
   * Records the gates of {@code prompt}, found on {@code where}.
   *
   * @throws ExtensionConfigurationException naming the annotation when an entry is malformed,
   *     names an unknown gate, or contradicts another {@code @Prompt} of the same id
   */
  void declare(Prompt prompt, String where) {
    for (String entry : prompt.gates()) {
      int eq = entry.indexOf('=');
      String key = eq < 0 ? "" : entry.substring(0, eq).strip();
      String value = eq < 0 ? "" : entry.substring(eq + 1).strip();
      String property = GateSettings.PREFIX + prompt.id().strip() + "." + key;
      try {
        if (key.isEmpty() || value.isEmpty()) {
          throw new IllegalArgumentException("expected key=value");
        }
        GateSettings.from(Map.of(property, value)); // validates key and value
      } catch (IllegalArgumentException e) {
        throw new ExtensionConfigurationException("@Prompt(id = \"" + prompt.id() + "\", gates = \""
            + entry + "\") on " + where + " is not a gate: " + e.getMessage() + "; allowed keys: "
            + String.join(", ", GateSettings.KEYS));
      }
      String before = values.putIfAbsent(property, value);
      if (before != null && !before.equals(value)) {
        throw new ExtensionConfigurationException("@Prompt(id = \"" + prompt.id() + "\") on " + where
            + " declares " + key + "=" + value + " but another @Prompt of the same id declares "
            + key + "=" + before);
      }
    }
  }
}
