package io.github.evals4j.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.util.Map;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * A JVM that runs tests and exits without closing its launcher session (as a crashed or
 * {@code System.exit}-ing build would): only the extension's shutdown hook can flush. Started by
 * {@link ShutdownHookTest} in a separate process.
 */
public final class ShutdownHookMain {

  private ShutdownHookMain() {}

  public static void main(String[] args) {
    LauncherSession session = LauncherFactory.openSession();
    session.getLauncher().execute(request().selectors(selectClass(Fixtures.Lifecycle.class))
        .configurationParameter(Config.ENVIRONMENT_SOURCE, "none")
        .configurationParameters(Map.of(Config.DSN, args[0], Config.FLUSH_TIMEOUT, args[1],
            Config.RUN_ID, "hook"))
        .build());
    // no session.close(): the JVM ends here
  }
}
