package io.github.evals4j.assertions.content;

import static io.github.evals4j.assertions.LlmAssertions.assertThat;

import io.github.evals4j.check.CheckResult;
import io.github.evals4j.assertions.Checks;
import io.github.evals4j.check.Evidence;
import io.github.evals4j.assertions.SoftLlmAssertions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's "Refusals, placeholders, keywords, regex, script" examples, run as written. */
class ReadmeContentExamples_Test {

  private static final String OUTPUT = "Your refund for order ORD-123456 arrives within 30 days."
      + " The Caf\u00e9 team ships cr\u00e8me br\u00fbl\u00e9e kits.";

  @Test
  void should_run_the_content_examples() {
    assertThat(OUTPUT)
        .isNotARefusal()
        .hasNoPlaceholders()
        .containsKeywords("refund", "30 days")
        .doesNotContainKeywords("guaranteed", "risk-free")
        .containsRegexMatch("ORD-\\d{6}")
        .doesNotContainRegexMatch("sk-[A-Za-z0-9]{20,}")
        .isWrittenIn(Character.UnicodeScript.LATIN);

    assertThat("Voici le r\u00e9sum\u00e9.")
        .isNotARefusal(Refusals.english().with("je ne peux pas", "en tant qu'IA"));
    assertThat(OUTPUT).containsKeywords(Keywords.of("cafe", "creme brulee").ignoringDiacritics());
    assertThat(OUTPUT).doesNotContainKeywords(Keywords.of("SKU").caseSensitive().anywhereInWords());
    assertThat("東京の新しい店舗").isMostlyWrittenIn(0.9, Character.UnicodeScript.HAN,
        Character.UnicodeScript.HIRAGANA, Character.UnicodeScript.KATAKANA);
    assertThat("one short line").passes(RegexCheck.matchesEntirely("[^\\n]{1,80}"));

    CheckResult r = Checks.noRefusal().evaluate(OUTPUT);
    List<Evidence> unfinished = Placeholders.find(OUTPUT);
    Map<Character.UnicodeScript, Integer> letters = Scripts.letterCounts(OUTPUT);
    org.assertj.core.api.Assertions.assertThat(r.passed()).isTrue();
    org.assertj.core.api.Assertions.assertThat(unfinished).isEmpty();
    org.assertj.core.api.Assertions.assertThat(letters).containsOnlyKeys(Character.UnicodeScript.LATIN);
  }

  @Test
  void soft_assertions_collect_content_failures() {
    SoftLlmAssertions softly = new SoftLlmAssertions();
    String bad = "As an AI, I can't share [Insert price]. TODO";
    softly.assertThat(bad).isNotARefusal();
    softly.assertThat(bad).hasNoPlaceholders();
    softly.assertThat(bad).containsKeywords("price list");
    org.assertj.core.api.Assertions.assertThat(softly.errorsCollected()).hasSize(3);
  }
}
