package io.github.evals4j.junit;

import io.sentry.IScopes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The tags of test and class transactions. Names follow Datadog's test and CI visibility
 * conventions ({@code test.name}, {@code test.suite}, {@code ci.provider.name},
 * {@code git.commit.sha}...) so that teams coming from there find them; values are one line and at
 * most Sentry's 200 characters.
 */
final class Tags {

  static final String FRAMEWORK_VERSION = frameworkVersion();

  private Tags() {}

  static Map<String, String> forClass(ExtensionContext context, String name) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("test.suite", context.getRequiredTestClass().getName());
    tags.put("test.class", name);
    tags.put("test.type", "suite");
    return tags;
  }

  static Map<String, String> forTest(ExtensionContext context, TestIdentity id, int attempt) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("test.name", id.method());
    tags.put("test.suite", context.getTestClass().map(Class::getName).orElse(id.classPath()));
    tags.put("test.class", id.classPath());
    tags.put("test.type", "test");
    if (!id.invocation().isEmpty()) {
      tags.put("test.invocation", id.invocation());
    }
    tags.put("test.attempt", Integer.toString(attempt));
    if (attempt > 1) {
      tags.put("test.is_retry", "true");
    }
    if (!context.getTags().isEmpty()) {
      tags.put("junit.tags", String.join(",", new TreeSet<>(context.getTags())));
    }
    return tags;
  }

  /** Sets the run's tags and {@code tags} on the scopes, so that transactions and events get them. */
  static void apply(IScopes scopes, RunState run, Map<String, String> tags) {
    int max = run.config().maxValueLength();
    scopes.setTag("test.framework", "junit-jupiter");
    scopes.setTag("test.framework_version", FRAMEWORK_VERSION);
    scopes.setTag("evals4j.run_id", Truncation.tag(run.config().runId(), max));
    run.config().ci().tags().forEach((k, v) -> scopes.setTag(k, Truncation.tag(v, max)));
    tags.forEach((k, v) -> scopes.setTag(k, Truncation.tag(v, max)));
  }

  private static String frameworkVersion() {
    String v = org.junit.jupiter.api.Test.class.getPackage().getImplementationVersion();
    return v == null ? "unknown" : v;
  }
}
