package io.github.evals4j.alerts;

import io.github.evals4j.report.AtomicFiles;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code evals4j sentry-provision}: creates or updates, in one Sentry organisation and project,
 * the prompt-quality alerts (metric monitors: failure rate, hallucination rate, cost per case,
 * quality score, per prompt) and the {@code evals4j: prompt quality} dashboard, through Sentry's
 * web API with the token in {@code SENTRY_AUTH_TOKEN}; or writes the same as a Terraform file.
 * Running it twice changes nothing; it deletes nothing.
 *
 * <pre>
 * SENTRY_AUTH_TOKEN=... java -jar evals4j-evaluation-VERSION-cli.jar sentry-provision \
 *     --org acme --project llm-evals --prompts summarize,classify [--dry-run]
 * </pre>
 *
 * <p>Exit codes: 0 done, 1 Sentry refused or could not be reached, 2 usage error.
 */
public final class ProvisionCommand {

  /** Exit code when Sentry refused a request or could not be reached. */
  public static final int FAILED = 1;
  /** Exit code of a usage or input error. */
  public static final int USAGE = 2;

  static final String TOKEN = "SENTRY_AUTH_TOKEN";

  static final String HELP = String.join("\n",
      "usage: evals4j sentry-provision --org <slug> --project <slug>",
      "           (--prompt <id>[@<version>]... | --prompts a,b | --report report.json)",
      "           [--environment ci] [--time-window 1h] [--failure-rate 0.10]",
      "           [--hallucination-rate 0.05] [--cost-per-case-usd 0.10] [--quality-score 7.0]",
      "           [--dashboard-title \"prompt quality\"] [--connect-alerts <alert id>,...]",
      "           [--url https://sentry.io] [--config alerts.properties]",
      "           [--dry-run | --terraform evals4j-sentry.tf]",
      "Creates or updates the evals4j alerts and dashboard in Sentry (token: SENTRY_AUTH_TOKEN,",
      "scopes alerts:write, org:read, project:read); a threshold of 'off' drops that alert;",
      "--dry-run prints the writes instead of sending them; --terraform writes the same as a",
      "Terraform file and calls nothing.");

  private ProvisionCommand() {}

  /**
   * Runs the command with {@code args} (the words after {@code sentry-provision}).
   *
   * @return the exit code
   */
  public static int run(List<String> args, PrintStream out, PrintStream err,
      Map<String, String> env) {
    return run(args, out, err, env, d -> Thread.sleep(d.toMillis()));
  }

  static int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> env,
      SentryApi.Sleeper sleeper) {
    if (args.contains("--help") || args.contains("-h")) {
      out.println(HELP);
      return 0;
    }
    ProvisionSettings settings;
    Plan plan;
    try {
      settings = ProvisionSettings.parse(args, env);
      plan = Plan.of(settings);
    } catch (IllegalArgumentException | UncheckedIOException e) {
      err.println("evals4j sentry-provision: " + e.getMessage());
      err.println(HELP);
      return USAGE;
    }
    if (settings.terraform().isPresent()) {
      if (settings.dryRun()) {
        out.print(TerraformWriter.render(settings, plan));
        return 0;
      }
      try {
        AtomicFiles.write(settings.terraform().get(),
            TerraformWriter.render(settings, plan).getBytes(StandardCharsets.UTF_8));
      } catch (java.io.IOException | UncheckedIOException e) {
        err.println("evals4j sentry-provision: cannot write " + settings.terraform().get() + ": "
            + e.getMessage());
        return USAGE;
      }
      out.println("evals4j sentry-provision: wrote " + settings.terraform().get() + " ("
          + plan.rules().size() + " sentry_metric_monitor, 1 sentry_dashboard); nothing was"
          + " sent to Sentry");
      return 0;
    }
    Optional<String> token = Optional.ofNullable(env.get(TOKEN)).map(String::strip)
        .filter(t -> !t.isEmpty());
    if (token.isEmpty() && !settings.dryRun()) {
      err.println("evals4j sentry-provision: " + TOKEN + " is not set: create an auth token"
          + " with the scopes alerts:write, org:read and project:read (Sentry: Settings ->"
          + " Auth Tokens, or an internal integration), or use --dry-run or --terraform");
      return USAGE;
    }
    Optional<SentryApi> api = token.map(t -> new SentryApi(settings.baseUrl(), t, sleeper));
    out.println("evals4j sentry-provision: " + settings.baseUrl() + ", organisation "
        + settings.org() + ", project " + settings.project() + ", environment "
        + settings.environment() + ": " + plan.rules().size() + " alert rules, 1 dashboard"
        + (settings.dryRun() ? " (dry run: nothing is written"
            + (api.isEmpty() ? "; no " + TOKEN + ", so nothing is read either and everything"
                + " shows as new" : "") + ")" : ""));
    try {
      Provisioner.Outcome o = new Provisioner(settings, api, out).run(plan);
      out.println("evals4j sentry-provision: " + (settings.dryRun() ? "would have " : "")
          + o.created() + " created, " + o.updated() + " updated, " + o.unchanged()
          + " unchanged" + (o.leftAlone() > 0 ? ", " + o.leftAlone() + " left alone" : ""));
      return 0;
    } catch (SentryApi.ApiException e) {
      err.println("evals4j sentry-provision: " + e.getMessage());
      return FAILED;
    }
  }

  /** A sleeper for tests that wait no time. */
  static SentryApi.Sleeper noWait(List<Duration> waits) {
    return waits::add;
  }
}
