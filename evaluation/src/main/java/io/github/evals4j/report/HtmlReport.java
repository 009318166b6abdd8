package io.github.evals4j.report;

import io.github.evals4j.aggregate.CheckStats;
import io.github.evals4j.aggregate.Comparison;
import io.github.evals4j.aggregate.FailingExample;
import io.github.evals4j.aggregate.PromptStats;
import io.github.evals4j.check.Evidence;
import io.github.evals4j.internal.Texts;
import io.github.evals4j.gate.Format;
import io.github.evals4j.gate.GateResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * {@code report.html}: one self-contained page (no external request: inline CSS, inline SVG
 * charts, a few lines of inline script to sort tables), readable offline and attachable anywhere.
 *
 * <p>Every piece of text that comes from a prompt, a case or an LLM is HTML-escaped (lone
 * surrogates and control characters replaced), and a Content-Security-Policy allows only the
 * page's own script, by hash: even a text that escaped escaping could not run.
 *
 * <p>Tables sort on a header click; {@code report.html#sort=<table>:<column>:<asc|desc>} opens
 * with a table sorted (e.g. {@code #sort=prompts:4:asc} for the lowest pass rate first).
 */
public final class HtmlReport {

  static final String SCRIPT =
      "(function(){"
          + "function key(td){var v=td.getAttribute('data-sort');"
          + "if(v!==null&&v!==''&&!isNaN(v))return parseFloat(v);return td.textContent.trim().toLowerCase();}"
          + "function sort(table,i,asc){var body=table.tBodies[0];var rows=Array.prototype.slice.call(body.rows);"
          + "table.querySelectorAll('th').forEach(function(h){h.removeAttribute('aria-sort');});"
          + "table.tHead.rows[0].cells[i].setAttribute('aria-sort',asc?'ascending':'descending');"
          + "rows.sort(function(a,b){var x=key(a.cells[i]),y=key(b.cells[i]);"
          + "if(typeof x!==typeof y){x=String(x);y=String(y);}return (x<y?-1:x>y?1:0)*(asc?1:-1);});"
          + "rows.forEach(function(r){body.appendChild(r);});}"
          + "document.querySelectorAll('table.sortable').forEach(function(table){"
          + "table.tHead.rows[0].querySelectorAll('th').forEach(function(th,i){"
          + "th.addEventListener('click',function(){sort(table,i,th.getAttribute('aria-sort')!=='ascending');});});});"
          + "var m=/^#sort=([a-z-]+):(\\d+):(asc|desc)$/.exec(location.hash);"
          + "if(m){var t=document.getElementById(m[1]);if(t&&t.tHead&&+m[2]<t.tHead.rows[0].cells.length)sort(t,+m[2],m[3]==='asc');}"
          + "document.body.setAttribute('data-evals4j-ready','true');"
          + "})();";

  private static final String CSS =
      "pre.message{white-space:pre-wrap;overflow-wrap:anywhere;background:#f6f8fa;padding:.4rem .6rem;margin:.2rem 0}"
          + "body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem;color:#1f2328;max-width:1200px}"
          + "h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d0d7de}"
          + "table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #d0d7de;padding:.3rem .6rem;text-align:left;vertical-align:top;max-width:24em;overflow-wrap:break-word}"
          + "th{background:#f6f8fa;cursor:pointer;user-select:none}th[aria-sort=ascending]::after{content:' \\25B2'}"
          + "th[aria-sort=descending]::after{content:' \\25BC'}td.num{text-align:right;font-variant-numeric:tabular-nums}"
          + ".FAIL{color:#cf222e;font-weight:600}.pass{color:#1a7f37}.unknown{color:#9a6700}"
          + "pre{white-space:pre-wrap;word-break:break-word;background:#f6f8fa;padding:.5rem;border-radius:4px}"
          + ".meta{color:#59636e}svg text{font:12px system-ui,sans-serif;fill:#1f2328}";

  private static final int CHART_WIDTH = 760;
  private static final int VALUE_WIDTH = 180;
  private static final int LABEL_WIDTH = 250;
  private static final int ROW = 26;

  private HtmlReport() {}

  /** The page. */
  public static String render(Report report) {
    StringBuilder h = new StringBuilder(16_384);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
        .append("style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; script-src '")
        .append(scriptHash()).append("'\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>evals4j report</title><style>").append(CSS).append("</style></head><body>\n");
    RunInfo run = report.run();
    h.append("<h1>evals4j report</h1>\n<p class=\"meta\" id=\"run\">");
    meta(h, "run", run.runId());
    meta(h, "commit", run.commit());
    meta(h, "branch", run.branch());
    meta(h, "CI", run.ci());
    meta(h, "started", run.startedAt());
    meta(h, "ended", run.endedAt());
    h.append("</p>\n");
    if (report.broken()) {
      h.append("<h2 class=\"FAIL\">This run has no verdict: its report could not be built</h2>\n")
          .append("<pre class=\"message\" id=\"error\">").append(Text.html(report.error())).append("</pre>\n")
          .append("</body></html>\n");
      return h.toString();
    }
    summary(h, report);
    h.append("<h2>Pass rate with 95 % Wilson interval</h2>\n");
    passRateChart(h, report.prompts());
    h.append("<h2>Cost per case (application calls)</h2>\n");
    costChart(h, report.prompts());
    h.append("<h2>LLM call latency p50 / p95 / p99</h2>\n");
    latencyChart(h, report.prompts());
    gates(h, report.gates());
    if (!report.datasetFailures().isEmpty()) {
      h.append("<h2 class=\"FAIL\">Cases that did not load</h2>\n<ul id=\"dataset-failures\">\n");
      for (DatasetFailure f : report.datasetFailures()) {
        h.append("<li>").append(Text.html(f.prompt().label())).append(": ").append(Text.html(f.test()))
            .append(": ").append(Text.html(Texts.abbreviate(f.message(), 400))).append("</li>\n");
      }
      h.append("</ul>\n");
    }
    if (!report.stopped().isEmpty()) {
      h.append("<h2>Skipped invocations</h2>\n<ul id=\"stopped\">\n");
      for (Stopped st : report.stopped()) {
        h.append("<li>").append(Text.html(st.prompt().label())).append(": ").append(st.skipped())
            .append(" skipped, ").append(Text.html(st.reason())).append("</li>\n");
      }
      h.append("</ul>\n");
    }
    comparisons(h, "comparisons", "Comparisons within this run", report.comparisons());
    comparisons(h, "baseline", "Against the baseline", report.baselineComparisons());
    for (int i = 0; i < report.prompts().size(); i++) {
      details(h, report.prompts().get(i), i);
    }
    h.append("<p class=\"meta\">Costs use list prices");
    if (!run.pricesAsOf().isEmpty()) {
      h.append(" as of ").append(Text.html(run.pricesAsOf()));
    }
    h.append(" (").append(Text.html(String.join(", ", run.priceSources())))
        .append("); unknown means a model had no price, never $0.</p>\n");
    h.append("<script>").append(SCRIPT).append("</script>\n</body></html>\n");
    return h.toString();
  }

  /** The CSP source of the page's one script: {@code sha256-<base64>}. */
  static String scriptHash() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(SCRIPT.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  private static void meta(StringBuilder h, String label, String value) {
    if (!value.isEmpty()) {
      h.append("<span>").append(label).append(": <b>").append(Text.html(value)).append("</b></span> ");
    }
  }

  private static void summary(StringBuilder h, Report report) {
    h.append("<h2>Prompt versions</h2>\n<table id=\"prompts\" class=\"sortable\"><thead><tr>")
        .append("<th>prompt</th><th>version</th><th>model</th><th>n</th><th>pass rate [95 % CI]</th>")
        .append("<th>hallucination</th><th>quality (0\u20131, higher is better)</th><th>cost / case</th><th>cost</th><th>p95</th><th>gate</th>")
        .append("</tr></thead><tbody>\n");
    for (PromptStats s : report.prompts()) {
      String gate = Cells.gate(s.prompt(), report.gates());
      h.append("<tr class=\"prompt-row\">")
          .append(td(Text.name(s.prompt().id()))).append(td(Text.name(s.prompt().version()))).append(td(Text.name(s.prompt().model())))
          .append(num(Cells.n(s), s.runs()))
          .append(num(Cells.passRate(s), s.runs() == 0 ? -1 : s.passRate()))
          .append(num(Cells.hallucination(s), s.hallucinationRate().orElse(-1)))
          .append(num(Cells.quality(s), s.qualityScore().value().orElse(-1)))
          .append(num(Cells.costPerCase(s.applicationCost()), s.applicationCost().perCaseUsd().orElse(-1)))
          .append(num(Cells.cost(s.applicationCost()), s.applicationCost().totalUsd().orElse(-1)))
          .append(num(Cells.p95(s), s.latency().count() == 0 ? -1 : s.latency().p95Ms()))
          .append("<td class=\"").append(Text.html(gate)).append("\">").append(Text.html(gate)).append("</td>")
          .append("</tr>\n");
    }
    h.append("</tbody></table>\n");
    quality(h, report);
    for (PromptStats s : report.prompts()) {
      if (s.casesTruncated()) {
        h.append("<p class=\"case-limit unknown\">").append(Text.html(s.prompt().label() + ": " + Cells.caseLimit(s)))
            .append("</p>\n");
      }
    }
  }

  /** Quality scores per prompt version and rubric, when rubrics graded the run. */
  private static void quality(StringBuilder h, Report report) {
    if (report.prompts().stream().allMatch(s -> s.quality().isEmpty())) {
      return;
    }
    h.append("<h2>Quality scores (model-graded)</h2>\n<table id=\"quality\" class=\"sortable\"><thead><tr>")
        .append("<th>prompt</th><th>version</th><th>model</th><th>rubric</th><th>quality [95 % CI]</th><th>cases</th>")
        .append("<th>spread</th><th>judge errors</th><th>judge agreement</th><th>judge cost</th>")
        .append("</tr></thead><tbody>\n");
    for (PromptStats s : report.prompts()) {
      for (io.github.evals4j.aggregate.QualityStats q : s.quality()) {
        h.append("<tr class=\"quality-row\">").append(td(Text.name(s.prompt().id())))
            .append(td(Text.name(s.prompt().version()))).append(td(Text.name(s.prompt().model())))
            .append(td(Text.name(q.rubric())))
            .append(num(Cells.rubricScore(q), q.scored() ? q.mean() : -1))
            .append(num(Cells.rubricCases(q), q.cases()))
            .append(td(Cells.rubricSpread(q)))
            .append(num(Cells.judgeErrors(q), q.judgeErrors()))
            .append(td(Cells.agreement(q)))
            .append(num(Cells.cost(s.judgeCost()), s.judgeCost().totalUsd().orElse(-1)))
            .append("</tr>\n");
      }
    }
    h.append("</tbody></table>\n<p class=\"meta\">").append(Text.html(Cells.QUALITY_NOTE))
        .append("</p>\n");
  }

  private static String td(String text) {
    return "<td>" + Text.html(text) + "</td>";
  }

  private static String num(String text, double sortKey) {
    return "<td class=\"num\" data-sort=\"" + String.format(Locale.ROOT, "%.10g", sortKey) + "\">"
        + Text.html(text) + "</td>";
  }

  private static int chartHeight(int rows) {
    return 30 + rows * ROW;
  }

  private static void axis(StringBuilder h, int rows, String left, String right, double rightX) {
    int y = chartHeight(rows) - 8;
    h.append("<line x1=\"").append(LABEL_WIDTH).append("\" y1=\"10\" x2=\"").append(LABEL_WIDTH)
        .append("\" y2=\"").append(y - 10).append("\" stroke=\"#8c959f\"/>")
        .append("<text x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y).append("\">").append(left).append("</text>")
        .append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"", rightX)).append(y)
        .append("\" text-anchor=\"end\">").append(Text.html(right)).append("</text>");
  }

  private static void label(StringBuilder h, int row, String label) {
    h.append("<text x=\"").append(LABEL_WIDTH - 8).append("\" y=\"").append(14 + row * ROW + 13)
        .append("\" text-anchor=\"end\">").append(Text.html(Text.console(label, 32))).append("</text>");
  }

  private static void openChart(StringBuilder h, String id, String ariaLabel, int rows) {
    int height = chartHeight(rows);
    h.append(String.format(Locale.ROOT,
        "<svg id=\"%s\" role=\"img\" aria-label=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">",
        id, ariaLabel, CHART_WIDTH, height, CHART_WIDTH, height));
  }

  private static void passRateChart(StringBuilder h, List<PromptStats> prompts) {
    int rows = prompts.size();
    double span = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH;
    openChart(h, "chart-pass-rate", "pass rate per prompt version", rows);
    for (int i = 0; i < rows; i++) {
      PromptStats s = prompts.get(i);
      label(h, i, s.prompt().label());
      double y = 14 + i * ROW;
      double w = s.passRate() * span;
      h.append(String.format(Locale.ROOT,
          "<rect class=\"bar pass-rate\" x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"18\" fill=\"#54aeff\"><title>%s</title></rect>",
          LABEL_WIDTH, y, w, Text.html(s.prompt().label() + ": " + Cells.passRate(s))));
      double lo = LABEL_WIDTH + s.passRateInterval().lower() * span;
      double hi = LABEL_WIDTH + s.passRateInterval().upper() * span;
      h.append(String.format(Locale.ROOT,
          "<path class=\"interval\" d=\"M%.1f %.1fV%.1fM%.1f %.1fH%.1fM%.1f %.1fV%.1f\" stroke=\"#1f2328\" fill=\"none\"/>",
          lo, y + 3, y + 15, lo, y + 9, hi, hi, y + 3, y + 15));
      h.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text>",
          LABEL_WIDTH + span + 10, y + 13, Text.html(s.runs() == 0 ? "–" : Format.percent(s.passRate()))));
    }
    axis(h, rows, "0 %", "100 %", LABEL_WIDTH + span);
    h.append("</svg>\n");
  }

  private static void costChart(StringBuilder h, List<PromptStats> prompts) {
    int rows = prompts.size();
    double max = 0;
    for (PromptStats s : prompts) {
      max = Math.max(max, s.applicationCost().perCaseUsd().orElse(0));
    }
    double span = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH;
    openChart(h, "chart-cost", "cost per case per prompt version", rows);
    for (int i = 0; i < rows; i++) {
      PromptStats s = prompts.get(i);
      label(h, i, s.prompt().label());
      double y = 14 + i * ROW;
      if (s.applicationCost().perCaseUsd().isPresent()) {
        double v = s.applicationCost().perCaseUsd().getAsDouble();
        double w = max == 0 ? 0 : v / max * span;
        h.append(String.format(Locale.ROOT,
            "<rect class=\"bar cost\" x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"18\" fill=\"#8250df\"><title>%s</title></rect>",
            LABEL_WIDTH, y, w, Text.html(s.prompt().label() + ": " + Format.usd(v) + " per case")));
        h.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text>", LABEL_WIDTH + span + 10, y + 13,
            Text.html(Format.usd(v))));
      } else {
        h.append(String.format(Locale.ROOT, "<text class=\"unknown\" x=\"%d\" y=\"%.1f\">%s</text>",
            LABEL_WIDTH + 6, y + 13, Text.html(Cells.costPerCase(s.applicationCost()))));
      }
    }
    axis(h, rows, "$0", max == 0 ? "" : Format.usd(max), LABEL_WIDTH + span);
    h.append("</svg>\n");
  }

  private static void latencyChart(StringBuilder h, List<PromptStats> prompts) {
    int rows = prompts.size();
    double max = 0;
    for (PromptStats s : prompts) {
      max = Math.max(max, s.latency().p99Ms());
    }
    double span = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH;
    String[] colours = {"#4ac26b", "#d4a72c", "#fa4549"};
    openChart(h, "chart-latency", "latency per prompt version: p50 (green), p95 (yellow), p99 (red)", rows);
    for (int i = 0; i < rows; i++) {
      PromptStats s = prompts.get(i);
      label(h, i, s.prompt().label());
      double y = 14 + i * ROW;
      if (s.latency().count() == 0) {
        h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\">–</text>", LABEL_WIDTH + 6, y + 13));
        continue;
      }
      double[] values = {s.latency().p50Ms(), s.latency().p95Ms(), s.latency().p99Ms()};
      String[] names = {"p50", "p95", "p99"};
      // Drawn longest first so that the shorter percentiles stay visible on top.
      for (int k = 2; k >= 0; k--) {
        double w = max == 0 ? 0 : values[k] / max * span;
        h.append(String.format(Locale.ROOT,
            "<rect class=\"bar latency %s\" x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"18\" fill=\"%s\"><title>%s</title></rect>",
            names[k], LABEL_WIDTH, y, w, colours[k],
            Text.html(s.prompt().label() + " " + names[k] + ": " + Format.millis(values[k]))));
      }
      h.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text>",
          LABEL_WIDTH + span + 10, y + 13,
          Text.html(Format.millis(values[0]) + " / " + Format.millis(values[1]) + " / " + Format.millis(values[2]))));
    }
    axis(h, rows, "0 ms", max == 0 ? "" : Format.millis(max), LABEL_WIDTH + span);
    legend(h, rows, new String[] {"p50", "p95", "p99"}, colours,
        new String[] {"median", "95th percentile", "99th percentile"});
    h.append("</svg>\n");
  }

  /** A key under the chart, between the axis labels: a swatch and a name per series. */
  private static void legend(StringBuilder h, int rows, String[] names, String[] colours, String[] titles) {
    int y = chartHeight(rows) - 8;
    h.append("<g class=\"legend\">");
    for (int k = 0; k < names.length; k++) {
      int x = LABEL_WIDTH + 70 + k * 70;
      h.append(String.format(Locale.ROOT,
          "<g class=\"legend-item %s\"><title>%s</title><rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
              + "<text x=\"%d\" y=\"%d\">%s</text></g>",
          names[k], titles[k], x, y - 9, colours[k], x + 14, y, names[k]));
    }
    h.append("</g>");
  }

  private static void gates(StringBuilder h, List<GateResult> gates) {
    h.append("<h2>Gates</h2>\n<table id=\"gates\" class=\"sortable\"><thead><tr><th>prompt</th><th>metric</th>")
        .append("<th>status</th><th>value</th><th>threshold</th><th>baseline</th></tr></thead><tbody>\n");
    for (GateResult g : gates) {
      String status = g.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
      h.append("<tr class=\"gate-row\">").append(td(g.prompt().label())).append(td(g.metric()))
          .append("<td class=\"").append(g.failed() ? "FAIL" : g.status().name().equals("UNKNOWN") ? "unknown" : "pass")
          .append("\">").append(Text.html(status)).append("</td>")
          .append(td(g.value())).append(td(g.threshold())).append(td(g.baseline())).append("</tr>\n");
    }
    h.append("</tbody></table>\n");
  }

  private static void comparisons(StringBuilder h, String id, String title, List<Comparison> comparisons) {
    if (comparisons.isEmpty()) {
      return;
    }
    h.append("<h2>").append(title).append("</h2>\n<p class=\"meta\">").append(Text.html(Cells.MEASURE_NOTE))
        .append("</p>\n<table id=\"").append(id).append("\" class=\"sortable\"><thead><tr>")
        .append("<th>baseline</th><th>candidate</th><th>mean per-case pass rate</th><th>\u0394</th><th>cases</th>")
        .append("<th>test</th><th>p</th><th>verdict</th>")
        .append("<th>\u0394 cost / case</th><th>\u0394 p95</th><th>regressed</th><th>fixed</th></tr></thead><tbody>\n");
    for (Comparison c : comparisons) {
      String cases = Cells.cases(c) + (c.casesNotCompared() > 0
          ? " (case limit: " + c.casesNotCompared() + " not compared)" : "");
      h.append("<tr class=\"comparison-row\">").append(td(c.baseline().label())).append(td(c.candidate().label()))
          .append(num(Format.percent(c.baselinePassRate()) + " \u2192 " + Format.percent(c.candidatePassRate()), c.candidatePassRate()))
          .append(num(Format.points(c.passRateDelta()), c.passRateDelta()))
          .append(num(cases, c.candidateCases())).append(td(c.test()))
          .append(num(String.format(Locale.ROOT, "%.3g", c.pValue()), c.pValue())).append(td(Cells.verdict(c)))
          .append(num(c.costPerCaseDeltaUsd().isPresent() ? Format.usdDelta(c.costPerCaseDeltaUsd().getAsDouble()) : "unknown",
              c.costPerCaseDeltaUsd().orElse(0)))
          .append(num(c.p95LatencyDeltaMs().isPresent() ? String.format(Locale.ROOT, "%+.0f ms", c.p95LatencyDeltaMs().getAsDouble()) : "\u2013",
              c.p95LatencyDeltaMs().orElse(0)))
          .append("<td class=\"regressed\">").append(Text.html(Cells.regressed(c, 20, x -> x))).append("</td>")
          .append("<td class=\"fixed\">").append(Text.html(Cells.fixed(c, 20, x -> x))).append("</td>")
          .append("</tr>\n");
    }
    h.append("</tbody></table>\n");
    List<String> quality = new java.util.ArrayList<>();
    for (Comparison c : comparisons) {
      c.quality().forEach(q -> quality.add(q.summary()));
    }
    if (!quality.isEmpty()) {
      h.append("<ul class=\"quality-comparisons\">");
      quality.forEach(q -> h.append("<li>").append(Text.html(q)).append("</li>"));
      h.append("</ul>\n<p class=\"meta\">Quality scores compared per rubric: paired sign-flip"
          + " permutation test (mid-p) of the per-case mean score differences over the common"
          + " cases; a winner only when p &lt; 0.05.</p>\n");
    }
  }

  private static void details(StringBuilder h, PromptStats s, int index) {
    h.append("<h2>").append(Text.html(s.prompt().label())).append("</h2>\n")
        .append(s.casesTruncated() ? "<p class=\"case-limit unknown\">" + Text.html(Cells.caseLimit(s)) + "</p>\n" : "")
        .append("<table id=\"checks-").append(index).append("\" class=\"sortable\"><thead><tr><th>check</th>")
        .append("<th>pass rate</th><th>results</th><th>mean score</th><th>score is</th><th>informational</th></tr></thead><tbody>\n");
    for (CheckStats c : s.checks()) {
      h.append("<tr>").append(td(c.name())).append(num(Format.percent(c.passRate()), c.passRate()))
          .append(num(String.valueOf(c.results()), c.results()))
          .append(num(Cells.checkScore(c), c.scale().equals(CheckStats.PASS_FAIL) ? -1 : c.meanScore().mean()))
          .append(td(Cells.scoreMeaning(c)))
          .append(td(c.informational() ? "yes" : "")).append("</tr>\n");
    }
    h.append("</tbody></table>\n<p>");
    if (s.repeats().maxRepeats() > 1) {
      for (int k = 0; k < s.repeats().passAtK().size(); k++) {
        h.append("pass@").append(k + 1).append(' ').append(Format.percent(s.repeats().passAtK().get(k)))
            .append(", pass^").append(k + 1).append(' ').append(Format.percent(s.repeats().passHatK().get(k))).append(" · ");
      }
      h.append(String.format(Locale.ROOT, "score spread across repeats: mean sd %.3f, max %.3f · ",
          s.repeats().meanScoreStdDev(), s.repeats().maxScoreStdDev()));
      h.append(s.repeats().unstableCases()).append(" unstable case(s)");
      if (!s.repeats().unstableCaseIds().isEmpty()) {
        h.append(": ").append(Text.html(String.join(", ", s.repeats().unstableCaseIds().stream().map(Text::name).toList())));
      }
      h.append("<br>");
    }
    h.append(String.format(Locale.ROOT, "Tokens: %d in (%d cached), %d out, %d calls",
        s.tokens().inputTokens(), s.tokens().cachedInputTokens(), s.tokens().outputTokens(), s.tokens().calls()));
    if (s.tokens().replayedCalls() > 0) {
      h.append(", ").append(s.tokens().replayedCalls()).append(" replayed, ")
          .append(s.tokens().calls() - s.tokens().replayedCalls()).append(" live");
    }
    if (s.judgeCost().calls() > 0) {
      h.append(" · judge cost ").append(Text.html(Cells.cost(s.judgeCost())));
    }
    if (!s.applicationCost().unpricedModels().isEmpty()) {
      h.append(" · no price for ").append(Text.html(String.join(", ", s.applicationCost().unpricedModels())));
    }
    h.append("</p>\n");
    if (!s.examples().isEmpty()) {
      h.append("<details class=\"examples\"><summary>").append(s.examples().size()).append(" failing example(s)</summary>\n");
      for (FailingExample e : s.examples()) {
        h.append("<div class=\"example\"><p><b>case ").append(Text.html(Text.name(e.caseId()))).append(" #").append(e.repeat())
            .append("</b> · ").append(Text.html(e.check()))
            .append(e.occurrences() > 1 ? " (failed in " + e.occurrences() + " runs, first shown)" : "")
            .append("</p><pre class=\"message\">")
            .append(Text.html(e.message())).append("</pre>");
        if (!e.evidence().isEmpty()) {
          h.append("<ul>");
          for (Evidence ev : e.evidence()) {
            h.append("<li>").append(Text.html(ev.kind())).append(" at ").append(ev.start()).append("..").append(ev.end())
                .append(": <code>").append(Text.html(ev.text())).append("</code> ").append(Text.html(ev.reason())).append("</li>");
          }
          h.append("</ul>");
        }
        if (!e.outputExcerpt().isEmpty()) {
          h.append("<pre>").append(Text.html(e.outputExcerpt())).append("</pre>");
        }
        h.append("</div>\n");
      }
      h.append("</details>\n");
    }
    if (s.failedResultsNotShown() > 0) {
      h.append("<p class=\"not-shown\">").append(Text.html(Cells.notShown(s))).append("</p>\n");
    }
  }
}
