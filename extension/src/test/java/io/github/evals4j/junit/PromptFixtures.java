package io.github.evals4j.junit;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.evals4j.check.Check;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.assertions.Checks;
import io.github.evals4j.dataset.EvalCase;
import io.github.evals4j.junit.dataset.DatasetSource;
import io.github.evals4j.junit.prompt.Prompt;
import io.github.evals4j.junit.prompt.Prompts;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.prompt.PromptRef;
import io.github.evals4j.recording.Recording;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Prompt-attributed fixture tests, run by the tests through the Launcher, never on their own. */
final class PromptFixtures {

  /** The secrets in the dataset (case c3): none may reach Sentry. */
  static final List<String> SECRETS =
      List.of("ann.lee@example.com", "abcDEF1234567890xyz", "sk-test1234567890abcdefXYZ");

  private PromptFixtures() {}

  /**
   * Two versions of "summarize" over the same four cases, twice each. What each version answers,
   * per case and repeat ('p' passes, 'f' fails): v1 passes 5 of 8 runs (c3 never, c4 once), v2
   * passes all 8. Every run makes one gpt-4o-mini call of 1,000 input and 200 output tokens.
   */
  static final Map<String, String> PLAN = Map.of(
      "v1/c1", "pp", "v1/c2", "pp", "v1/c3", "ff", "v1/c4", "pf",
      "v2/c1", "pp", "v2/c2", "pp", "v2/c3", "pp", "v2/c4", "pp");

  @Evals4j
  @Prompt(id = "summarize", version = "v1", model = "gpt-4o-mini")
  static class Summaries {
    static final Map<String, AtomicInteger> SEEN = new ConcurrentHashMap<>();

    @BeforeAll
    static void reset() {
      SEEN.clear();
    }

    @ParameterizedTest
    @DatasetSource(value = "datasets/summaries.jsonl", repeats = 2)
    void v1(EvalCase c) {
      answer("v1", c);
    }

    @ParameterizedTest
    @DatasetSource(value = "datasets/summaries.jsonl", repeats = 2)
    void v2(EvalCase c) {
      Prompts.use("summarize", "v2", "gpt-4o-mini");
      answer("v2", c);
    }

    private static void answer(String version, EvalCase c) {
      String key = version + "/" + c.id();
      boolean pass = PLAN.get(key).charAt(SEEN.computeIfAbsent(key, k -> new AtomicInteger())
          .getAndIncrement()) == 'p';
      Recording.llmCall(LlmCall.builder("openai", "gpt-4o-mini")
          .responseModel("gpt-4o-mini-2024-07-18").inputTokens(1000).outputTokens(200)
          .latency(Duration.ofMillis(200)).build());
      String output = "Summary: " + c.input("text");
      Checks.evaluate(Check.of("answer.correct", out -> CheckResult.of("answer.correct", pass,
          List.of(), pass ? "" : "wrong summary: " + out)), output);
    }
  }

  /** The same suite with a lower pass-rate gate declared on the annotation. */
  @Prompt(id = "summarize", version = "v1", model = "gpt-4o-mini", gates = "min-pass-rate=0.6")
  static class GatedSummaries extends Summaries {}

  /** A gate the annotation cannot declare. */
  @Evals4j
  @Prompt(id = "broken", version = "v1", gates = "min-pass=0.5")
  static class BadGate {
    @Test
    void runs() {}
  }

  /** Every way to attribute a test. */
  @Evals4j
  @Prompt(id = "classify", version = "v1")
  static class Attributed {
    @Test
    void fromClass() {}

    @Test
    @Prompt(id = "classify", version = "v3", model = "claude-sonnet-4")
    void fromMethod() {}

    @Test
    void atRunTime() {
      Prompts.use("classify", "v2", "gpt-4o");
      Prompts.evalCase("case-42");
    }

    @RepeatedTest(3)
    void repeated() {}

    static Stream<Arguments> models() {
      EvalCase c = new EvalCase("k1", null, null, null, "inline");
      return Stream.of(arguments(new PromptRef("classify", "v1", "gpt-4o-mini"), c),
          arguments(new PromptRef("classify", "v1", "gpt-4o"), c));
    }

    @ParameterizedTest
    @MethodSource("models")
    void byArgument(PromptRef prompt, EvalCase c) {}

    static Stream<Arguments> versionsAndInputs() {
      return Stream.of("v1", "v2").flatMap(v -> Stream.of("refund", "shipping")
          .map(input -> arguments(new PromptRef("classify", v, "gpt-4o"), input)));
    }

    @ParameterizedTest
    @MethodSource("versionsAndInputs")
    void byPlainArguments(PromptRef prompt, String input) {}

    @Nested
    class Inner {
      @Test
      void inherited() {}
    }
  }

  /** One gating check that passes and one "tone" check that fails every time. */
  @Evals4j
  @Prompt(id = "reply", version = "v1", model = "gpt-4o-mini")
  static class WithTone {
    @RepeatedTest(4)
    void reply() {
      Checks.evaluate(Check.of("answer.correct",
          out -> CheckResult.of("answer.correct", true, List.of(), "")), "Thanks!");
      Checks.evaluate(Check.of("tone",
          out -> CheckResult.of("tone", false, List.of(), "too terse")), "Thanks!");
    }
  }

  /** Calls to a model the bundled price table does not know. */
  @Evals4j
  @Prompt(id = "extract", version = "v1", model = "acme-llm-7")
  static class UnknownModel {
    @RepeatedTest(2)
    void extract() {
      Recording.llmCall(LlmCall.builder("acme", "acme-llm-7").inputTokens(1_000_000)
          .outputTokens(500_000).latency(Duration.ofMillis(50)).build());
    }
  }

  /** Dataset repeats from the parameter and from the annotation. */
  @Evals4j
  @Prompt(id = "repeat", version = "v1")
  static class Repeats {
    @ParameterizedTest
    @DatasetSource(value = "datasets/summaries.jsonl", limit = 2)
    void byParameter(EvalCase c) {}

    @ParameterizedTest
    @DatasetSource(value = "datasets/summaries.jsonl", limit = 2, repeats = 2)
    void byAnnotation(EvalCase c) {}
  }

  /** A case id taken from an argument that holds a secret. */
  @Evals4j
  @Prompt(id = "leaky", version = "v1")
  static class SecretArgument {
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = "mail ann.lee@example.com now")
    void input(String text) {}
  }

  /** A failure whose message quotes secrets. */
  @Evals4j
  @Prompt(id = "leaky", version = "v2")
  static class SecretFailure {
    @Test
    void fails() {
      throw new AssertionError("output leaked sk-live1234567890abcdefgh to bob@corp.example");
    }
  }

  /**
   * The secrets the old scrubber let through, in every place a test puts text: the arguments (and
   * so the display name, {@code test.parameters} and the case id), a failing check's message, the
   * exception of the failure and a span of the test's own.
   */
  @Evals4j
  @Prompt(id = "leaky", version = "v3")
  static class IssueSecrets {
    static final List<String> SECRETS = List.of("CorrectHorse42", "Hunter2Secret",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "51H8exampleEXAMPLEexample00", "s3cr3t-Value");

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = "DB_PASSWORD=CorrectHorse42 via postgres://app:Hunter2Secret@localhost/db")
    void input(String text) {
      try (io.github.evals4j.junit.Evals4jTest.Span span =
          io.github.evals4j.junit.Evals4jTest.span("db.query", "connect PASSWORD = 's3cr3t-Value'")) {
        Checks.evaluate(Check.of("answer.correct", out -> CheckResult.of("answer.correct", false,
            List.of(), "the answer quotes aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")), text);
      }
      throw new IllegalStateException("charged with sk_live_51H8exampleEXAMPLEexample00 for " + text);
    }
  }

  /** A 60 KB adversarial case id (the old scrubber took 122 s over it with a DSN, 14 s without). */
  @Evals4j
  @Prompt(id = "huge", version = "v1")
  static class HugeCaseId {
    static final String ID = "sk-".repeat(10_000) + "-eyJ".repeat(7_500);

    @ParameterizedTest
    @MethodSource("ids")
    void input(String id) {}

    static Stream<String> ids() {
      return Stream.of(ID);
    }
  }

  /** Not attributed: no report. */
  @Evals4j
  static class Plain {
    @Test
    void checks() {
      Checks.evaluate(Checks.validJson(), "{}");
    }
  }
}
