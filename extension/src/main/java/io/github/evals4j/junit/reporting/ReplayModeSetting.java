package io.github.evals4j.junit.reporting;

import io.github.evals4j.assertions.Texts;
import io.github.evals4j.junit.RunContext;
import io.github.evals4j.replay.ReplayMode;
import java.util.Optional;

/**
 * Carries {@code evals4j.replay.mode} from the run's configuration ({@code junit-platform.properties},
 * Launcher parameters) to the system property that {@link ReplayMode#configured()} reads, so that
 * the mode can sit next to the other evals4j keys. A system property already set wins; the value
 * set here is removed again when the run ends.
 */
final class ReplayModeSetting {

  private final boolean set;

  private ReplayModeSetting(boolean set) {
    this.set = set;
  }

  /** Sets the system property from the configuration when it is unset; a bad value is reported. */
  static ReplayModeSetting apply(RunContext run) {
    if (System.getProperty(ReplayMode.PROPERTY) != null) {
      return new ReplayModeSetting(false);
    }
    Optional<String> value = run.configurationParameter(ReplayMode.PROPERTY)
        .map(String::strip).filter(v -> !v.isEmpty());
    if (value.isEmpty()) {
      return new ReplayModeSetting(false);
    }
    try {
      ReplayMode.parse(value.get());
    } catch (IllegalArgumentException e) {
      // Set anyway: every replay store then fails with this message instead of silently replaying.
      System.err.println("[evals4j] " + Texts.printable(e.getMessage()));
    }
    System.setProperty(ReplayMode.PROPERTY, value.get());
    return new ReplayModeSetting(true);
  }

  /** Removes the system property this run set. */
  void restore() {
    if (set) {
      System.clearProperty(ReplayMode.PROPERTY);
    }
  }
}
