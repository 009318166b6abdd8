package io.github.evals4j.alerts;

import io.github.evals4j.aggregate.PromptStats;
import io.github.evals4j.report.Report;
import io.github.evals4j.report.ReportJson;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.Set;

/**
 * The settings of one {@code sentry-provision} run: command-line options over a small
 * properties file ({@code --config}) over the environment ({@code SENTRY_ORG},
 * {@code SENTRY_PROJECT}, {@code SENTRY_URL}, as sentry-cli reads them) over the defaults.
 */
record ProvisionSettings(
    String org,
    String project,
    URI baseUrl,
    List<PromptScope> prompts,
    String environment,
    int timeWindowSeconds,
    Map<AlertMetric, OptionalDouble> thresholds,
    Map<String, Map<AlertMetric, OptionalDouble>> promptThresholds,
    String dashboardTitle,
    List<Long> connectAlerts,
    boolean dryRun,
    Optional<Path> terraform) {

  static final String DEFAULT_URL = "https://sentry.io";
  static final String DEFAULT_ENVIRONMENT = "ci";
  static final String DEFAULT_TITLE = "prompt quality";
  /** The windows Sentry's metric monitors offer, in seconds. */
  static final Map<String, Integer> WINDOWS = windows();

  private static final Set<String> FLAGS = Set.of("dry-run");
  private static final Set<String> KEYS = Set.of("org", "project", "url", "prompt", "prompts",
      "report", "environment", "time-window", "dashboard-title", "connect-alerts", "config",
      "terraform", "failure-rate", "hallucination-rate", "cost-per-case-usd", "quality-score");

  ProvisionSettings {
    prompts = List.copyOf(prompts);
    connectAlerts = List.copyOf(connectAlerts);
  }

  /** The threshold of {@code metric} for {@code prompt}; empty when that alert is off. */
  OptionalDouble threshold(PromptScope prompt, AlertMetric metric) {
    for (String key : List.of(prompt.label(), prompt.id())) {
      Map<AlertMetric, OptionalDouble> own = promptThresholds.get(key);
      if (own != null && own.containsKey(metric)) {
        return own.get(metric);
      }
    }
    return thresholds.getOrDefault(metric, OptionalDouble.of(metric.defaultThreshold()));
  }

  static ProvisionSettings parse(List<String> args, Map<String, String> env) {
    Map<String, List<String>> cli = new LinkedHashMap<>();
    Set<String> flags = new LinkedHashSet<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + Problems.quote(a) + "'");
      }
      String key = a.substring(2);
      if (FLAGS.contains(key)) {
        flags.add(key);
        continue;
      }
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException("unknown option '" + Problems.quote(a) + "'");
      }
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException(a + " needs a value");
      }
      cli.computeIfAbsent(key, k -> new ArrayList<>()).add(args.get(++i));
    }
    Map<String, String> file = cli.containsKey("config")
        ? readConfig(Path.of(last(cli, "config"))) : Map.of();
    Values v = new Values(cli, file, env);

    String org = v.required("org", "SENTRY_ORG");
    String project = v.required("project", "SENTRY_PROJECT");
    URI url = baseUrl(v.get("url", "SENTRY_URL").orElse(DEFAULT_URL));

    List<PromptScope> prompts = new ArrayList<>();
    for (String p : cli.getOrDefault("prompt", List.of())) {
      prompts.add(PromptScope.parse(p));
    }
    v.get("prompts", null).ifPresent(list -> {
      for (String p : list.split(",")) {
        if (!p.isBlank()) {
          prompts.add(PromptScope.parse(p));
        }
      }
    });
    v.get("report", null).ifPresent(r -> prompts.addAll(fromReport(Path.of(r))));
    List<PromptScope> distinct = new ArrayList<>(new LinkedHashSet<>(prompts));
    if (distinct.isEmpty()) {
      throw new IllegalArgumentException("name the prompts to watch: --prompt <id>[@<version>]"
          + " (repeatable), --prompts a,b or --report target/evals4j/report.json");
    }

    String environment = v.get("environment", null).orElse(DEFAULT_ENVIRONMENT);
    if (environment.isBlank() || environment.length() > 64 || environment.contains("\"")
        || environment.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("--environment '" + Problems.quote(environment)
          + "' is not a Sentry environment name");
    }
    String window = v.get("time-window", null).orElse("1h");
    Integer seconds = WINDOWS.get(window);
    if (seconds == null) {
      throw new IllegalArgumentException("--time-window '" + Problems.quote(window)
          + "': allowed " + String.join(", ", WINDOWS.keySet()));
    }

    Map<AlertMetric, OptionalDouble> thresholds = new EnumMap<>(AlertMetric.class);
    for (AlertMetric m : AlertMetric.values()) {
      v.get(m.key(), null).ifPresent(t -> thresholds.put(m, threshold(m, m.key(), t)));
    }
    Map<String, Map<AlertMetric, OptionalDouble>> perPrompt = new LinkedHashMap<>();
    file.forEach((key, value) -> {
      if (KEYS.contains(key)) {
        return;
      }
      for (AlertMetric m : AlertMetric.values()) {
        String suffix = "." + m.key();
        if (key.endsWith(suffix) && key.length() > suffix.length()) {
          String prompt = key.substring(0, key.length() - suffix.length());
          perPrompt.computeIfAbsent(prompt, k -> new EnumMap<>(AlertMetric.class))
              .put(m, threshold(m, key, value));
          return;
        }
      }
      throw new IllegalArgumentException("unknown key '" + Problems.quote(key)
          + "' in the config file; allowed: " + String.join(", ", new java.util.TreeSet<>(KEYS))
          + ", and <prompt id>.<metric> with a metric of failure-rate, hallucination-rate,"
          + " cost-per-case-usd, quality-score");
    });

    String title = v.get("dashboard-title", null).orElse(DEFAULT_TITLE).strip();
    if (title.isEmpty() || title.length() > 200
        || title.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("--dashboard-title must be 1 to 200 printable characters");
    }
    title = title.startsWith(AlertRule.PREFIX) ? title : AlertRule.PREFIX + title;

    List<Long> connect = new ArrayList<>();
    v.get("connect-alerts", null).ifPresent(list -> {
      for (String id : list.split(",")) {
        if (!id.isBlank()) {
          try {
            connect.add(Long.parseLong(id.strip()));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--connect-alerts takes Sentry alert ids"
                + " (numbers), got '" + Problems.quote(id) + "'");
          }
        }
      }
    });

    Optional<Path> terraform = v.get("terraform", null).map(Path::of);
    return new ProvisionSettings(org, project, url, distinct, environment, seconds, thresholds,
        perPrompt, title, connect, flags.contains("dry-run"), terraform);
  }

  private static OptionalDouble threshold(AlertMetric m, String key, String text) {
    String t = text.strip();
    if (t.equalsIgnoreCase("off")) {
      return OptionalDouble.empty();
    }
    try {
      double d = Double.parseDouble(t.endsWith("%") ? t.substring(0, t.length() - 1) : t);
      if (t.endsWith("%")) {
        d = d / 100;
      }
      if (Double.isFinite(d) && m.allows(d)) {
        return OptionalDouble.of(d);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(key + " has the value '" + Problems.quote(text)
        + "'; allowed: " + m.allowed());
  }

  private static URI baseUrl(String text) {
    try {
      URI uri = URI.create(text.strip().replaceAll("/+$", ""));
      if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          && uri.getHost() != null) {
        String s = uri.toString().replaceAll("/api/0$", "").replaceAll("/api$", "");
        return URI.create(s);
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new IllegalArgumentException("--url '" + Problems.quote(text)
        + "' is not an http(s) URL of a Sentry server (e.g. https://sentry.example.com)");
  }

  private static List<PromptScope> fromReport(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no such report file: " + file);
    }
    Report report = ReportJson.read(file);
    List<PromptScope> scopes = new ArrayList<>();
    for (PromptStats s : report.prompts()) {
      scopes.add(new PromptScope(s.prompt().id(), Optional.empty()));
    }
    return scopes;
  }

  private static Map<String, String> readConfig(Path file) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the config file " + file + ": "
          + e.getMessage());
    }
    Map<String, String> m = new LinkedHashMap<>();
    p.stringPropertyNames().stream().sorted().forEach(k -> m.put(k, p.getProperty(k)));
    if (m.containsKey("config")) {
      throw new IllegalArgumentException("the config file cannot name another config file");
    }
    return m;
  }

  private static String last(Map<String, List<String>> cli, String key) {
    List<String> values = cli.get(key);
    return values.get(values.size() - 1);
  }

  private static Map<String, Integer> windows() {
    Map<String, Integer> w = new LinkedHashMap<>();
    w.put("1m", 60);
    w.put("5m", 300);
    w.put("10m", 600);
    w.put("15m", 900);
    w.put("30m", 1800);
    w.put("1h", 3600);
    w.put("2h", 7200);
    w.put("4h", 14400);
    w.put("1d", 86400);
    return w;
  }

  /** Option, then config file, then environment variable. */
  private record Values(Map<String, List<String>> cli, Map<String, String> file,
      Map<String, String> env) {

    Optional<String> get(String key, String envName) {
      if (cli.containsKey(key)) {
        return Optional.of(last(cli, key));
      }
      if (file.containsKey(key)) {
        return Optional.of(file.get(key));
      }
      return envName == null ? Optional.empty()
          : Optional.ofNullable(env.get(envName)).filter(s -> !s.isBlank());
    }

    String required(String key, String envName) {
      String v = get(key, envName).orElseThrow(() -> new IllegalArgumentException(
          "--" + key + " is required (or " + envName + ", or " + key + "= in --config)"));
      if (!v.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")) {
        throw new IllegalArgumentException("--" + key + " '" + Problems.quote(v)
            + "' is not a Sentry slug or id");
      }
      return v;
    }
  }
}
