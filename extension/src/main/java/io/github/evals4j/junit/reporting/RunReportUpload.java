package io.github.evals4j.junit.reporting;

import io.github.evals4j.config.ConfigKeys;
import io.github.evals4j.aggregate.FailingExample;
import io.github.evals4j.aggregate.PromptStats;
import io.github.evals4j.check.Evidence;
import io.github.evals4j.gate.GateResult;
import io.github.evals4j.gate.GateStatus;
import io.github.evals4j.junit.RunContext;
import io.github.evals4j.junit.sentry.SentryPrivacy;
import io.github.evals4j.prompt.PromptRef;
import io.github.evals4j.report.HtmlReport;
import io.github.evals4j.report.Report;
import io.github.evals4j.report.ReportJson;
import io.github.evals4j.report.SentryFields;
import io.github.evals4j.report.Reports;
import io.sentry.Attachment;
import io.sentry.CheckIn;
import io.sentry.CheckInStatus;
import io.sentry.Hint;
import io.sentry.IScopes;
import io.sentry.ISpan;
import io.sentry.ITransaction;
import io.sentry.MeasurementUnit;
import io.sentry.SentryEvent;
import io.sentry.SentryInstantDate;
import io.sentry.SentryLevel;
import io.sentry.SpanStatus;
import io.sentry.TransactionContext;
import io.sentry.TransactionOptions;
import io.sentry.protocol.Message;
import io.sentry.protocol.SentryId;
import io.sentry.protocol.TransactionNameSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Sends the run report to the extension's Sentry client at the end of the run: one event
 * ({@value #MESSAGE}, level info, warning when a gate failed) with the per-prompt summary as
 * contexts, gate results and prompt versions as tags and {@code report.json}/{@code report.html}
 * attached; one {@code evals4j.run} transaction with measurements; and, when
 * {@code evals4j.sentry.monitor-slug} is set, a Sentry Crons check-in (in progress at the start,
 * ok or error at the end). Every call is guarded: Sentry never changes the run.
 */
final class RunReportUpload {

  static final String MESSAGE = "evals4j run report";
  static final String ENABLED = ConfigKeys.SENTRY_REPORT.name();
  static final String MONITOR_SLUG = ConfigKeys.SENTRY_MONITOR_SLUG.name();
  static final String MAX_ATTACHMENT = ConfigKeys.SENTRY_MAX_ATTACHMENT_SIZE.name();
  private static final int MAX_TAG_KEY = 32;
  private static final int MAX_TAG_VALUE = 200;

  private final RunContext run;
  private final boolean enabled;
  private final Optional<String> monitorSlug;
  private final SentryPrivacy.Settings privacy;
  private final long maxAttachment;
  private final Instant startedAt = Instant.now();
  private volatile SentryId checkIn;

  private RunReportUpload(RunContext run, boolean enabled, Optional<String> monitorSlug,
      SentryPrivacy.Settings privacy, long maxAttachment) {
    this.run = run;
    this.maxAttachment = maxAttachment;
    this.enabled = enabled;
    this.monitorSlug = monitorSlug;
    this.privacy = privacy;
  }

  static RunReportUpload of(RunContext run) {
    ConfigValues s = new ConfigValues(run);
    long maxAttachment = s.string(ConfigKeys.SENTRY_MAX_ATTACHMENT_SIZE).map(v -> {
      try {
        long n = Long.parseLong(v);
        if (n >= 1) {
          return n;
        }
      } catch (NumberFormatException e) {
        // fall through
      }
      throw new IllegalArgumentException("configuration parameter '" + MAX_ATTACHMENT
          + "' has the value '" + v + "'; allowed: a number of bytes >= 1");
    }).orElse(0L);
    return new RunReportUpload(run, s.bool(ConfigKeys.SENTRY_REPORT),
        s.string(ConfigKeys.SENTRY_MONITOR_SLUG), SentryPrivacy.Settings.of(run), maxAttachment);
  }

  /** The Crons check-in "in progress", when a monitor slug is configured. */
  void started() {
    if (monitorSlug.isEmpty()) {
      return;
    }
    run.sentry().ifPresent(scopes -> guard(() -> checkIn =
        scopes.captureCheckIn(new CheckIn(monitorSlug.get(), CheckInStatus.IN_PROGRESS))));
  }

  /** The run report event, the run transaction and the final check-in. */
  void finished(Report report, java.nio.file.Path dir) {
    Optional<IScopes> sentry = run.sentry();
    if (sentry.isEmpty()) {
      return;
    }
    IScopes scopes = sentry.get();
    boolean failed = report.gateFailed();
    if (enabled) {
      Map<String, String> tags = tags(report);
      io.sentry.SpanContext[] trace = new io.sentry.SpanContext[1];
      guard(() -> trace[0] = transaction(scopes, report, tags));
      guard(() -> event(scopes, report, tags, trace[0]));
    }
    if (monitorSlug.isPresent()) {
      guard(() -> {
        CheckIn done = new CheckIn(checkIn, monitorSlug.get(),
            failed ? CheckInStatus.ERROR : CheckInStatus.OK);
        done.setDuration((Instant.now().toEpochMilli() - startedAt.toEpochMilli()) / 1000.0);
        scopes.captureCheckIn(done);
      });
    }
  }

  /** Gate results and prompt versions as tags (keys within Sentry's 32 characters). */
  static Map<String, String> tags(Report report) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("evals4j.report", "run");
    tags.put("evals4j.gate", report.gateFailed() ? "failed" : "passed");
    Map<String, String> perPrompt = new TreeMap<>();
    Map<String, List<String>> versions = new TreeMap<>();
    for (GateResult g : report.gates()) {
      String id = g.prompt().id();
      String verdict = g.status() == GateStatus.FAILED ? "failed"
          : perPrompt.getOrDefault(id, "passed");
      perPrompt.put(id, verdict);
    }
    for (PromptStats s : report.prompts()) {
      perPrompt.putIfAbsent(s.prompt().id(), "passed");
      List<String> v = versions.computeIfAbsent(s.prompt().id(), k -> new ArrayList<>());
      if (!v.contains(s.prompt().version())) {
        v.add(s.prompt().version());
      }
    }
    perPrompt.forEach((id, verdict) -> tags.put(tagKey("evals4j.gate." + id), verdict));
    versions.forEach((id, v) -> tags.put(tagKey("prompt." + id), tagValue(String.join(",", v))));
    return tags;
  }

  /** The run transaction; returns its span context, which the report event joins. */
  private io.sentry.SpanContext transaction(IScopes scopes, Report report, Map<String, String> tags) {
    TransactionContext tc = new TransactionContext("evals4j.run", TransactionNameSource.COMPONENT,
        "evals4j.run");
    TransactionOptions options = new TransactionOptions();
    options.setStartTimestamp(date(report.run().startedAt()));
    ITransaction tx = scopes.startTransaction(tc, options);
    tags.forEach(tx::setTag);
    long runs = 0;
    long passed = 0;
    double cost = 0;
    boolean costKnown = true;
    double p95 = 0;
    for (PromptStats s : report.prompts()) {
      runs += s.runs();
      passed += s.passedRuns();
      if (s.applicationCost().totalUsd().isPresent()) {
        cost += s.applicationCost().totalUsd().getAsDouble();
      } else if (s.applicationCost().calls() > 0) {
        costKnown = false;
      }
      if (s.latency().count() > 0) {
        p95 = Math.max(p95, s.latency().p95Ms());
      }
      ISpan span = tx.startChild(SentryFields.OP_PROMPT, s.prompt().label(),
          date(report.run().startedAt()));
      promptData(span, s);
      span.finish(gateFailed(report, s.prompt()) ? SpanStatus.FAILED_PRECONDITION : SpanStatus.OK,
          date(report.run().endedAt()));
    }
    tx.setMeasurement("evals4j.pass_rate", runs == 0 ? 0 : (double) passed / runs,
        MeasurementUnit.Fraction.RATIO);
    tx.setMeasurement("evals4j.runs", runs);
    if (costKnown) {
      tx.setMeasurement("evals4j.cost_usd", cost);
    }
    if (report.prompts().stream().anyMatch(s -> s.latency().count() > 0)) {
      tx.setMeasurement("evals4j.latency_p95", p95, MeasurementUnit.Duration.MILLISECOND);
    }
    java.util.OptionalDouble quality = io.github.evals4j.aggregate.QualityStats.outOf10(
        report.prompts().stream().flatMap(s -> s.quality().stream()).toList());
    if (quality.isPresent()) {
      tx.setMeasurement(SentryFields.QUALITY_SCORE, quality.getAsDouble());
      tx.setTag(SentryFields.QUALITY_SCORE, SentryFields.qualityTag(quality.getAsDouble()));
    }
    tx.setMeasurement("evals4j.gates_failed",
        report.gates().stream().filter(GateResult::failed).count());
    tx.finish(report.gateFailed() ? SpanStatus.FAILED_PRECONDITION : SpanStatus.OK,
        date(report.run().endedAt()));
    return tx.getSpanContext();
  }

  /**
   * The numbers of one prompt version as data of its span: in Sentry's span search they are
   * attributes that alerts and dashboards query per prompt id and version (see
   * {@link SentryFields}).
   */
  static void promptData(ISpan span, PromptStats s) {
    span.setData(SentryFields.PROMPT_ID, s.prompt().id());
    span.setData(SentryFields.PROMPT_VERSION, s.prompt().version());
    span.setData(SentryFields.MODEL, s.prompt().model());
    span.setData(SentryFields.RUNS, s.runs());
    span.setData(SentryFields.PASS_RATE, s.passRate());
    s.hallucinationRate().ifPresent(h -> span.setData(SentryFields.HALLUCINATION_RATE, h));
    s.applicationCost().totalUsd().ifPresent(c -> span.setData(SentryFields.COST_USD, c));
    s.applicationCost().perCaseUsd()
        .ifPresent(c -> span.setData(SentryFields.COST_PER_CASE_USD, c));
    if (s.judgeCost().calls() > 0) {
      s.judgeCost().totalUsd().ifPresent(c -> span.setData(SentryFields.JUDGE_COST_USD, c));
    }
    if (s.latency().count() > 0) {
      span.setData(SentryFields.LATENCY_P95_MS, s.latency().p95Ms());
    }
    io.github.evals4j.aggregate.QualityStats.outOf10(s.quality())
        .ifPresent(q -> span.setData(SentryFields.QUALITY_SCORE, q));
    for (io.github.evals4j.aggregate.QualityStats q : s.quality()) {
      if (q.scored()) {
        span.setData(SentryFields.QUALITY_SCORE + "." + q.rubric(), q.mean());
      }
    }
  }

  private void event(IScopes scopes, Report report, Map<String, String> tags,
      io.sentry.SpanContext trace) {
    SentryEvent event = new SentryEvent();
    Message message = new Message();
    message.setFormatted(MESSAGE);
    event.setMessage(message);
    event.setLevel(report.gateFailed() ? SentryLevel.WARNING : SentryLevel.INFO);
    event.setFingerprints(List.of("evals4j-run-report"));
    event.setTransaction("evals4j.run");
    if (trace != null) {
      // On the run transaction's trace: the report event shows with its measurements.
      event.getContexts().setTrace(trace);
    }
    tags.forEach(event::setTag);
    Map<String, Object> runContext = new LinkedHashMap<>();
    runContext.put("run_id", report.run().runId());
    runContext.put("commit", report.run().commit());
    runContext.put("branch", report.run().branch());
    runContext.put("ci", report.run().ci());
    runContext.put("started_at", report.run().startedAt());
    runContext.put("ended_at", report.run().endedAt());
    runContext.put("gate", report.gateFailed() ? "failed" : "passed");
    List<String> failedGates = new ArrayList<>();
    report.gates().stream().filter(GateResult::failed)
        .forEach(g -> failedGates.add(privacy.text(g.message())));
    runContext.put("failed_gates", failedGates);
    event.getContexts().put("evals4j.run", runContext);
    for (PromptStats s : report.prompts()) {
      event.getContexts().put("prompt " + s.prompt().label(), summary(report, s));
    }
    Report shared = redacted(report);
    List<Attachment> attachments = new ArrayList<>();
    // The SDK drops a larger attachment silently: cut it instead, and say so.
    long max = maxAttachment > 0 ? Math.min(maxAttachment, scopes.getOptions().getMaxAttachmentSize())
        : scopes.getOptions().getMaxAttachmentSize();
    List<String> truncated = new ArrayList<>();
    attach(attachments, truncated, privacy.scrubAll(new String(ReportJson.toJson(shared),
        StandardCharsets.UTF_8)), "report.json", "application/json", max);
    attach(attachments, truncated, privacy.scrubAll(HtmlReport.render(shared)), "report.html",
        "text/html", max);
    if (!truncated.isEmpty()) {
      event.setTag("evals4j.attachment_truncated", "true");
      runContext.put("truncated_attachments", truncated);
    }
    scopes.captureEvent(event, Hint.withAttachments(attachments));
  }

  /** The numbers of one prompt version, as a Sentry context. */
  private static Map<String, Object> summary(Report report, PromptStats s) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("prompt_id", s.prompt().id());
    c.put("version", s.prompt().version());
    c.put("model", s.prompt().model());
    c.put("cases", s.cases());
    c.put("runs", s.runs());
    c.put("passed_runs", s.passedRuns());
    c.put("pass_rate", s.passRate());
    c.put("pass_rate_ci95", List.of(s.passRateInterval().lower(), s.passRateInterval().upper()));
    s.hallucinationRate().ifPresent(h -> c.put("hallucination_rate", h));
    s.applicationCost().totalUsd().ifPresent(v -> c.put("cost_usd", v));
    s.applicationCost().perCaseUsd().ifPresent(v -> c.put("cost_per_case_usd", v));
    if (s.applicationCost().totalUsd().isEmpty() && s.applicationCost().calls() > 0) {
      c.put("cost_usd", "unknown");
    }
    if (s.latency().count() > 0) {
      c.put("latency_p50_ms", s.latency().p50Ms());
      c.put("latency_p95_ms", s.latency().p95Ms());
    }
    c.put("unstable_cases", s.repeats().unstableCases());
    c.put("gate", gateFailed(report, s.prompt()) ? "failed" : "passed");
    return c;
  }

  private static boolean gateFailed(Report report, PromptRef prompt) {
    return report.gates().stream().anyMatch(g -> g.failed() && g.prompt().equals(prompt));
  }

  /**
   * The report as it may leave the machine: every text scrubbed (case ids and gate lines too), and
   * the examples' text cut, or removed.
   */
  private Report redacted(Report full) {
    Report report = privacy.scrub() ? Reports.published(full) : full;
    List<PromptStats> prompts = new ArrayList<>();
    for (PromptStats s : report.prompts()) {
      List<FailingExample> examples = new ArrayList<>();
      if (privacy.sendText()) {
        for (FailingExample e : s.examples()) {
          List<Evidence> evidence = new ArrayList<>();
          for (Evidence ev : e.evidence()) {
            evidence.add(new Evidence(ev.start(), ev.end(), privacy.text(ev.text()), ev.kind(),
                privacy.text(ev.reason())));
          }
          examples.add(new FailingExample(e.caseId(), e.repeat(), e.check(),
              privacy.text(e.message()), privacy.text(e.outputExcerpt()), evidence, e.occurrences()));
        }
      }
      prompts.add(new PromptStats(s.prompt(), s.cases(), s.runs(), s.passedRuns(), s.passRate(),
          s.passRateInterval(), s.checks(), s.hallucination(), s.specificity(), s.qualityScore(),
          s.latency(), s.tokens(), s.applicationCost(), s.judgeCost(), s.repeats(),
          s.caseOutcomes(), s.casesTruncated(), examples, s.failedResults()).withQuality(s.quality()));
    }
    List<io.github.evals4j.report.DatasetFailure> notLoaded = new ArrayList<>();
    for (io.github.evals4j.report.DatasetFailure f : report.datasetFailures()) {
      // the message may quote the dataset's malformed line
      notLoaded.add(new io.github.evals4j.report.DatasetFailure(f.prompt(), f.test(),
          privacy.sendText() ? privacy.text(f.message()) : ""));
    }
    return new Report(report.schemaVersion(), report.run(), prompts, report.comparisons(),
        report.baselineComparisons(), report.gates(), report.stopped(), notLoaded, report.error());
  }

  private static void attach(List<Attachment> attachments, List<String> truncated, String text,
      String name, String type, long max) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (max > 0 && bytes.length > max) {
      truncated.add(name + " (" + bytes.length + " bytes > " + max + ")");
      System.err.println("[evals4j] " + name + " is " + bytes.length + " bytes: cut to " + max
          + " for Sentry (evals4j.sentry.max-attachment-size, or the SDK's limit)");
      bytes = java.util.Arrays.copyOf(bytes, (int) max);
      name = name + ".truncated";
    }
    attachments.add(new Attachment(bytes, name, type));
  }

  private static SentryInstantDate date(String iso) {
    try {
      return new SentryInstantDate(Instant.parse(iso));
    } catch (RuntimeException e) {
      return new SentryInstantDate();
    }
  }

  static String tagKey(String key) {
    String k = key.replaceAll("[^a-zA-Z0-9_.:-]", "_");
    return k.length() > MAX_TAG_KEY ? k.substring(0, MAX_TAG_KEY) : k;
  }

  private static String tagValue(String value) {
    String v = value.replaceAll("[\\r\\n\\t]+", " ");
    return v.length() > MAX_TAG_VALUE ? v.substring(0, MAX_TAG_VALUE) : v;
  }

  private static void guard(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      System.err.println("[evals4j] the run report was not sent to Sentry: "
          + io.github.evals4j.internal.Texts.printable(String.valueOf(e)));
    }
  }
}
