package io.github.evals4j.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextScrubberTest {

  private final TextScrubber scrubber = TextScrubber.DEFAULT;

  @Test
  void should_replace_emails_bearer_tokens_and_api_keys() {
    // WHEN
    String s = scrubber.scrub("Write to ann.lee@example.co.uk. Authorization: Bearer abcDEF1234567890xyz;"
        + " OPENAI key sk-proj-AbC123dEf456GhI789 aws AKIAIOSFODNN7EXAMPLE, gh ghp_0123456789abcdefghijABCD"
        + " api_key=\"q1w2e3r4t5\" password: hunter22", 1000);

    // THEN
    assertThat(s).isEqualTo("Write to [email]. Authorization: Bearer [token]; OPENAI key [api-key]"
        + " aws [api-key], gh [api-key] api_key=\"[redacted]\" password: [redacted]");
  }

  @Test
  void should_replace_secrets_whatever_the_case_of_their_keyword() {
    // GIVEN keywords in upper and mixed case (the case-insensitive rules are looked up by
    // keyword before their pattern runs), and a secret made visible by an earlier replacement
    String text = "AUTHORIZATION: BEARER abcDEF1234567890xyz; BaSiC dXNlcjpwYXNzd29yZA== "
        + "API-KEY: q1w2e3r4t5 Access_Token=zzzz9999 PASSWD=hunter22 ÄPI_KEY=abcd1234";

    // WHEN
    String s = scrubber.scrub(text, 1000);

    // THEN
    assertThat(s).isEqualTo("AUTHORIZATION: Bearer [token]; Basic [token] API-KEY: [redacted]"
        + " Access_Token=[redacted] PASSWD=[redacted] ÄPI_KEY=abcd1234");
  }

  @Test
  void should_keep_ordinary_text_and_non_latin_scripts() {
    // GIVEN
    String text = "總額為 420 歐元。 المجموع 420 يورو 🎉 The sk- prefix alone, a task-list, @mention,"
        + " the bearer instrument, basic functionality, sk-learn-compatible-models";

    // THEN
    assertThat(scrubber.scrub(text, 1000)).isEqualTo(text);
  }

  @Test
  void should_cut_to_the_maximum_without_splitting_a_surrogate_pair() {
    // WHEN
    String s = scrubber.scrub("ab😀cd", 4);

    // THEN
    assertThat(s).isEqualTo("ab…");
  }

  @Test
  void should_handle_null_empty_lone_surrogates_and_huge_input() {
    assertThat(scrubber.scrub(null, 10)).isNull();
    assertThat(scrubber.scrub("", 10)).isEmpty();
    assertThat(scrubber.scrub("a\uD800b x@y.io", 100)).isEqualTo("a\uD800b [email]");
    // 20 MB of one long token-like run and of e-mail-like text: linear, a clear result
    String huge = "a".repeat(20_000_000);
    assertThat(scrubber.scrub(huge, 200)).hasSize(200).endsWith("…");
    String mails = "x@y.io ".repeat(1_000_000);
    assertThat(scrubber.scrub(mails)).startsWith("[email] [email]").doesNotContain("@");
  }

  @Test
  void should_replace_the_secrets_the_old_rules_let_through() {
    // GIVEN the issue's examples: "_" before the key name, URL passwords, Stripe keys, a
    // one-character quoted value
    String text = "DB_PASSWORD=CorrectHorse42 aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
        + " client_secret=abc.def-123 postgres://app:Hunter2Secret@localhost:5432/db"
        + " sk_live_51H8exampleEXAMPLEexample00 PASSWORD = 'x'";

    // WHEN
    String s = scrubber.scrub(text, 1000);

    // THEN
    assertThat(s).isEqualTo("DB_PASSWORD=[redacted] aws_secret_access_key=[redacted]"
        + " client_secret=[redacted] postgres://app:[redacted]@localhost:5432/db"
        + " [api-key] PASSWORD = '[redacted]'");
  }

  @Test
  void should_replace_a_whole_private_key_block_even_when_its_end_was_cut() {
    String block = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n"
        + "-----END OPENSSH PRIVATE KEY-----";
    assertThat(scrubber.scrub("key:\n" + block + "\nnext line")).isEqualTo("key:\n[private-key]\nnext line");
    assertThat(scrubber.scrub("key: " + block.substring(0, 70), 1000)).isEqualTo("key: [private-key]");
  }

  /**
   * Adversarial 100 KB values: runs that every old pattern restarted at each position of
   * ({@code sk-sk-sk-…} took 38.6 s, {@code -eyJ-eyJ…} 31.4 s), and openers of every rule with no
   * end in sight. One pass each: far below a second of CPU (about 1 ms once warm).
   */
  @Test
  void should_scrub_adversarial_100_kb_values_in_linear_time() {
    // GIVEN
    Map<String, String> inputs = new LinkedHashMap<>();
    for (String unit : new String[] {"sk-", "-eyJ", "eyJ.", "eyJhbGciOiJIUzI1NiJ9.", "a@", "a@b.", "@a.b",
        "password=", "password: ", "\"password\": \"", "Authorization: ", "<password>", "--token ",
        "://", "://a:", "Bearer ", "Bearer a", "basic ", "-----BEGIN", "-----BEGIN PRIVATE KEY-----",
        "AKIA", "x", "_", "-", ".", "\\", "\\\"", "hooks.slack.com/", "ghp_", "xoxb-", "A3Q~",
        "api_key=${", "aB3", "sk_live_"}) {
      inputs.put(unit, unit.repeat(100_000 / unit.length() + 1).substring(0, 100_000));
    }
    Random random = new Random(42);
    String alphabet = "sk-_eyJ.@:/=\"' \\BEGINPRIVATEKY<>aA0~Q";
    StringBuilder mixed = new StringBuilder();
    for (int i = 0; i < 100_000; i++) {
      mixed.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    inputs.put("random mix of every rule's characters", mixed.toString());
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    for (Map.Entry<String, String> input : inputs.entrySet()) {
      // WHEN
      long start = threads.getCurrentThreadCpuTime();
      String whole = scrubber.scrub(input.getValue());
      String cut = scrubber.scrub(input.getValue(), 100_000);
      long cpuNanos = threads.getCurrentThreadCpuTime() - start;

      // THEN
      assertThat(cut).isEqualTo(TextScrubber.cut(whole, 100_000));
      assertThat(cpuNanos).as("CPU time for 2 x 100 KB of '%s'", input.getKey())
          .isLessThan(1_000_000_000L);
      System.out.printf(Locale.ROOT, "%-40s %6.1f ms CPU%n", input.getKey(), cpuNanos / 1e6);
    }
  }
}
