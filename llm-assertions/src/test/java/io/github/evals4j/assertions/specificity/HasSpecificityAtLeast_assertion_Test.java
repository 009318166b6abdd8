package io.github.evals4j.assertions.specificity;

import static io.github.evals4j.assertions.LlmAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.evals4j.check.CheckResult;
import io.github.evals4j.assertions.Checks;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class HasSpecificityAtLeast_assertion_Test {

  private static final String SPECIFIC =
      "1. Offer guest checkout: forced account creation drives 27% of abandonment.\n"
          + "2. Lower the free shipping threshold from €60 to €50 for 14 days.";
  private static final String VAGUE =
      "Improve the user experience to boost conversions.\nIt might be worth trying various "
          + "layouts.";

  @Test
  void should_pass_when_sentences_carry_concrete_details() {
    assertThat(SPECIFIC).hasSpecificityAtLeast(0.6);
  }

  @Test
  void should_fail_with_threshold_score_and_each_vague_phrase_with_its_position() {
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(VAGUE).hasSpecificityAtLeast(0.6))
        .withMessageContaining("to pass check specificity but it failed")
        .withMessageContaining("specificity: score 0.00 is below threshold \u2265 0.60")
        .withMessageContaining("- 0.00 line 1, column 1: \"Improve the user experience to boost "
            + "conversions.\" concrete: none; vague: generic \"Improve the user experience\", "
            + "generic \"boost conversions\"")
        .withMessageContaining("hedge \"might be\"");
  }

  @Test
  void should_report_vague_phrases_as_evidence_with_offsets() {
    CheckResult r = Checks.specificity(0.6).evaluate(VAGUE);
    Assertions.assertThat(r.evidence()).extracting(e -> e.kind() + ":" + e.text()).contains(
        "generic:Improve the user experience", "generic:boost conversions", "hedge:might be",
        "weasel:various");
    Assertions.assertThat(r.evidence()).allSatisfy(e ->
        assertThat(VAGUE.substring(e.start(), e.end())).isEqualTo(e.text()));
  }

  @Test
  void should_score_a_name_after_e_g_like_a_name_after_like() {
    // GIVEN two phrasings of one idea; "e.g." used to open a sentence, so "Müsli" looked like
    // a capitalised sentence start and the sentence scored 0.00
    double eg = SpecificityCheck.atLeast(0).analyze("Offer a cereal (e.g. Müsli) at the counter.")
        .score();
    double like = SpecificityCheck.atLeast(0).analyze("Offer a cereal like Müsli at the counter.")
        .score();
    // THEN both carry one concrete signal: 1 / (1 + 0.5)
    Assertions.assertThat(eg).isEqualTo(like).isCloseTo(0.67, Assertions.within(0.01));
  }

  @Test
  void should_count_domain_terms_as_concrete() {
    String output = "Preload the hero image and the web fonts on the checkout page.";
    double without = SpecificityCheck.atLeast(0).analyze(output).score();
    double with = SpecificityCheck.atLeast(0).withDomainTerms("web fonts", "hero image")
        .analyze(output).score();
    Assertions.assertThat(without).isEqualTo(0.0);
    Assertions.assertThat(with).isEqualTo(0.8);
    assertThat(output).hasSpecificityAtLeast(0.8, "web fonts", "hero image");
  }

  @Test
  void should_follow_the_documented_formula_per_sentence() {
    SpecificityReport report = SpecificityCheck.atLeast(0)
        .analyze("Latency fell to 840 ms on 2024-03-12. It was an amazing release.");
    Assertions.assertThat(report.sentences()).hasSize(2);
    Assertions.assertThat(report.sentences().get(0).score()).isEqualTo(2 / 2.5);
    Assertions.assertThat(report.sentences().get(1).score()).isEqualTo(0.0);
    Assertions.assertThat(report.score()).isEqualTo(0.4);
  }

  @Test
  void should_extend_and_shrink_the_lexicon() {
    String output = "The new flow is frictionless and has significant gains of 4%.";
    VagueLexicon lexicon = VagueLexicon.english()
        .with(VagueKind.GENERIC, "frictionless").without("significant");
    SpecificityReport custom = SpecificityCheck.atLeast(0).withLexicon(lexicon).analyze(output);
    Assertions.assertThat(custom.sentences().get(0).vague()).extracting(e -> e.text())
        .containsExactly("frictionless");
    Assertions.assertThat(VagueLexicon.english().phrases(VagueKind.HEDGE)).contains("might", "perhaps");
  }
}
