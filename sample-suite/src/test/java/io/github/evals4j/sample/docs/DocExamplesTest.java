package io.github.evals4j.sample.docs;

import static io.github.evals4j.assertions.LlmAssertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.evals4j.assertions.Checks;
import io.github.evals4j.assertions.grounding.GroundingReport;
import io.github.evals4j.assertions.grounding.Sources;
import io.github.evals4j.assertions.length.LengthChecks;
import io.github.evals4j.assertions.length.SmsMessage;
import io.github.evals4j.assertions.length.TextUnit;
import io.github.evals4j.assertions.text.Claim;
import io.github.evals4j.assertions.text.ClaimKind;
import io.github.evals4j.assertions.text.Claims;
import io.github.evals4j.assertions.tokens.TokenCount;
import io.github.evals4j.assertions.tokens.TokenCounter;
import io.github.evals4j.check.Check;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.dataset.EvalCase;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.llm.responses.LlmResponses;
import io.github.evals4j.recording.Recorder;
import io.github.evals4j.recording.Recording;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Runs the examples of the docs that the pages mark {@code <!-- java-tested-in: ... -->} with this
 * file: each test gives the example's variables real values, holds the page's block verbatim
 * (checked by {@link DocSnippetSourcesTest}) and then asserts what the page's comments claim.
 */
class DocExamplesTest {

  @Test
  void should_run_the_llm_assertions_example() {
    String output = "The export button downloads the CSV.";
    Check myCheck = Check.of("mentions-csv",
        out -> CheckResult.of("mentions-csv", out.contains("CSV"), List.of(), ""));

    assertThat(output).passes(myCheck).contains("export");   // any AssertJ string assertion works too

    Assertions.assertThatThrownBy(() -> assertThat("no file").passes(myCheck))
        .hasMessageContaining("mentions-csv");
  }

  @Test
  void should_run_the_length_example() {
    String output = "Release 2.4 makes checkout faster. Read more at https://example.com/releases/2.4"
        + " #release\n- one-click pay\n- saved cards\n- receipts by mail\nThanks, @ops";

    assertThat(output)
        .hasAtMostWords(120)                     // = hasAtMost(120, TextUnit.WORDS)
        .hasAtMostSentences(6)
        .hasAtMostCharacters(900)                // Unicode code points
        .hasAtMostGraphemes(280)                 // what a reader sees as characters
        .hasBetween(3, 5, TextUnit.BULLETS)
        .hasAtLeast(1, TextUnit.URLS)
        .hasAtMost(2, TextUnit.HASHTAGS)
        .hasAtMost(1, TextUnit.MENTIONS)
        .hasAtMost(12, TextUnit.LINES)
        .hasAtMost(1_000, TextUnit.UTF16_UNITS); // String.length(), only if you need it

    Assertions.assertThat(TextUnit.BULLETS.count(output)).isEqualTo(3);
    Assertions.assertThat(TextUnit.URLS.count(output)).isEqualTo(1);
  }

  @Test
  void should_run_the_platform_presets_example() {
    String post = "Checkout got faster: one-click pay and saved cards. #release";
    String sms = "Your order ORD-123456 ships today.";

    assertThat(post).fitsXPost();            // X: 280 weighted characters
    assertThat(post).fitsLinkedInPost();     // LinkedIn: 3,000 characters
    assertThat(sms).fitsSmsSegments(1);      // one SMS
    int weight = LengthChecks.xWeightedLength(post);
    SmsMessage m = SmsMessage.of(sms);       // encoding GSM_7 or UCS_2, units, segments, segment starts
    CheckResult r = Checks.xPost().evaluate(post);   // also Checks.linkedInPost(), Checks.maxSmsSegments(2)

    Assertions.assertThat(weight).isEqualTo(post.length());
    Assertions.assertThat(m.encoding()).isEqualTo(SmsMessage.Encoding.GSM_7);
    Assertions.assertThat(m.segments()).isEqualTo(1);
    Assertions.assertThat(r.passed()).isTrue();
  }

  @Test
  void should_run_the_tokens_examples() {
    String output = "Checkout is faster: one-click pay, saved cards and receipts by mail.";

    assertThat(output).hasAtMostTokens(100, "gpt-4o-mini");
    assertThat(output).hasAtMostTokens(100, TokenCounter.forEncoding("cl100k_base"));
    TokenCount n = TokenCounter.forModel("gpt-4.1").count(output);   // "57 tokens (o200k_base for gpt-4.1)"
    CheckResult r = Checks.maxTokens(100, "gpt-4o-mini").evaluate(output);

    Assertions.assertThat(n).hasToString(n.tokens() + " tokens (o200k_base for gpt-4.1)");
    Assertions.assertThat(r.passed()).isTrue();

    assertThat(output).hasAtMostTokens(100, TokenCounter.approximate("claude-sonnet-4-5"));
    // failure: "≈142 tokens (o200k_base, approximation for claude-sonnet-4-5), more than the maximum of 100; …"

    Assertions.assertThatThrownBy(() -> assertThat(output.repeat(10))
            .hasAtMostTokens(100, TokenCounter.approximate("claude-sonnet-4-5")))
        .hasMessageContaining("tokens (o200k_base, approximation for claude-sonnet-4-5), more"
            + " than the maximum of 100");
  }

  @Test
  void should_run_the_grounding_example() {
    String logExcerpt = "2024-05-14T10:02:44.902Z ERROR payment-service E1042 gateway timeout"
        + " after 5000ms\nsummary: error rate 12.5%, p95 latency 2,950 ms";
    String catalogJson = "{\"sku\": \"LUMA-L2\", \"price\": {\"amount\": 89.0, \"currency\": \"EUR\"}}";
    String summary = "At 10:02:44 payment-service hit E1042 after 5000ms; error rate 12.5%, p95"
        + " latency 2950 ms. LUMA-L2 costs €89.";
    String pageHtml = "<button id=\"checkout-btn\" data-test=\"place-order\">Pay</button>";
    String stepsJson = "{\"steps\": [{\"action\": \"click\", \"selector\": \"#checkout-btn\"},"
        + " {\"action\": \"type\", \"value\": \"SPRING10\"}]}";
    String ideas = "Test the headline \"Free returns for 60 days\" against the 12.5% error rate.";
    EvalCase evalCase = new EvalCase("la-01", JsonNodeFactory.instance.objectNode(), null,
        List.of(logExcerpt, catalogJson), "docs");

    Sources sources = Sources.builder()          // index once, reuse for every output (thread-safe)
        .text("log", logExcerpt)                 // plain text, Markdown, HTML, logs
        .json("catalog", catalogJson)            // JSON: every key and scalar value is indexed
        .build();

    assertThat(summary).isGroundedIn(Sources.of(evalCase.sources()));  // plain texts: String... or a List
    assertThat(summary).isGroundedIn(sources);             // score ≥ 0.9 (claims and sentences)
    assertThat(summary).isGroundedIn(sources, 0.95);
    assertThat(summary).hasNoUnsupportedClaims(sources);   // every claim supported, sentences not judged

    // generated browser-test steps: only their selectors must exist in the page HTML
    assertThat(stepsJson).passes(Checks.noUnsupportedClaims(Sources.of(pageHtml)).only(ClaimKind.SELECTOR));
    // A/B ideas that propose copy in quotes: do not check quotes
    assertThat(ideas).passes(Checks.groundedIn(sources).ignoring(ClaimKind.QUOTE));

    GroundingReport report = Checks.groundedIn(sources).analyze(summary);  // every claim with its verdict
    List<Claim> claims = Claims.extract(summary);                          // what would be checked

    Assertions.assertThat(report.claims()).hasSameSizeAs(claims).isNotEmpty();
    Assertions.assertThat(report.unsupportedClaims()).isEmpty();
    Assertions.assertThatThrownBy(() -> assertThat(stepsJson)
        .hasNoUnsupportedClaims(Sources.of(pageHtml))).isInstanceOf(AssertionError.class);
  }

  @Test
  void should_run_the_recording_examples() {
    List<LlmCall> calls = new CopyOnWriteArrayList<>();
    String responseBody = "{\"id\": \"chatcmpl-1\", \"object\": \"chat.completion\", \"model\":"
        + " \"gpt-4o-mini-2024-07-18\", \"choices\": [{\"index\": 0, \"message\": {\"role\":"
        + " \"assistant\", \"content\": \"Done.\"}, \"finish_reason\": \"stop\"}], \"usage\":"
        + " {\"prompt_tokens\": 24, \"completion_tokens\": 10, \"total_tokens\": 34}}";
    long elapsedMs = 912;

    try (Recording.Binding binding = Recording.bind(new Recorder() {
      @Override
      public void onLlmCall(LlmCall call) {
        calls.add(call);
      }
    })) {
      Recording.llmCall(LlmCall.builder("openai", "gpt-4o-mini")
          .inputTokens(812).outputTokens(164).latency(Duration.ofMillis(930)).build());

      Recording.llmCall(LlmResponses.openAi(responseBody).latency(Duration.ofMillis(elapsedMs)).build());
    }

    Assertions.assertThat(calls).hasSize(2);
    Assertions.assertThat(calls.get(0).inputTokens()).isEqualTo(812);
    Assertions.assertThat(calls.get(1).responseModel()).isEqualTo("gpt-4o-mini-2024-07-18");
    Assertions.assertThat(calls.get(1).outputTokens()).isEqualTo(10);
    Assertions.assertThat(calls.get(1).latency()).isEqualTo(Duration.ofMillis(912));
  }

  @Test
  void should_run_the_quick_start_assertion() {
    String summary = "Payments failed with E1042 at 10:02 after a gateway timeout.";
    EvalCase c = new EvalCase("s-01", JsonNodeFactory.instance.objectNode(), null,
        List.of("10:02:44 ERROR payments E1042 gateway timeout"), "docs");

    assertThat(summary)
        .isNotARefusal()
        .hasAtMostTokens(120, "gpt-4o-mini")
        .isGroundedIn(Sources.of(c.sources()));

    Assertions.assertThatThrownBy(() -> assertThat("Checkout is faster. Payments retry twice.\n"
            + "- one-click pay\n- saved cards\n- receipts by mail").hasAtMostWords(10))
        .hasMessageContaining("to pass check length.words.max but it failed:")
        .hasMessageContaining("13 words, more than the maximum of 10; the 11th word starts at"
            + " line 4, column 3");
  }
}
