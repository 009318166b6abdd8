package io.github.evals4j.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.evals4j.assertions.Checks;
import io.github.evals4j.assertions.LlmAssertions;
import io.github.evals4j.assertions.similarity.Embedder;
import io.github.evals4j.assertions.similarity.SimilarityCheck;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.check.Direction;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The real all-MiniLM-L6-v2 model, in process: what the checks measure with it. */
class MiniLmEmbedderTest {

  static final String REFUND = "Your refund will arrive within 5 business days.";
  static final String PARAPHRASE = "You will get your money back in five working days.";
  static final String UNRELATED = "The quarterly report shows strong growth in cloud revenue.";

  @Test
  void should_be_the_default_embedder_found_through_the_service_loader() {
    assertThat(Embedder.defaultEmbedder()).isInstanceOf(MiniLmEmbedder.class);
    assertThat(Embedder.defaultEmbedder().name()).isEqualTo("all-minilm-l6-v2");
  }

  @Test
  void should_embed_384_dimensions_normalised() {
    float[] v = new MiniLmEmbedder().embed(List.of(REFUND)).get(0);
    assertThat(v).hasSize(384);
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    assertThat(Math.sqrt(norm)).isCloseTo(1.0, within(1e-4));
  }

  @Test
  void should_pass_a_paraphrase_and_fail_an_unrelated_text() {
    CheckResult close = Checks.semanticallySimilarTo(REFUND, 0.6).evaluate(PARAPHRASE);
    CheckResult far = Checks.semanticallySimilarTo(REFUND, 0.6).evaluate(UNRELATED);
    System.out.println("paraphrase " + close.score() + " unrelated " + far.score());

    assertThat(close.passed()).as(close.message()).isTrue();
    assertThat(close.direction()).isEqualTo(Direction.AT_LEAST);
    assertThat(far.passed()).isFalse();
    assertThat(far.score()).isLessThan(0.3);
    assertThat(far.message()).contains("semantic.similar", "< threshold 0.600", "all-minilm-l6-v2",
        "closest expected #1 of 1", REFUND, "line 1, column 1");
  }

  @Test
  void should_score_the_closest_of_several_expected_texts_and_name_it() {
    CheckResult r = Checks.semanticallySimilarTo(List.of(UNRELATED, REFUND), 0.6).evaluate(PARAPHRASE);

    assertThat(r.passed()).isTrue();
    assertThat(r.evidence().get(0).kind()).isEqualTo("closest-expected");
    assertThat(r.evidence().get(0).reason()).contains("expected #2", REFUND);
    assertThat(r.evidence().get(1).reason()).contains("expected #1");
    assertThat(r.message()).contains("closest expected #2 of 2");
  }

  @Test
  void should_give_the_same_score_on_every_evaluation() {
    SimilarityCheck check = Checks.semanticallySimilarTo(REFUND, 0.6);
    double first = check.evaluate(PARAPHRASE).score();
    double again = Checks.semanticallySimilarTo(REFUND, 0.6).evaluate(PARAPHRASE).score();
    assertThat(again).isEqualTo(first);
    assertThat(check.evaluate(PARAPHRASE).score()).isEqualTo(first);
  }

  @Test
  void should_assert_the_negation_on_the_llm_output_entry_point() {
    LlmAssertions.assertThat(UNRELATED).isNotSemanticallySimilarTo(REFUND, 0.6);
    assertThatThrownBy(() -> LlmAssertions.assertThat(PARAPHRASE).isNotSemanticallySimilarTo(REFUND, 0.6))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("semantic.not-similar")
        .hasMessageContaining("\u2265 threshold 0.600")
        .hasMessageContaining("output too similar");
  }

  @Test
  void should_fail_with_the_message_shown_in_the_docs() throws Exception {
    AssertionError failure = org.assertj.core.api.Assertions.catchThrowableOfType(AssertionError.class,
        () -> LlmAssertions.assertThat(UNRELATED).isSemanticallySimilarTo(REFUND, 0.6));
    String page = java.nio.file.Files.readString(java.nio.file.Path.of(
        System.getProperty("basedir", "."), "..", "docs", "semantic-similarity.md"));

    assertThat(failure).isNotNull();
    for (String line : failure.getMessage().strip().split("\\R")) {
      assertThat(page).as("docs/semantic-similarity.md shows the failure line").contains(line);
    }
  }

  @Test
  void should_embed_non_latin_text() {
    String ja = "返金は5営業日以内に届きます。";
    String ru = "Ваш возврат поступит в течение пяти рабочих дней.";
    String ar = "سيصل المبلغ المسترد خلال خمسة أيام عمل.";
    for (String text : List.of(ja, ru, ar)) {
      CheckResult same = Checks.semanticallySimilarTo(text, 0.99).evaluate(text);
      assertThat(same.passed()).as(text).isTrue();
      assertThat(same.score()).isCloseTo(1.0, within(1e-4));
    }
    double ruToRu = Checks.semanticallySimilarTo(ru, 0.5)
        .evaluate("Деньги вернутся вам в течение пяти рабочих дней.").score();
    double ruToUnrelated = Checks.semanticallySimilarTo(ru, 0.5)
        .evaluate("Сегодня в Москве идёт снег и очень холодно.").score();
    System.out.println("ru paraphrase " + ruToRu + " ru unrelated " + ruToUnrelated);
    assertThat(ruToRu).isGreaterThan(ruToUnrelated);
  }

  @Test
  void should_cut_a_huge_output_at_the_budget_and_say_so() {
    String huge = PARAPHRASE + " " + "lorem ipsum dolor sit amet ".repeat(400_000); // ~11 M chars
    CheckResult r = Checks.semanticallySimilarTo(REFUND, 0.1).evaluate(huge);

    assertThat(r.evidence()).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo("not-embedded");
      assertThat(e.start()).isEqualTo(MiniLmEmbedder.MAX_INPUT_CHARS);
      assertThat(e.end()).isEqualTo(huge.length());
    });
    assertThat(r.message()).contains("only the first 2000 of " + huge.length() + " characters");
  }
}
