package io.github.evals4j.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.evals4j.aggregate.RunAggregator;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.aggregate.AggregationOptions;
import io.github.evals4j.check.Direction;
import io.github.evals4j.cost.PriceTable;
import io.github.evals4j.gate.GateSettings;
import io.github.evals4j.prompt.Attribution;
import io.github.evals4j.prompt.PromptRef;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

  @Test
  void should_show_hand_computed_row_per_prompt_version() {
    // WHEN
    String md = MarkdownReport.render(Fixtures.report());
    // THEN (figures: see Fixtures)
    assertThat(md).startsWith("## evals4j report\n\nRun 4242 · commit 0123456789ab · branch main · github-actions · ");
    assertThat(md).contains(
        "| summarize | v1 | gpt-4o-mini | 4 (8 runs) | 62.5 % [30.6 %, 86.3 %] | 12.5 % | 0.75 | $0.00054 | $0.00216 | 699 ms | ❌ fail |");
    assertThat(md).contains(
        "| classify | v1 | acme-llm | 1 | 100.0 % [20.7 %, 100.0 %] | – | 1.00 | unknown | unknown (1 unpriced) | 40 ms | ⚠️ unknown |");
    assertThat(md).contains("- ❌ summarize@v1/gpt-4o-mini: max-hallucination-rate failed: hallucination rate 12.5 % &gt; 5.0 %");
    assertThat(md).contains("Comparisons measure the mean per-case pass rate");
    assertThat(md).contains("summarize@v2/gpt-4o-mini vs summarize@v1/gpt-4o-mini: mean per-case pass rate 62.5 % → 75.0 %"
        + " (+12.5 pp, 4 paired cases), not significant (p = 0.750, sign-flip-mid-p), \\~277 more cases per version"
        + " needed · cost / case +$0.00018 · p95 +43 ms · 1 regressed, 2 fixed\n"
        + "  - regressed: case d: passed 100.0 % → 0.0 %\n"
        + "  - fixed: case b: passed 50.0 % → 100.0 %\n"
        + "  - fixed: case c: passed 0.0 % → 100.0 %\n");
    assertThat(md).contains("| json.valid | 75.0 % | 8 | – | pass/fail (1/0): see pass rate |  |")
        .contains("| specificity | 100.0 % | 8 | 0.50 | 0–1 score, higher is better |  |")
        .contains("- case c #0, json.valid (failed in 2 runs, first shown):");
    assertThat(md).contains("pass@2 75.0 %, pass^2 50.0 % · score spread across repeats: mean sd 0.088, max 0.177"
        + " · 1 unstable case: b");
    assertThat(md).contains("Costs use list prices as of 2025-10-31");
  }

  @Test
  void should_say_which_way_each_checks_score_is_better() {
    // GIVEN the checks of the issue: refusal (0..1, lower is better), test.outcome (1/0 failures,
    // lower is better), tokens.max (a count, lower is better)
    RunAggregator run = new RunAggregator();
    PromptRef p = new PromptRef("answer", "v1", "gpt-4o");
    for (int r = 0; r < 4; r++) {
      Attribution at = new Attribution(p, "q-" + r, 0);
      run.recordCheck(at, new CheckResult("refusal", true, 0.08, 0.5, Direction.AT_MOST, List.of(), ""));
      run.recordCheck(at, new CheckResult("test.outcome", r < 2, r < 2 ? 0 : 1, 0, Direction.AT_MOST, List.of(), "x"));
      run.recordCheck(at, new CheckResult("tokens.max", true, 30 + r, 100, Direction.AT_MOST, List.of(), ""));
    }
    Report report = Reports.build(Fixtures.runInfo(), run.snapshot(), Optional.empty(), GateSettings.defaults());
    // WHEN
    String md = MarkdownReport.render(report);
    String html = HtmlReport.render(report);
    // THEN no bare "mean score" of 0.50 beside a 50 % pass rate, no token count read as a score
    assertThat(md).contains("| refusal | 100.0 % | 4 | 0.08 | 0–1 score, lower is better |  |")
        .contains("| test.outcome | 50.0 % | 4 | – | pass/fail (1/0): see pass rate |  |")
        .contains("| tokens.max | 100.0 % | 4 | 31.50 | a count or measure (e.g. tokens), lower is better |  |");
    assertThat(html).contains("<td>a count or measure (e.g. tokens), lower is better</td>")
        .contains("<th>score is</th>");
  }

  @Test
  void should_say_how_many_failing_results_are_not_shown() {
    // GIVEN 12 cases each failing test.outcome in 3 runs; 10 examples per version at most
    RunAggregator run = new RunAggregator();
    PromptRef p = new PromptRef("answer", "v1", "gpt-4o");
    for (int c = 0; c < 12; c++) {
      for (int r = 0; r < 3; r++) {
        run.recordCheck(new Attribution(p, "t-" + c, r),
            new CheckResult("test.outcome", false, 1, 0, Direction.AT_MOST, List.of(), "failed"));
      }
    }
    Report report = Reports.build(Fixtures.runInfo(), run.snapshot(), Optional.empty(), GateSettings.defaults());
    // WHEN
    String md = MarkdownReport.render(report);
    String html = HtmlReport.render(report);
    // THEN one example per case (not 10 copies of t-0), and the 2 cases left out are counted
    assertThat(md).contains("- case t-0 #0, test.outcome (failed in 3 runs, first shown):")
        .doesNotContain("- case t-0 #1").doesNotContain("- case t-10 ")
        .contains("6 more failing results not shown (one example per case and check, a capped number per version).");
    assertThat(html).contains("<p class=\"not-shown\">6 more failing results not shown");
    assertThat(ReportJson.toTree(report).path("prompts").path(0).path("failedResults").asLong()).isEqualTo(36);
  }

  @Test
  void should_say_so_in_every_output_when_the_case_limit_is_reached() {
    // GIVEN a case limit of 3 and 5 cases in each of two versions
    RunAggregator run = new RunAggregator(
        new AggregationOptions(Set.of(), "grounding", "specificity", 10, 3, 300), PriceTable.bundled());
    for (String v : List.of("v1", "v2")) {
      for (int c = 0; c < 5; c++) {
        run.recordCheck(Attribution.of(new PromptRef("answer", v, "gpt-4o"), "q-" + c),
            CheckResult.of("json.valid", c != 4, List.of(), ""));
      }
    }
    Report report = Reports.build(Fixtures.runInfo(), run.snapshot(), Optional.empty(), GateSettings.defaults());
    String limit = "case limit reached: outcomes kept for 3 of 5 cases";
    // THEN
    assertThat(MarkdownReport.render(report)).contains("⚠️ answer@v1/gpt-4o: " + limit)
        .contains("; case limit reached: 2 cases not compared");
    assertThat(ConsoleTable.render(report)).contains("CASE LIMIT answer@v1/gpt-4o: " + limit)
        .contains("; case limit reached: 2 cases not compared");
    assertThat(HtmlReport.render(report)).contains(limit).contains("(case limit: 2 not compared)");
    assertThat(ReportJson.toTree(report).path("comparisons").path(0).path("casesNotCompared").asLong()).isEqualTo(2);
    assertThat(io.github.evals4j.compare.ReportDiff.of(report, report, 0.2).markdown())
        .contains("case limit reached, 2 cases not compared");
  }

  @Test
  void should_keep_the_lines_of_a_multi_line_check_message() {
    // GIVEN a message with a caret excerpt, as the JSON check writes it
    StringBuilder md = new StringBuilder();
    // WHEN
    Text.mdPreBlock(md, "not valid JSON: trailing comma at line 2, column 20\n"
        + "    2 |   \"tags\": [\"a\",],\n      |              ^", "  ");
    // THEN the lines are kept, in a <pre> block, escaped
    assertThat(md.toString()).isEqualTo("\n  <pre>not valid JSON: trailing comma at line 2, column 20\n"
        + "      2 |   &quot;tags&quot;: [&quot;a&quot;,&#93;,\n"
        + "        |              ^</pre>\n\n");
  }

  @Test
  void should_escape_every_llm_text_when_outputs_are_hostile() {
    String md = MarkdownReport.render(Fixtures.report(HostileCorpus.OUTPUTS));
    // no raw tag, no table break, no link from the corpus; lone surrogates and controls replaced
    assertThat(md).doesNotContain("<script").doesNotContain("<img").doesNotContain("<iframe").doesNotContain("<a ")
        .doesNotContain("\u0000").doesNotContain("\u001B")
        .doesNotContainPattern("(?<!\\\\)\\]\\("); // no unescaped "](": no link or image
    assertThat(md).contains("&lt;script&gt;document.title='PWNED'").contains("\\| table \\| break \\|")
        .contains("\\[link\\](javascript:alert(1))");
    for (int i = 0; i < md.length(); i++) {
      char ch = md.charAt(i);
      if (Character.isHighSurrogate(ch)) {
        assertThat(Character.isLowSurrogate(md.charAt(i + 1))).as("pair at %d", i).isTrue();
        i++;
      } else {
        assertThat(Character.isLowSurrogate(ch)).as("lone low surrogate at %d", i).isFalse();
      }
    }
    // every table row still has its header's cells: 11 (summary) or 5 (checks)
    assertThat(md.lines().filter(l -> l.startsWith("| ") && l.contains("PWNED")))
        .isNotEmpty()
        .allSatisfy(l -> assertThat(l.replace("\\|", "").chars().filter(c -> c == '|').count()).isIn(12L, 7L));
  }

  @Test
  void should_stay_small_when_names_and_outputs_are_huge() {
    // GIVEN a 1 MB prompt id, case id and output on a failing, unstable case
    String huge = "\u4E2D".repeat(1_000_000);
    RunAggregator run = new RunAggregator();
    PromptRef p = new PromptRef(huge, "v1", "gpt-4o");
    run.recordCheck(new Attribution(p, huge, 0), CheckResult.of("c", false, List.of(), huge), huge);
    run.recordCheck(new Attribution(p, huge, 1), CheckResult.of("c", true, List.of(), ""), huge);
    Report report = Reports.build(Fixtures.runInfo(), run.snapshot(), Optional.empty(), GateSettings.defaults());
    // WHEN
    String md = MarkdownReport.render(report);
    String html = HtmlReport.render(report);
    // THEN every name and text is abbreviated (\u2026) in what people read
    assertThat(md.length()).isLessThan(20_000);
    assertThat(html.length()).isLessThan(40_000);
    assertThat(md).contains("\u4E2D".repeat(119) + "\u2026");
  }

  @Test
  void should_escape_what_github_turns_into_links_pings_and_math() {
    // GIVEN an output with bare URLs, mentions, an e-mail address, an issue reference and math
    String text = "see https://evil.example/x and www.evil.example, thanks @octocat and @org/team,"
        + " mail bob@corp.example, fixes #12, $x^2$ and $$y$$";

    // WHEN
    String md = MarkdownReport.escape(text);

    // THEN GitHub finds no URL, no name to ping, no reference and no formula in it
    assertThat(md).isEqualTo("see https:&#8203;//evil.example/x and www&#8203;.evil.example, thanks"
        + " @&#8203;octocat and @&#8203;org/team, mail bob@&#8203;corp.example, fixes \\#&#8203;12,"
        + " <span>$</span>x^2<span>$</span> and <span>$</span><span>$</span>y<span>$</span><span>$</span>");
    // while a prompt label keeps its '@' (no mention, no e-mail there)
    assertThat(MarkdownReport.escape("summarize@v1/gpt-4o-mini")).isEqualTo("summarize@v1/gpt-4o-mini");
  }

  @Test
  void should_show_controls_and_bidi_overrides_of_an_output_as_escapes() {
    assertThat(MarkdownReport.escape("a\u202Eb\u001B[2Jc\u200Bd")).isEqualTo("a\\\\u202Eb\\\\u001B\\[2Jc\\\\u200Bd");
  }
}
