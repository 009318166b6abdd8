package io.github.evals4j.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.support.store.Namespace;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs fixture classes through the real Launcher (session listeners and service-loaded
 * collectors included) with explicit configuration parameters, system properties set for the
 * run only (the module's tests run one at a time), an explicit environment (hermetic against
 * ambient {@code EVALS4J_*}, {@code SENTRY_DSN} and CI variables) and captured standard error.
 */
final class LauncherRun {

  private static final Namespace NAMESPACE = Namespace.create(RunState.NAMESPACE.getParts());

  private final Map<String, String> params = new LinkedHashMap<>();
  private final Map<String, String> systemProperties = new LinkedHashMap<>();
  private final Map<String, String> env = new LinkedHashMap<>();

  /** What a run did. */
  record Result(TestExecutionSummary summary, List<String> failures, String stderr) {

    /** The index in standard error of {@code text}, -1 when absent. */
    int at(String text) {
      return stderr.indexOf(text);
    }
  }

  static LauncherRun reportingTo(Path dir) {
    return new LauncherRun().param("evals4j.report.dir", dir.toString());
  }

  LauncherRun param(String key, String value) {
    params.put(key, value);
    return this;
  }

  LauncherRun systemProperty(String key, String value) {
    systemProperties.put(key, value);
    return this;
  }

  LauncherRun env(String name, String value) {
    env.put(name, value);
    return this;
  }

  Result run(Class<?>... classes) {
    Map<String, String> before = new LinkedHashMap<>();
    systemProperties.forEach((k, v) -> before.put(k, System.setProperty(k, v)));
    List<String> failures = new ArrayList<>();
    try (StdErr err = StdErr.capture()) {
      TestExecutionSummary result;
      try (LauncherSession session = LauncherFactory.openSession()) {
        session.getStore().put(NAMESPACE, RunState.ENVIRONMENT_KEY, Map.copyOf(env));
        LauncherDiscoveryRequestBuilder request = request();
        for (Class<?> c : classes) {
          request.selectors(selectClass(c));
        }
        params.forEach(request::configurationParameter);
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        session.getLauncher().execute(request.build(), summary);
        result = summary.getSummary();
      }
      result.getFailures().forEach(f -> failures.add(String.valueOf(f.getException().getMessage())));
      return new Result(result, failures, err.all());
    } finally {
      before.forEach((k, v) -> {
        if (v == null) {
          System.clearProperty(k);
        } else {
          System.setProperty(k, v);
        }
      });
    }
  }
}
