package io.github.evals4j.report;

import io.github.evals4j.aggregate.AggregationOptions;
import io.github.evals4j.config.ConfigKeys;
import io.github.evals4j.cost.PriceTable;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The report keys of the configuration ({@code junit-platform.properties} or system properties),
 * the one owner of their parsing for the JUnit extension and the command line alike:
 * {@code evals4j.report.enabled}, {@code .dir}, {@code .console}, {@code .step-summary},
 * {@code .max-examples}, {@code evals4j.baseline}, {@code evals4j.checks.informational} and the
 * price keys (see {@link ConfigKeys} for defaults and meaning).
 *
 * <pre>{@code
 * ReportSettings settings = ReportSettings.from(properties);
 * RunAggregator run = new RunAggregator(settings.aggregation(), settings.prices());
 * }</pre>
 *
 * @param reportDir where reports are written
 * @param baseline the baseline report, if configured
 * @param aggregation aggregation options (informational checks, example cap)
 * @param prices the bundled price table with the configured overrides
 * @param enabled whether the run report is aggregated and written at all
 * @param console whether the table and gate lines are printed at the end of the run
 * @param stepSummary whether {@code report.md} is appended to {@code $GITHUB_STEP_SUMMARY}
 * @param scrubFiles whether the local report files are scrubbed too (what is published always is)
 */
public record ReportSettings(Path reportDir, Optional<Path> baseline, AggregationOptions aggregation,
    PriceTable prices, boolean enabled, boolean console, boolean stepSummary,
    boolean scrubFiles) {

  public static final String REPORT_DIR = ConfigKeys.REPORT_DIR.name();
  public static final String BASELINE = ConfigKeys.BASELINE.name();
  public static final String INFORMATIONAL = ConfigKeys.CHECKS_INFORMATIONAL.name();
  public static final String MAX_EXAMPLES = ConfigKeys.REPORT_MAX_EXAMPLES.name();

  /**
   * The settings from {@code properties}; other keys are ignored.
   *
   * @throws IllegalArgumentException naming the key of a malformed value
   */
  public static ReportSettings from(Map<String, String> properties) {
    Path dir = Path.of(value(properties, REPORT_DIR).orElse(ConfigKeys.REPORT_DIR.defaultValue()));
    Optional<Path> baseline = value(properties, BASELINE).map(Path::of);
    Set<String> informational = new LinkedHashSet<>();
    Arrays.stream(value(properties, INFORMATIONAL).orElse("").split(","))
        .map(String::strip).filter(s -> !s.isEmpty()).forEach(informational::add);
    int maxExamples;
    String max = value(properties, MAX_EXAMPLES).orElse(ConfigKeys.REPORT_MAX_EXAMPLES.defaultValue());
    try {
      maxExamples = Integer.parseInt(max);
      if (maxExamples < 0) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(MAX_EXAMPLES + ": expected an integer >= 0, got '" + max + "'");
    }
    AggregationOptions options = AggregationOptions.defaults().withInformational(informational)
        .withMaxExamples(maxExamples);
    return new ReportSettings(dir, baseline, options, PriceTable.bundled().withOverrides(properties),
        bool(properties, ConfigKeys.REPORT_ENABLED), bool(properties, ConfigKeys.REPORT_CONSOLE),
        bool(properties, ConfigKeys.REPORT_STEP_SUMMARY), bool(properties, ConfigKeys.REPORT_SCRUB));
  }

  private static Optional<String> value(Map<String, String> properties, String key) {
    return Optional.ofNullable(properties.get(key)).map(String::strip).filter(s -> !s.isEmpty());
  }

  private static boolean bool(Map<String, String> properties, ConfigKeys.Key key) {
    String v = value(properties, key.name()).orElse(key.defaultValue()).toLowerCase(Locale.ROOT);
    if (!v.equals("true") && !v.equals("false")) {
      throw new IllegalArgumentException(key.name() + ": expected true or false, got '"
          + properties.get(key.name()) + "'");
    }
    return Boolean.parseBoolean(v);
  }
}
