package io.github.evals4j.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleTableTest {

  @Test
  void should_align_columns_and_list_failed_gates() {
    String table = ConsoleTable.render(Fixtures.report());
    assertThat(table).isEqualTo(String.join("\n",
        "evals4j report",
        "prompt     version  model        n           pass rate [95 % CI]        cost                  p95     gate",
        "classify   v1       acme-llm     1           100.0 % [20.7 %, 100.0 %]  unknown (1 unpriced)  40 ms   unknown",
        "summarize  v1       gpt-4o-mini  4 (8 runs)  62.5 % [30.6 %, 86.3 %]    $0.00216              699 ms  FAIL",
        "summarize  v2       gpt-4o-mini  4 (8 runs)  75.0 % [40.9 %, 92.9 %]    $0.00288              743 ms  FAIL",
        "COMPARED summarize@v2/gpt-4o-mini vs summarize@v1/gpt-4o-mini: mean per-case pass rate 62.5 % → 75.0 %"
            + " (+12.5 pp, 4 paired cases), not significant (p = 0.750, sign-flip-mid-p), ~277 more cases per version"
            + " needed; 1 regressed (d), 2 fixed (b, c)",
        "GATE FAILED summarize@v1/gpt-4o-mini: min-pass-rate failed: pass rate 62.5 % < 90.0 %",
        "GATE FAILED summarize@v1/gpt-4o-mini: max-hallucination-rate failed: hallucination rate 12.5 % > 5.0 %",
        "GATE FAILED summarize@v2/gpt-4o-mini: min-pass-rate failed: pass rate 75.0 % < 90.0 %",
        ""));
  }

  @Test
  void should_strip_terminal_escapes_when_names_are_hostile() {
    String table = ConsoleTable.render(Fixtures.report(HostileCorpus.OUTPUTS));
    assertThat(table).doesNotContain("\u001B").doesNotContain("\u0000").doesNotContain("\u0007");
    assertThat(table.lines()).allMatch(l -> l.codePointCount(0, l.length()) < 600);
  }

  @Test
  void should_never_print_a_workflow_command_or_a_bidi_override_from_a_name() {
    // GIVEN a prompt id that starts a GitHub workflow command, a version with a bidi override and
    // a gate line quoting a case id that tries to start its own line
    io.github.evals4j.aggregate.RunAggregator run = new io.github.evals4j.aggregate.RunAggregator();
    io.github.evals4j.prompt.PromptRef p = new io.github.evals4j.prompt.PromptRef(
        "::add-mask::pwned", "v1\u202E2v", "m\u001B[2J");
    run.recordCheck(new io.github.evals4j.prompt.Attribution(p, "x\n::error::y", 0),
        io.github.evals4j.check.CheckResult.of("c", false, java.util.List.of(), "no"));
    Report report = Reports.build(Fixtures.runInfo(), run.snapshot(), java.util.Optional.empty(),
        io.github.evals4j.gate.GateSettings.from(java.util.Map.of("evals4j.gate.min-case-pass-rate", "1")));

    // WHEN
    String table = ConsoleTable.render(report);

    // THEN
    assertThat(table.lines()).noneMatch(l -> l.stripLeading().startsWith("::"));
    assertThat(table).doesNotContain("\u202E", "\u001B").contains("\\u003A:add-mask::pwned",
        "v1\\u202E2v", "m\\u001B[2J", "x\\n::error::y");
  }
}
