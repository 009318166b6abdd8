package io.github.evals4j.junit;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Ends the evals4j run when the JUnit launcher session ends (the end of each JVM's test run, e.g.
 * each Surefire fork): the bounded Sentry flush, the one-line summary and the collectors'
 * {@link RunCollector#runFinished}. Registered through {@code META-INF/services}; users do not
 * reference it. A JVM that ends without closing its session is covered by a shutdown hook with the
 * same bound.
 */
public final class Evals4jSessionListener implements LauncherSessionListener {

  /** Created by the JUnit launcher. */
  public Evals4jSessionListener() {}

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    java.util.Optional<RunState> run;
    try {
      run = RunState.find(session.getStore());
    } catch (RuntimeException | LinkageError e) {
      // an older launcher without a session store: the store's own close and the hook still end the run
      return;
    }
    // not guarded: close() says what failed, and nothing it throws may vanish silently
    run.ifPresent(RunState::close);
  }
}
