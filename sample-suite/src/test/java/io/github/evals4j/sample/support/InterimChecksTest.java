package io.github.evals4j.sample.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.evals4j.assertions.CheckResult;
import io.github.evals4j.assertions.Checks;
import org.junit.jupiter.api.Test;

class InterimChecksTest {

  @Test
  void should_fail_strict_json_on_a_trailing_comma_with_its_position() {
    // WHEN
    CheckResult r = InterimChecks.strictJson().evaluate("{\n  \"a\": [1, 2,]\n}");
    // THEN
    assertThat(r.passed()).isFalse();
    assertThat(r.message()).contains("json.strict").contains("line 2");
  }

  @Test
  void should_fail_strict_json_on_prose_around_a_fence_and_on_empty_output() {
    assertThat(InterimChecks.strictJson().evaluate("Here:\n```json\n{}\n```").passed()).isFalse();
    assertThat(InterimChecks.strictJson().evaluate("{} trailing").passed()).isFalse();
    assertThat(InterimChecks.strictJson().evaluate("").passed()).isFalse();
    assertThat(Checks.evaluate(InterimChecks.strictJson(), null).passed()).isFalse();
    assertThat(InterimChecks.strictJson().evaluate("{\"a\":\"日本 🎒\"}").passed()).isTrue();
  }

  @Test
  void should_not_overflow_the_stack_on_deep_nesting() {
    // WHEN
    CheckResult r = Checks.evaluate(InterimChecks.strictJson(), "[".repeat(100_000));
    // THEN
    assertThat(r.passed()).isFalse();
  }

  @Test
  void should_check_the_feature_schema() {
    String ok = "{\"product\":\"K\",\"features\":[{\"name\":\"a\",\"category\":\"design\",\"evidence\":\"x\"},"
        + "{\"name\":\"b\",\"category\":\"pricing\",\"evidence\":\"y\"},{\"name\":\"c\",\"category\":\"support\",\"evidence\":\"z\"}]}";
    assertThat(InterimChecks.featureSchema().evaluate(ok).passed()).isTrue();
    CheckResult bad = InterimChecks.featureSchema().evaluate(ok.replace("pricing", "price"));
    assertThat(bad.passed()).isFalse();
    assertThat(bad.message()).contains("/features/1/category");
  }

  @Test
  void should_fail_selectors_that_match_nothing_in_the_page() {
    // GIVEN
    String html = "<form><input id=\"login-email\"><button data-testid=\"login-submit\">Go</button></form>";
    String steps = "[{\"action\":\"fill\",\"selector\":\"#email\",\"value\":\"a\"},"
        + "{\"action\":\"click\",\"selector\":\"[data-testid=\\\"login-submit\\\"]\"}]";
    // WHEN
    CheckResult r = InterimChecks.selectorsExist(html).evaluate(steps);
    // THEN
    assertThat(r.passed()).isFalse();
    assertThat(r.score()).isEqualTo(0.5);
    assertThat(r.evidence()).singleElement().satisfies(e -> assertThat(e.text()).isEqualTo("#email"));
    assertThat(r.message()).contains("1 of 2 selectors match nothing").contains("#email");
  }

  @Test
  void should_fail_an_invalid_selector_instead_of_throwing() {
    CheckResult r = InterimChecks.selectorsExist("<p>").evaluate("[{\"selector\":\"##\"}]");
    assertThat(r.passed()).isFalse();
    assertThat(r.message()).contains("not a valid CSS selector");
  }

  @Test
  void should_flag_numbers_that_are_not_in_the_log() {
    // GIVEN
    String log = "2026-03-07T03:14:07.123Z ERROR checkout-api 503 active=50 max=50 waiting=1204311";
    // WHEN
    CheckResult r = InterimChecks.numbersGrounded(log)
        .evaluate("At 03:14:07 about 35% of requests failed; 1,204,311 waiting; 50 active.");
    // THEN
    assertThat(r.passed()).isFalse();
    assertThat(r.evidence()).extracting(e -> e.text()).containsExactly("35");
    assertThat(r.score()).isEqualTo(0.75);
  }

  @Test
  void should_need_a_percentage_in_the_source_to_support_a_percentage() {
    // GIVEN
    String log = "flag=new-checkout-flow rollout=30 progress=62%";
    // WHEN
    CheckResult r = InterimChecks.numbersGrounded(log).evaluate("Rollout went to 30%, encode at 62%.");
    // THEN
    assertThat(r.evidence()).extracting(e -> e.text()).containsExactly("30");
  }

  @Test
  void should_score_specific_suggestions_above_generic_ones() {
    CheckResult generic = InterimChecks.specificity()
        .evaluate("1. Make the CTA more compelling.\n2. Improve the design to be more engaging.");
    CheckResult specific = InterimChecks.specificity()
        .evaluate("1. Change the button to \"Start free trial\" and test a 2.1% to 3% lift on 61% of visitors.");
    assertThat(generic.passed()).isFalse();
    assertThat(specific.passed()).isTrue();
    assertThat(specific.score()).isGreaterThan(generic.score());
  }

  @Test
  void should_weigh_x_posts_like_x() {
    // GIVEN 250 Latin characters, a space and a long URL (counts 23); then 10 CJK characters (2 each)
    String post = "a".repeat(250) + " https://example.test/" + "x".repeat(80);
    // WHEN / THEN
    assertThat(InterimChecks.xLength().evaluate(post).score()).isEqualTo(274);
    assertThat(InterimChecks.xLength().evaluate(post).passed()).isTrue();
    assertThat(InterimChecks.xLength().evaluate(post + " 日本語日本語日本語日").passed()).isFalse();
  }

  @Test
  void should_count_hashtags_and_find_placeholders_and_refusals() {
    assertThat(InterimChecks.hashtags().evaluate("Launch #one #two #three #four").passed()).isFalse();
    assertThat(InterimChecks.hashtags().evaluate("Launch #one &#8212;").score()).isEqualTo(1);
    CheckResult placeholder = InterimChecks.noPlaceholder().evaluate("Register here: [insert registration link]");
    assertThat(placeholder.passed()).isFalse();
    assertThat(placeholder.evidence()).singleElement()
        .satisfies(e -> assertThat(e.text()).isEqualTo("[insert registration link]"));
    assertThat(InterimChecks.noRefusal().evaluate("I'm sorry, but I can't help with that.").passed()).isFalse();
    assertThat(InterimChecks.noRefusal().evaluate("Sorry for the wait: we ship in May.").passed()).isTrue();
  }
}
