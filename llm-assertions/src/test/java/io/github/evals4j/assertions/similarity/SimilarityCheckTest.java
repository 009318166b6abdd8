package io.github.evals4j.assertions.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.evals4j.assertions.Checks;
import io.github.evals4j.assertions.LlmAssertions;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.check.Direction;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The check's logic, with {@link LetterEmbedder} (registered as this module's default in its test
 * resources). The real model, and the error when none is registered, are tested in
 * evals4j-similarity.
 */
class SimilarityCheckTest {

  final LetterEmbedder letters = new LetterEmbedder(1_000);

  @Test
  void should_use_the_embedder_registered_through_the_service_loader_by_default() {
    assertThat(Embedder.defaultEmbedder()).isInstanceOf(LetterEmbedder.class);
    assertThat(Embedder.defaultEmbedder()).isSameAs(Embedder.defaultEmbedder());
    LlmAssertions.assertThat("cab").isSemanticallySimilarTo("abc", 0.99);
    assertThat(Checks.semanticallySimilarTo("abc", 0.99).evaluate("xyz").message())
        .contains("(embedder letters)");
    LlmAssertions.assertThat("xyz").isNotSemanticallySimilarTo(java.util.List.of("abc"), 0.5);
  }

  @Test
  void should_record_the_result_like_every_check() {
    List<CheckResult> recorded = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (io.github.evals4j.recording.Recording.Binding b = io.github.evals4j.recording.Recording
        .bind(new io.github.evals4j.recording.Recorder() {
          @Override
          public void onCheck(CheckResult result) {
            recorded.add(result);
          }
        })) {
      LlmAssertions.assertThat("cab").usingEmbedder(letters).isSemanticallySimilarTo("abc", 0.9);
    }
    assertThat(recorded).singleElement().satisfies(r -> {
      assertThat(r.check()).isEqualTo("semantic.similar");
      assertThat(r.score()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(r.threshold()).isEqualTo(0.9);
    });
  }

  @Test
  void should_pass_at_or_above_the_threshold_with_the_best_similarity_as_score() {
    CheckResult r = SimilarityCheck.similarTo(letters, List.of("zzz", "abc"), 0.9).evaluate("cab");

    assertThat(r.check()).isEqualTo("semantic.similar");
    assertThat(r.passed()).isTrue();
    assertThat(r.score()).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(r.threshold()).isEqualTo(0.9);
    assertThat(r.direction()).isEqualTo(Direction.AT_LEAST);
    assertThat(r.evidence().get(0).kind()).isEqualTo("closest-expected");
    assertThat(r.evidence().get(0).reason()).contains("expected #2", "\"abc\"");
    assertThat(r.message()).contains("1.000 \u2265 threshold 0.900", "closest expected #2 of 2");
  }

  @Test
  void should_fail_below_the_threshold_naming_check_score_threshold_and_the_closest_text() {
    assertThatThrownBy(() -> LlmAssertions.assertThat("aaaa bbbb").usingEmbedder(letters)
        .isSemanticallySimilarTo(List.of("xyz", "aab"), 0.99))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to pass check semantic.similar")
        .hasMessageContaining("< threshold 0.990 (embedder letters)")
        .hasMessageContaining("closest expected #2 of 2: \"aab\"")
        .hasMessageContaining("output not similar enough: closest-expected at line 1, column 1 (offset 0..9)");
  }

  @Test
  void should_negate() {
    LlmAssertions.assertThat("xyz").usingEmbedder(letters).isNotSemanticallySimilarTo("abc", 0.5);
    CheckResult r = SimilarityCheck.notSimilarTo(letters, List.of("abc"), 0.5).evaluate("cba");

    assertThat(r.check()).isEqualTo("semantic.not-similar");
    assertThat(r.passed()).isFalse();
    assertThat(r.direction()).isEqualTo(Direction.AT_MOST);
    assertThat(r.message()).contains("\u2265 threshold 0.500", "output too similar");
  }

  @Test
  void should_validate_the_threshold() {
    for (double bad : new double[] {0, -0.1, 1.0001, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> SimilarityCheck.similarTo(letters, List.of("a"), bad))
          .as("threshold %s", bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("in (0, 1]");
    }
    assertThat(SimilarityCheck.similarTo(letters, List.of("a"), 1.0).threshold()).isEqualTo(1.0);
  }

  @Test
  void should_reject_missing_or_empty_expected_texts() {
    assertThatThrownBy(() -> SimilarityCheck.similarTo(letters, List.of(), 0.5))
        .hasMessageContaining("at least one expected text");
    assertThatThrownBy(() -> SimilarityCheck.similarTo(letters, java.util.Arrays.asList("a", null), 0.5))
        .hasMessageContaining("expected text #2 is null");
    assertThatThrownBy(() -> SimilarityCheck.similarTo(letters, List.of("a", " \n"), 0.5))
        .hasMessageContaining("expected text #2 is blank");
    assertThatThrownBy(() -> LlmAssertions.assertThat("a").usingEmbedder(letters)
        .isSemanticallySimilarTo("", 0.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("#1 is empty");
  }

  @Test
  void should_fail_a_null_or_blank_output_with_a_clear_message_and_embed_nothing() {
    SimilarityCheck check = SimilarityCheck.similarTo(letters, List.of("abc"), 0.5);

    assertThat(check.evaluate(null).message()).contains("the output is null: there is nothing to compare");
    assertThat(check.evaluate("").message()).contains("the output is empty");
    assertThat(check.evaluate("  \t").passed()).isFalse();
    assertThat(SimilarityCheck.notSimilarTo(letters, List.of("abc"), 0.5).evaluate(null).passed()).isFalse();
    assertThat(letters.calls).hasValue(0);
  }

  @Test
  void should_cut_untrusted_huge_text_at_the_embedders_budget() {
    LetterEmbedder small = new LetterEmbedder(8);
    String huge = "abc".repeat(3_000_000);
    CheckResult r = SimilarityCheck.similarTo(small, List.of("abcabcabcabc"), 0.5).evaluate(huge);

    assertThat(small.seen).allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(8));
    assertThat(r.evidence()).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo("not-embedded");
      assertThat(e.start()).isEqualTo(8);
      assertThat(e.end()).isEqualTo(huge.length());
    });
    assertThat(r.message()).contains("only the first 8 of 9000000 characters were embedded");
  }

  @Test
  void should_never_split_a_surrogate_pair_when_cutting() {
    String emoji = "ab\uD83D\uDE00cd";
    assertThat(SimilarityCheck.cut(emoji, 3)).isEqualTo("ab");
    assertThat(SimilarityCheck.cut(emoji, 4)).isEqualTo("ab\uD83D\uDE00");
    assertThat(SimilarityCheck.cut("short", 10)).isEqualTo("short");
  }

  @Test
  void should_embed_the_expected_texts_once_per_check() {
    SimilarityCheck check = SimilarityCheck.similarTo(letters, List.of("abc", "def"), 0.5);
    check.evaluate("abc");
    check.evaluate("def");
    check.evaluate("ghi");

    assertThat(letters.calls).hasValue(4); // expected once, then one call per output
  }

  @Test
  void should_report_an_embedder_that_returns_the_wrong_number_of_vectors() {
    Embedder broken = texts -> List.of();
    assertThatThrownBy(() -> SimilarityCheck.similarTo(broken, List.of("a"), 0.5).evaluate("b"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("returned 0 vectors for 1 texts");
    CheckResult recorded = Checks.evaluate(SimilarityCheck.similarTo(broken, List.of("a"), 0.5), "b");
    assertThat(recorded.passed()).isFalse();
    assertThat(recorded.message()).contains("returned 0 vectors");
  }

  @Test
  void should_compute_cosine_and_treat_a_zero_vector_as_unrelated() {
    assertThat(SimilarityCheck.cosine(new float[] {1, 0}, new float[] {0, 1})).isEqualTo(0.0);
    assertThat(SimilarityCheck.cosine(new float[] {3, 4}, new float[] {6, 8})).isEqualTo(1.0);
    assertThat(SimilarityCheck.cosine(new float[] {1, 0}, new float[] {-1, 0})).isEqualTo(-1.0);
    assertThat(SimilarityCheck.cosine(new float[] {0, 0}, new float[] {1, 1})).isEqualTo(0.0);
    assertThatThrownBy(() -> SimilarityCheck.cosine(new float[] {1}, new float[] {1, 2}))
        .hasMessageContaining("different dimensions: 1 and 2");
  }
}
