package io.github.evals4j.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

class ConfigTest {

  private static Config config(Map<String, String> params, Map<String, String> env) {
    return Config.from(k -> Optional.ofNullable(params.get(k)), env);
  }

  @Test
  void should_use_documented_defaults() {
    Config c = config(Map.of(), Map.of());
    assertThat(c.enabled()).isTrue();
    assertThat(c.dsn()).isEmpty();
    assertThat(c.traceMode()).isEqualTo(Config.TraceMode.CLASS);
    assertThat(c.sendMode()).isEqualTo(Config.SendMode.ALL);
    assertThat(c.sampleRate()).isEqualTo(1.0);
    assertThat(c.flushTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(c.environment()).isEqualTo("local");
    assertThat(c.runId()).startsWith("local-");
    assertThat(c.queueSize()).isEqualTo(20_000);
    assertThat(c.senders()).isEqualTo(4);
    assertThat(c.queueFull()).isEqualTo(Config.QueueFull.WAIT);
    assertThat(c.compression()).isEqualTo(Config.Compression.AUTO);
    assertThat(c.queueFullWait()).isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void should_gzip_unless_the_endpoint_is_on_this_machine_or_told_otherwise() {
    assertThat(config(Map.of(Config.DSN, "https://k@o1.ingest.sentry.io/2"), Map.of()).gzip())
        .isTrue();
    assertThat(config(Map.of(Config.DSN, "http://public@localhost:8969/1"), Map.of()).gzip())
        .isFalse();
    assertThat(config(Map.of(Config.DSN, "http://public@localhost:8969/1",
        Config.COMPRESSION, "gzip"), Map.of()).gzip()).isTrue();
    assertThat(config(Map.of(Config.DSN, "https://k@o1.ingest.sentry.io/2",
        Config.COMPRESSION, "none"), Map.of()).gzip()).isFalse();
  }

  @Test
  void should_wait_longer_for_a_dsn_on_this_machine_unless_told_otherwise() {
    for (String local : new String[] {"http://public@localhost:8969/1",
        "http://public@127.0.0.1:8969/1", "http://public@[::1]:8969/1"}) {
      assertThat(config(Map.of(Config.DSN, local), Map.of()).flushTimeout()).as(local)
          .isEqualTo(Config.LOCAL_FLUSH_TIMEOUT);
    }
    assertThat(config(Map.of(Config.DSN, "https://k@o1.ingest.sentry.io/2"), Map.of())
        .flushTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(config(Map.of(Config.DSN, "http://public@localhost.example.com/1"), Map.of())
        .flushTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(config(Map.of(Config.DSN, "http://public@localhost:8969/1",
        Config.FLUSH_TIMEOUT, "5s"), Map.of()).flushTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void should_prefer_the_evals4j_dsn_to_sentry_dsn() {
    assertThat(config(Map.of(), Map.of("SENTRY_DSN", "http://a@x/1")).dsn())
        .contains("http://a@x/1");
    assertThat(config(Map.of(), Map.of("SENTRY_DSN", "http://a@x/1",
        "EVALS4J_SENTRY_DSN", "http://b@x/2")).dsn()).contains("http://b@x/2");
    assertThat(config(Map.of(Config.DSN, "http://c@x/3"),
        Map.of("EVALS4J_SENTRY_DSN", "http://b@x/2")).dsn()).contains("http://c@x/3");
  }

  @Test
  void should_take_the_run_id_from_property_then_env_then_ci() {
    Map<String, String> gh = Map.of("GITHUB_ACTIONS", "true", "GITHUB_RUN_ID", "5");
    assertThat(config(Map.of(), gh).runId()).isEqualTo("github-5");
    assertThat(config(Map.of(), Map.of("EVALS4J_RUN_ID", "shared", "GITHUB_ACTIONS", "true",
        "GITHUB_RUN_ID", "5")).runId()).isEqualTo("shared");
    assertThat(config(Map.of(Config.RUN_ID, "prop"), Map.of("EVALS4J_RUN_ID", "shared")).runId())
        .isEqualTo("prop");
  }

  @Test
  void should_derive_release_and_environment_from_ci_unless_sentry_says_otherwise() {
    Map<String, String> gh = Map.of("GITHUB_ACTIONS", "true", "GITHUB_SHA", "abc");
    assertThat(config(Map.of(), gh).release()).contains("abc");
    assertThat(config(Map.of(), gh).environment()).isEqualTo("ci");
    Config sentry = config(Map.of(), Map.of("GITHUB_ACTIONS", "true", "GITHUB_SHA", "abc",
        "SENTRY_RELEASE", "app@1.2", "SENTRY_ENVIRONMENT", "staging"));
    assertThat(sentry.release()).contains("app@1.2");
    assertThat(sentry.environment()).isEqualTo("staging");
  }

  @Test
  void should_read_release_and_environment_from_sentry_properties_after_the_environment() {
    Map<String, String> sentryProperties = Map.of("release", "app@2.0", "environment", "qa");
    Config fromFile = Config.from(k -> Optional.empty(),
        Map.of("GITHUB_ACTIONS", "true", "GITHUB_SHA", "abc"),
        k -> Optional.ofNullable(sentryProperties.get(k)));
    assertThat(fromFile.release()).contains("app@2.0");
    assertThat(fromFile.environment()).isEqualTo("qa");
    Config envWins = Config.from(k -> Optional.empty(), Map.of("SENTRY_RELEASE", "env@1"),
        k -> Optional.ofNullable(sentryProperties.get(k)));
    assertThat(envWins.release()).contains("env@1");
  }

  @Test
  void should_always_report_on_listed_branches() {
    Map<String, String> main = Map.of("GITHUB_ACTIONS", "true", "GITHUB_REF_NAME", "main");
    assertThat(config(Map.of(Config.ALWAYS_REPORT_BRANCHES, "main, release"), main)
        .alwaysReport()).isTrue();
    assertThat(config(Map.of(Config.ALWAYS_REPORT_BRANCHES, "release"), main).alwaysReport())
        .isFalse();
  }

  @Test
  void should_parse_durations_and_modes() {
    assertThat(config(Map.of(Config.FLUSH_TIMEOUT, "500ms"), Map.of()).flushTimeout())
        .isEqualTo(Duration.ofMillis(500));
    assertThat(config(Map.of(Config.FLUSH_TIMEOUT, "1.5s"), Map.of()).flushTimeout())
        .isEqualTo(Duration.ofMillis(1500));
    assertThat(config(Map.of(Config.FLUSH_TIMEOUT, "250"), Map.of()).flushTimeout())
        .isEqualTo(Duration.ofMillis(250));
    assertThat(config(Map.of(Config.SEND, "Flaky-Only"), Map.of()).sendMode())
        .isEqualTo(Config.SendMode.FLAKY_ONLY);
    assertThat(config(Map.of(Config.TRACE, "run"), Map.of()).traceMode())
        .isEqualTo(Config.TraceMode.RUN);
  }

  @Test
  void should_fail_naming_the_key_and_the_allowed_values_for_a_malformed_value() {
    assertThatThrownBy(() -> config(Map.of(Config.TRACE, "suite"), Map.of()))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("evals4j.sentry.trace").hasMessageContaining("'suite'")
        .hasMessageContaining("test, class, run");
    assertThatThrownBy(() -> config(Map.of(Config.SAMPLE_RATE, "1.5"), Map.of()))
        .hasMessageContaining("evals4j.sentry.sample-rate").hasMessageContaining("0 to 1");
    assertThatThrownBy(() -> config(Map.of(Config.FLUSH_TIMEOUT, "soon"), Map.of()))
        .hasMessageContaining("evals4j.sentry.flush-timeout");
    assertThatThrownBy(() -> config(Map.of(Config.ENABLED, "yes"), Map.of()))
        .hasMessageContaining("true or false");
    assertThatThrownBy(() -> config(Map.of(Config.QUEUE_SIZE, "-1"), Map.of()))
        .hasMessageContaining("an integer >= 30");
    assertThatThrownBy(() -> config(Map.of(Config.QUEUE_FULL, "block"), Map.of()))
        .hasMessageContaining("evals4j.sentry.queue-full").hasMessageContaining("wait, drop");
  }
}
