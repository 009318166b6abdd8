package io.github.evals4j.assertions.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimsTest {

  private static List<String> kinds(String text) {
    return Claims.extract(text).stream().map(c -> c.kind().label() + ":" + c.text()).toList();
  }

  @Test
  void should_extract_numbers_money_percentages_and_units() {
    assertThat(kinds("$1,499 or 49 EUR, 12.5% off, 30 hours, 1.5M users, 250ms, 4k"))
        .containsExactly("money:$1,499", "money:49 EUR", "percentage:12.5%", "number:30 hours",
            "number:1.5M", "number:250ms", "number:4k");
  }

  @Test
  void should_skip_small_bare_numbers_and_list_markers() {
    assertThat(kinds("1. Here are 3 ideas\n2) Step 2 of 10")).isEmpty();
  }

  @Test
  void should_extract_dates_times_and_years() {
    assertThat(kinds("2024-05-14T10:02:44.902Z, March 12, 2024, 12 Mar, 03/12/2024, 3 pm, 2023"))
        .containsExactly("date:2024-05-14", "time:10:02:44.902Z", "date:March 12, 2024",
            "date:12 Mar", "date:03/12/2024", "time:3 pm", "year:2023");
  }

  @Test
  void should_extract_identifiers_selectors_urls_and_emails() {
    assertThat(kinds("payment-service E1042 checkout_flow retryPolicy app.log v2.3.1 "
        + "`#buy-now` .cart-item input[name=email] https://acme.io/x ops@acme.io"))
        .containsExactly("identifier:payment-service", "identifier:E1042",
            "identifier:checkout_flow", "identifier:retryPolicy", "identifier:app.log",
            "identifier:v2.3.1", "selector:#buy-now", "selector:.cart-item",
            "selector:[name=email]", "url:https://acme.io/x", "email:ops@acme.io");
  }

  @Test
  void should_take_names_but_not_sentence_starts_headings_or_hashtags() {
    assertThat(kinds("## Key Features\nOverall it ships with Northwind Labs drivers and Slack. "
        + "#LaunchDay #AI")).containsExactly("name:Northwind Labs", "name:Slack");
  }

  @Test
  void should_take_a_name_after_an_abbreviation_as_a_name_not_a_sentence_start() {
    // "e.g." / "i.e." / "vs." end in a period but do not end the sentence
    assertThat(kinds("Offer a cereal (e.g. Müsli); stock oat milk, i.e. Oatly, vs. Alpro."))
        .containsExactly("name:Müsli", "name:Oatly", "name:Alpro");
    assertThat(kinds("It shipped. Northwind agreed.")).isEmpty();
  }

  @Test
  void should_read_json_outputs_without_taking_keys_or_placeholder_emails() {
    assertThat(kinds("{\"selector\": \"#checkout-btn\", \"value\": \"qa@example.com\", "
        + "\"timeout_ms\": 5000}")).containsExactly("selector:#checkout-btn", "number:5000");
  }

  @Test
  void should_give_spans_that_substring_back_to_the_text() {
    String text = "\uD83D\uDE80 Acme raised €12M on 2024-01-09 \uD800 via Northwind.";
    assertThat(Claims.extract(text)).allSatisfy(c ->
        assertThat(text.substring(c.start(), c.end())).isEqualTo(c.text()));
  }
}
