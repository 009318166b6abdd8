package io.github.evals4j.junit.reporting;

import io.github.evals4j.config.ConfigKeys;
import io.github.evals4j.internal.Texts;
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
    String property = System.getProperty(ReplayMode.PROPERTY);
    if (property != null) {
      check(property);
      return new ReplayModeSetting(false);
    }
    Optional<String> value = run.configurationParameter(ConfigKeys.REPLAY_MODE.name())
        .map(String::strip).filter(v -> !v.isEmpty());
    if (value.isEmpty()) {
      return new ReplayModeSetting(false);
    }
    // Set even when malformed: every replay store then fails with the message instead of replaying.
    check(value.get());
    System.setProperty(ReplayMode.PROPERTY, value.get());
    return new ReplayModeSetting(true);
  }

  /** Says at the start of the run when the mode is malformed (each replay store fails on it later). */
  private static void check(String value) {
    try {
      ReplayMode.parse(value.strip());
    } catch (IllegalArgumentException e) {
      System.err.println("[evals4j] " + Texts.printable(e.getMessage()));
    }
  }

  /** Removes the system property this run set. */
  void restore() {
    if (set) {
      System.clearProperty(ReplayMode.PROPERTY);
    }
  }
}
