package io.github.evals4j.report;

import io.github.evals4j.aggregate.AggregationOptions;
import io.github.evals4j.cost.PriceTable;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The report and aggregation keys of the configuration ({@code junit-platform.properties} or
 * system properties):
 *
 * <table>
 *   <caption>report keys</caption>
 *   <tr><td>{@code evals4j.report.dir}</td><td>{@code target/evals4j}</td><td>where the reports go</td></tr>
 *   <tr><td>{@code evals4j.baseline}</td><td>none</td><td>a baseline {@code report.json} to compare and gate against</td></tr>
 *   <tr><td>{@code evals4j.checks.informational}</td><td>none</td><td>comma-separated check names reported but never gating</td></tr>
 *   <tr><td>{@code evals4j.report.max-examples}</td><td>10</td><td>failing examples kept per prompt version</td></tr>
 * </table>
 *
 * plus the price keys of {@link PriceTable} and the gate keys of
 * {@link io.github.evals4j.gate.GateSettings}.
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
 */
public record ReportSettings(
    Path reportDir, Optional<Path> baseline, AggregationOptions aggregation, PriceTable prices) {

  public static final String REPORT_DIR = "evals4j.report.dir";
  public static final String BASELINE = "evals4j.baseline";
  public static final String INFORMATIONAL = "evals4j.checks.informational";
  public static final String MAX_EXAMPLES = "evals4j.report.max-examples";

  /**
   * The settings from {@code properties}.
   *
   * @throws IllegalArgumentException naming the key of a malformed value
   */
  public static ReportSettings from(Map<String, String> properties) {
    Path dir = Path.of(properties.getOrDefault(REPORT_DIR, "target/evals4j").strip());
    Optional<Path> baseline = Optional.ofNullable(properties.get(BASELINE))
        .map(String::strip).filter(s -> !s.isEmpty()).map(Path::of);
    Set<String> informational = new LinkedHashSet<>();
    Arrays.stream(properties.getOrDefault(INFORMATIONAL, "").split(","))
        .map(String::strip).filter(s -> !s.isEmpty()).forEach(informational::add);
    int maxExamples;
    String max = properties.getOrDefault(MAX_EXAMPLES, "10").strip();
    try {
      maxExamples = Integer.parseInt(max);
      if (maxExamples < 0) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(MAX_EXAMPLES + ": expected an integer >= 0, got '" + max + "'");
    }
    AggregationOptions options = AggregationOptions.defaults().withInformational(informational).withMaxExamples(maxExamples);
    return new ReportSettings(dir, baseline, options, PriceTable.bundled().withOverrides(properties));
  }
}
