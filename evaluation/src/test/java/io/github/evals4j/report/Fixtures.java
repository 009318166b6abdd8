package io.github.evals4j.report;

import io.github.evals4j.aggregate.AggregationOptions;
import io.github.evals4j.aggregate.RunAggregator;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.check.Direction;
import io.github.evals4j.check.Evidence;
import io.github.evals4j.cost.PriceTable;
import io.github.evals4j.gate.GateSettings;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.prompt.Attribution;
import io.github.evals4j.prompt.PromptRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A run of two versions of "summarize" over the same four cases, two repeats each, plus one
 * prompt on a model without a price. Hand-computed figures:
 *
 * <pre>
 * v1: a 2/2, b 1/2 (grounding fails in r0), c 0/2 (json fails), d 2/2 -> 5/8 runs = 62.5 %
 *     hallucination 1/8; calls 1000 in / 200 out at gpt-4o-mini: 8 × $0.00027 = $0.00216,
 *     per case $0.00054; latencies 100..800 ms
 * v2: a, b, c 2/2, d 0/2 (json fails)                               -> 6/8 runs = 75 %
 *     hallucination 0/8; calls 2000 in / 100 out: 8 × $0.00036 = $0.00288, per case $0.00072;
 *     latencies 150..850 ms
 * classify@v1/acme-llm: 1 case, passes, cost unknown
 * </pre>
 */
final class Fixtures {

  static final PromptRef V1 = new PromptRef("summarize", "v1", "gpt-4o-mini");
  static final PromptRef V2 = new PromptRef("summarize", "v2", "gpt-4o-mini");
  static final PromptRef UNPRICED = new PromptRef("classify", "v1", "acme-llm");

  static final Instant START = Instant.parse("2026-11-23T17:00:00Z");
  static final Instant END = Instant.parse("2026-11-23T17:02:30Z");

  private Fixtures() {}

  static RunAggregator run(List<String> hostileOutputs) {
    RunAggregator run = new RunAggregator(
        AggregationOptions.defaults().withInformational(Set.of("tone")).withMaxExamples(20), PriceTable.bundled());
    int k = 0;
    for (String id : List.of("a", "b", "c", "d")) {
      for (int r = 0; r < 2; r++) {
        String output = hostileOutputs.isEmpty()
            ? "{\"summary\": \"Revenue grew 42 % in 2024.\"}"
            : hostileOutputs.get(k % hostileOutputs.size());
        k++;
        // v1
        Attribution a1 = new Attribution(V1, id, r);
        boolean json1 = !id.equals("c");
        boolean grounded1 = !(id.equals("b") && r == 0);
        run.recordCheck(a1, CheckResult.of("json.valid", json1, evidence(output, json1), json1 ? "" : "not JSON: " + output), output);
        run.recordCheck(a1, CheckResult.of("grounding", grounded1, evidence(output, grounded1),
            grounded1 ? "" : "unsupported claim in " + output), output);
        run.recordCheck(a1, CheckResult.of("tone", !(id.equals("d") && r == 0), List.of(), ""), output);
        run.recordCheck(a1, new CheckResult("specificity", true, 0.5, 0.3, Direction.AT_LEAST, List.of(), ""));
        run.recordCall(a1, LlmCall.builder("openai", "gpt-4o-mini").responseModel("gpt-4o-mini-2024-07-18")
            .inputTokens(1000).outputTokens(200).latency(Duration.ofMillis(100L * k)).build());
        // v2
        Attribution a2 = new Attribution(V2, id, r);
        boolean json2 = !id.equals("d");
        run.recordCheck(a2, CheckResult.of("json.valid", json2, evidence(output, json2), json2 ? "" : "not JSON: " + output), output);
        run.recordCheck(a2, CheckResult.of("grounding", true, List.of(), ""), output);
        run.recordCheck(a2, new CheckResult("specificity", true, 0.7, 0.3, Direction.AT_LEAST, List.of(), ""));
        run.recordCall(a2, LlmCall.builder("openai", "gpt-4o-mini").inputTokens(2000).outputTokens(100)
            .latency(Duration.ofMillis(100L * k + 50)).build());
      }
    }
    if (!hostileOutputs.isEmpty()) {
      // names from users' files can be hostile too
      Attribution h = Attribution.of(new PromptRef(hostileOutputs.get(0), hostileOutputs.get(1), hostileOutputs.get(3)),
          hostileOutputs.get(4));
      for (String output : hostileOutputs) {
        run.recordCheck(new Attribution(h.prompt(), output, 0),
            CheckResult.of(hostileOutputs.get(2), false, evidence(output, false), output), output);
      }
      run.recordCall(h, LlmCall.builder("x", hostileOutputs.get(5)).inputTokens(1).outputTokens(1).build());
    }
    Attribution c = Attribution.of(UNPRICED, "only");
    run.recordCheck(c, CheckResult.of("label.valid", true, List.of(), ""));
    run.recordCall(c, LlmCall.builder("acme", "acme-llm").inputTokens(10).outputTokens(2)
        .latency(Duration.ofMillis(40)).build());
    return run;
  }

  private static List<Evidence> evidence(String output, boolean passed) {
    if (passed || output.isEmpty()) {
      return List.of();
    }
    int end = Math.min(output.length(), 40);
    if (end < output.length() && Character.isHighSurrogate(output.charAt(end - 1))) {
      end--;
    }
    return List.of(Evidence.of(output, 0, end, "span", "reason: " + output));
  }

  static RunInfo runInfo() {
    return RunInfo.fromEnvironment(
        Map.of("GITHUB_ACTIONS", "true", "GITHUB_SHA", "0123456789abcdef0123", "GITHUB_REF_NAME", "main",
            "GITHUB_RUN_ID", "4242"),
        null, START, END, "2025-10-31", PriceTable.bundled().sources());
  }

  static Report report() {
    return report(List.of());
  }

  static Report report(List<String> hostileOutputs) {
    return Reports.build(runInfo(), run(hostileOutputs).snapshot(), Optional.empty(), GateSettings.defaults());
  }
}
