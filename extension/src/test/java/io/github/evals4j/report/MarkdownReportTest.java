package io.github.evals4j.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.evals4j.aggregate.RunAggregator;
import io.github.evals4j.assertions.CheckResult;
import io.github.evals4j.gate.GateSettings;
import io.github.evals4j.prompt.Attribution;
import io.github.evals4j.prompt.PromptRef;
import java.util.List;
import java.util.Optional;
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
    assertThat(md).contains("summarize@v2/gpt-4o-mini vs summarize@v1/gpt-4o-mini: +12.5 pp, not significant (p = 0.625),"
        + " \\~54 more cases per version needed · mcnemar-mid-p test · cost / case +$0.00018");
    assertThat(md).contains("  - case d: passed 100.0 % → 0.0 %");
    assertThat(md).contains("pass@2 75.0 %, pass^2 50.0 % · score spread across repeats: mean sd 0.088, max 0.177"
        + " · 1 unstable case: b");
    assertThat(md).contains("Costs use list prices as of 2025-10-31");
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
        .allSatisfy(l -> assertThat(l.replace("\\|", "").chars().filter(c -> c == '|').count()).isIn(12L, 6L));
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
