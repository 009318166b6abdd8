package io.github.evals4j.assertions.grounding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.github.evals4j.check.CheckResult;
import io.github.evals4j.assertions.specificity.SpecificityCheck;
import io.github.evals4j.assertions.text.Claims;
import org.junit.jupiter.api.Test;

class GroundingBadInputTest {

  private static final Sources SOURCES = Sources.of("Acme ships 1,200 units on 2024-03-12.");

  @Test
  void should_fail_null_output_and_reject_null_sources() {
    assertThat(GroundingCheck.groundedIn(SOURCES).evaluate(null).passed()).isFalse();
    assertThat(SpecificityCheck.atLeast(0.5).evaluate(null).message()).contains("null");
    assertThatNullPointerException().isThrownBy(() -> Sources.of((String) null))
        .withMessageContaining("source 'source 1' is null");
    assertThatNullPointerException().isThrownBy(() -> GroundingCheck.groundedIn(null));
  }

  @Test
  void should_handle_empty_and_blank_output() {
    assertThat(GroundingCheck.groundedIn(SOURCES).evaluate(" \n\t ").score()).isEqualTo(1.0);
    CheckResult vague = SpecificityCheck.atLeast(0.5).evaluate("");
    assertThat(vague.passed()).isFalse();
    assertThat(vague.message()).contains("no sentence to score");
  }

  @Test
  void should_handle_lone_surrogates_bom_cjk_arabic_and_emoji() {
    String output = "\uFEFF\uD800 Acme ships 1,200 units \uDC00 on 2024-03-12. "
        + "出荷数は1,200台です。 شحنت Acme ‏1,200 وحدة 🚀🚀 \uD83D";
    CheckResult r = GroundingCheck.groundedIn(SOURCES).evaluate(output);
    assertThat(r.evidence()).allSatisfy(e ->
        assertThat(output.substring(e.start(), e.end())).isEqualTo(e.text()));
    assertThat(GroundingCheck.noUnsupportedClaims(SOURCES).evaluate(output).passed()).isTrue();
    assertThat(SpecificityCheck.atLeast(0.1).evaluate(output).score()).isBetween(0.0, 1.0);
  }

  @Test
  void should_check_a_10_mb_output_and_pathological_patterns() {
    String block = "At 10:22 payment-service hit E1042 after 5000 ms; see https://acme.io/x. ";
    String big = block.repeat(10 * 1024 * 1024 / block.length());
    CheckResult r = GroundingCheck.noUnsupportedClaims(SOURCES).evaluate(big);
    assertThat(r.passed()).isFalse();
    assertThat(r.evidence()).hasSize(500);
    assertThat(r.message()).contains("and " + (Claims.extract(block).size()
        * (big.length() / block.length()) - 20) + " more");
    for (String unit : new String[] {"\"", "a+", "[a=", "`", "#a-", "1,", "1.", "a.", "@",
        "5 ms might "}) {
      String pathological = unit.repeat(1_000_000 / unit.length());
      assertThat(GroundingCheck.groundedIn(SOURCES).evaluate(pathological).score())
          .isBetween(0.0, 1.0);
      assertThat(SpecificityCheck.atLeast(0.5).withDomainTerms("might").evaluate(pathological)
          .score()).isBetween(0.0, 1.0);
    }
  }

  @Test
  void should_not_overflow_the_stack_on_100000_levels_of_nesting() {
    for (String open : new String[] {"[", "{\"a\":", "```\n", "\"", "`"}) {
      String deep = open.repeat(100_000) + "E1042";
      CheckResult r = GroundingCheck.groundedIn(SOURCES).evaluate(deep);
      assertThat(r.message()).startsWith("grounding: score");
      assertThat(SpecificityCheck.atLeast(0.5).evaluate(deep).message())
          .startsWith("specificity: score");
    }
  }

  @Test
  void should_refuse_additions_after_build() {
    Sources.Builder builder = Sources.builder().text("a", "E1042");
    builder.build();
    org.assertj.core.api.Assertions.assertThatIllegalStateException()
        .isThrownBy(() -> builder.text("b", "E2042"));
  }

  @Test
  void should_index_50_mb_of_sources() {
    String line = "2024-05-14T10:02:44.902Z ERROR payment-service-%d [req=%d] E%d timeout after "
        + "%d ms id=\"btn-%d\"\n";
    StringBuilder b = new StringBuilder(52 * 1024 * 1024);
    for (int k = 0; b.length() < 50 * 1024 * 1024; k++) {
      b.append(String.format(line, k % 97, k, 1000 + k % 9000, k % 6000, k % 500));
    }
    Sources sources = Sources.of(b.toString());
    assertThat(sources.characterCount()).isGreaterThanOrEqualTo(50L * 1024 * 1024);
    assertThat(GroundingCheck.noUnsupportedClaims(sources)
        .evaluate("payment-service-42 hit E1042 after 5000 ms on `#btn-7`").passed()).isTrue();
    assertThat(GroundingCheck.noUnsupportedClaims(sources)
        .evaluate("billing-service hit E0042").passed()).isFalse();
  }
}
