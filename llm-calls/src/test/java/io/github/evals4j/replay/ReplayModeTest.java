package io.github.evals4j.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayModeTest {

  @Test
  void should_default_to_replay_when_nothing_is_configured() {
    assertThat(ReplayMode.resolve(k -> null, k -> null)).isEqualTo(ReplayMode.REPLAY);
    assertThat(ReplayMode.resolve(k -> " ", k -> "")).isEqualTo(ReplayMode.REPLAY);
  }

  @Test
  void should_prefer_the_system_property_over_the_environment() {
    Map<String, String> props = Map.of("evals4j.replay.mode", "Record");
    Map<String, String> env = Map.of("EVALS4J_REPLAY_MODE", "fresh");
    assertThat(ReplayMode.resolve(props::get, env::get)).isEqualTo(ReplayMode.RECORD);
    assertThat(ReplayMode.resolve(k -> null, env::get)).isEqualTo(ReplayMode.FRESH);
    assertThat(ReplayMode.parse(" AUTO ")).isEqualTo(ReplayMode.AUTO);
  }

  @Test
  void should_fail_on_an_unknown_mode_naming_the_keys_and_the_allowed_values() {
    assertThatThrownBy(() -> ReplayMode.resolve(k -> "playback", k -> null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown replay mode 'playback' (evals4j.replay.mode / EVALS4J_REPLAY_MODE); "
            + "allowed: replay, record, auto, fresh");
  }
}
