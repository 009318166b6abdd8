package io.github.evals4j.assertions.grounding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.evals4j.check.CheckResult;
import io.github.evals4j.check.Evidence;
import io.github.evals4j.assertions.text.ClaimKind;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class GroundingCheckTest {

  private static List<String> unsupported(Sources sources, String output) {
    return GroundingCheck.noUnsupportedClaims(sources).evaluate(output).evidence().stream()
        .map(Evidence::text).toList();
  }

  @Test
  void should_match_numbers_by_normalised_value() {
    Sources s = Sources.of("1,000 users, 1.5 million downloads, 2500000 views, 4k screens");
    assertThat(unsupported(s, "1000 users, 1.5M downloads, 2.5M views, 4,000 screens")).isEmpty();
    assertThat(unsupported(s, "1,001 users and 1.6M downloads")).containsExactly("1,001", "1.6M");
  }

  @Test
  void should_require_the_same_unit_when_the_sources_give_one() {
    Sources s = Sources.of("A 10-minute charge gives 2 hours; 250 milliseconds; 3-year warranty");
    assertThat(unsupported(s, "10 minutes of charging give 2 hrs; 250ms; a 3 year warranty"))
        .isEmpty();
    assertThat(unsupported(s, "10 hours of playback and a 5-year warranty"))
        .containsExactly("10 hours", "5-year");
    assertThat(GroundingCheck.noUnsupportedClaims(s).evaluate("10 hours").message())
        .contains("no source mentions the value 10 in h (units must match");
    assertThat(unsupported(Sources.ofJson("{\"arm_length_cm\": 45}"), "a 45 cm arm")).isEmpty();
  }

  @Test
  void should_not_take_a_percentage_for_a_bare_amount_of_money() {
    assertThat(unsupported(Sources.of("40% of visitors"), "free shipping above €40"))
        .containsExactly("€40");
    assertThat(unsupported(Sources.ofJson("{\"price\": 40}"), "€40")).isEmpty();
  }

  @Test
  void should_match_money_by_value_and_currency() {
    Sources s = Sources.of("Price: $149 (was $179). EU price 139 EUR.");
    assertThat(unsupported(s, "It costs US$149, or €139.")).isEmpty();
    assertThat(unsupported(s, "It costs €149.")).containsExactly("€149");
    assertThat(GroundingCheck.noUnsupportedClaims(s).evaluate("It costs €149.").message())
        .contains("in another currency than EUR");
  }

  @Test
  void should_match_dates_and_times_whatever_the_format() {
    Sources s = Sources.of("2024-03-12T10:22:31.120Z deploy started");
    assertThat(unsupported(s, "On March 12, 2024 at 10:22 (12 Mar 2024, 03/12/2024, 10:22:31) "
        + "in 2024 the deploy started.")).isEmpty();
    assertThat(unsupported(s, "On March 13, 2024 at 10:23.")).containsExactly("March 13, 2024",
        "10:23");
  }

  @Test
  void should_require_identifiers_to_match_exactly_but_accept_pod_suffixes() {
    Sources s = Sources.of("pod payment-service-7f9c8d restarted; code ERR_TIMEOUT; see app.log");
    assertThat(unsupported(s, "payment-service logged ERR_TIMEOUT in app.log")).isEmpty();
    assertThat(unsupported(s, "billing-service logged ERR_TIMEOUTS in api.log"))
        .containsExactly("billing-service", "ERR_TIMEOUTS", "api.log");
  }

  @Test
  void should_find_selectors_in_html_attributes() {
    Sources page = Sources.of("<form id=\"login-form\"><input name=\"email\" class=\"field wide\" "
        + "data-test=\"email-input\"></form>");
    assertThat(unsupported(page, "Use `#login-form`, `.field`, `input[name=email]` and "
        + "`[data-test=\"email-input\"]`.")).isEmpty();
    assertThat(unsupported(page, "Use `#signup-form` and `[data-test=password]`."))
        .containsExactly("#signup-form", "[data-test=password]");
  }

  @Test
  void should_check_urls_emails_names_and_quotes() {
    Sources s = Sources.of("Acme Buds are tuned with Northwind Labs. \"Quiet by design\" is our "
        + "motto. Write to support@acme.io or visit https://acme.io/buds?ref=x.");
    assertThat(unsupported(s, "Made with Northwind Labs, \"quiet by design\", see acme.io/buds "
        + "or support@acme.io.")).isEmpty();
    assertThat(unsupported(s, "Made with Southwind Labs, \"loud by design\", see acme.io/pods "
        + "or sales@acme.io.")).containsExactly("Southwind Labs", "\"loud by design\"",
        "acme.io/pods", "sales@acme.io");
  }

  @Test
  void should_index_a_list_of_texts_like_a_dataset_case_gives() {
    Sources s = Sources.of(List.of("E1042 at 10:22", "payment-service"));
    assertThat(s.documentCount()).isEqualTo(2);
    assertThat(unsupported(s, "payment-service hit E1042 at 10:22")).isEmpty();
  }

  @Test
  void should_index_json_keys_and_values() {
    Sources s = Sources.ofJson("{\"sku\": \"LUMA-L2\", \"specs\": {\"power_w\": 9.0, "
        + "\"lumens\": [800, 1000]}}");
    assertThat(unsupported(s, "LUMA-L2 draws 9 W (power_w) for 800 or 1,000 lumens")).isEmpty();
    assertThat(unsupported(s, "LUMA-L3 gives 1200 lumens")).containsExactly("LUMA-L3", "1200");
  }

  @Test
  void should_score_the_supported_share_and_respect_ignored_kinds() {
    Sources s = Sources.of("Latency 840 ms at 10:22.");
    GroundingCheck check = GroundingCheck.noUnsupportedClaims(s);
    CheckResult r = check.evaluate("Latency 840 ms at 10:25, 12% errors, E1042.");
    assertThat(r.score()).isEqualTo(0.25);
    assertThat(r.passed()).isFalse();
    assertThat(check.ignoring(ClaimKind.TIME, ClaimKind.PERCENTAGE, ClaimKind.IDENTIFIER)
        .evaluate("Latency 840 ms at 10:25, 12% errors, E1042.").passed()).isTrue();
    assertThat(check.only(ClaimKind.NUMBER).evaluate("Latency 840 ms at 10:25, 12%.").passed())
        .isTrue();
  }

  @Test
  void should_pass_an_output_without_checkable_claims_and_say_so() {
    CheckResult r = GroundingCheck.noUnsupportedClaims(Sources.of("x")).evaluate("");
    assertThat(r.passed()).isTrue();
    assertThat(r.message()).contains("no checkable claim");
  }

  @Test
  void should_reject_invalid_thresholds_and_invalid_json_sources() {
    assertThatIllegalArgumentException().isThrownBy(
        () -> GroundingCheck.groundedIn(Sources.of("x")).threshold(1.5));
    assertThatIllegalArgumentException().isThrownBy(() -> Sources.ofJson("{\"a\": }"))
        .withMessageContaining("not valid JSON");
    assertThatIllegalArgumentException().isThrownBy(
        () -> Sources.ofJson("[".repeat(100_000))).withMessageContaining("not valid JSON");
  }

  @Test
  void should_be_shareable_across_threads() throws Exception {
    Sources s = Sources.of("E1042 at 10:22, 840 ms, payment-service");
    GroundingCheck check = GroundingCheck.noUnsupportedClaims(s);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new java.util.ArrayList<>();
      for (int k = 0; k < 200; k++) {
        String output = k % 2 == 0 ? "payment-service E1042 840 ms" : "billing-service E1043";
        results.add(pool.submit(() -> check.evaluate(output).passed()));
      }
      for (int k = 0; k < results.size(); k++) {
        assertThat(results.get(k).get()).isEqualTo(k % 2 == 0);
      }
    } finally {
      pool.shutdown();
    }
  }
}
