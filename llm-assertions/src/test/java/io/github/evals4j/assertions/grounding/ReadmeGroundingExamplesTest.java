package io.github.evals4j.assertions.grounding;

import static io.github.evals4j.assertions.LlmAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.evals4j.check.CheckResult;
import io.github.evals4j.assertions.Checks;
import io.github.evals4j.assertions.specificity.SpecificityCheck;
import io.github.evals4j.assertions.specificity.SpecificityReport;
import io.github.evals4j.assertions.specificity.VagueKind;
import io.github.evals4j.assertions.specificity.VagueLexicon;
import io.github.evals4j.assertions.text.Claim;
import io.github.evals4j.assertions.text.ClaimKind;
import io.github.evals4j.assertions.text.Claims;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** The README's grounding and specificity examples, run as written. */
class ReadmeGroundingExamplesTest {

  private final String logExcerpt = "2024-05-14T10:02:44.902Z ERROR payment-service E1042 "
      + "gateway timeout after 5000ms\nsummary: error rate 12.5%, p95 latency 2,950 ms";
  private final String catalogJson = "{\"sku\": \"LUMA-L2\", \"price\": {\"amount\": 89.0, "
      + "\"currency\": \"EUR\"}}";
  private final String summary = "At 10:02:44 payment-service hit E1042 after 5000ms; error "
      + "rate 12.5%, p95 latency 2950 ms. LUMA-L2 costs €89.";
  private final String pageHtml = "<button id=\"checkout-btn\" data-test=\"place-order\">Pay</button>";
  private final String stepsJson = "{\"steps\": [{\"action\": \"click\", \"selector\": "
      + "\"#checkout-btn\"}, {\"action\": \"type\", \"value\": \"SPRING10\"}]}";
  private final String variantIdeas = "1. Offer guest checkout: forced account creation drives "
      + "27% of abandonment.\n2. Cut the payment page LCP from 3.8 s to 2.5 s on mobile.";

  @Test
  void should_run_the_grounding_examples_as_written() {
    Sources sources = Sources.builder()
        .text("log", logExcerpt)
        .json("catalog", catalogJson)
        .build();

    assertThat(summary).isGroundedIn(sources);
    assertThat(summary).isGroundedIn(sources, 0.95);
    assertThat(summary).hasNoUnsupportedClaims(sources);

    assertThat(stepsJson).passes(
        Checks.noUnsupportedClaims(Sources.of(pageHtml)).only(ClaimKind.SELECTOR));
    assertThatExceptionOfType(AssertionError.class).isThrownBy(
        () -> assertThat(stepsJson).hasNoUnsupportedClaims(Sources.of(pageHtml)));
    String ideas = "Test the headline \"Free returns for 60 days\" against 12.5% error rate.";
    assertThat(ideas).passes(Checks.groundedIn(sources).ignoring(ClaimKind.QUOTE));

    GroundingReport report = Checks.groundedIn(sources).analyze(summary);
    List<Claim> claims = Claims.extract(summary);
    Assertions.assertThat(report.claims()).hasSameSizeAs(claims);
    Assertions.assertThat(report.unsupportedClaims()).isEmpty();
  }

  @Test
  void should_run_the_specificity_examples_as_written() {
    assertThat(variantIdeas).hasSpecificityAtLeast(0.6);
    assertThat(variantIdeas).hasSpecificityAtLeast(0.6, "LCP", "guest checkout");

    SpecificityCheck check = Checks.specificity(0.6)
        .withDomainTerms("LCP", "guest checkout")
        .withLexicon(VagueLexicon.english()
            .with(VagueKind.GENERIC, "frictionless")
            .without("significant"));
    SpecificityReport report = check.analyze(variantIdeas);
    CheckResult result = Checks.evaluate(check, variantIdeas);
    Assertions.assertThat(report.sentences()).hasSize(2);
    Assertions.assertThat(result.passed()).isTrue();
  }
}
