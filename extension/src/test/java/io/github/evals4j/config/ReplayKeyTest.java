package io.github.evals4j.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.evals4j.replay.ReplayMode;
import org.junit.jupiter.api.Test;

/** The registry (evaluation) spells the replay key itself; the replay store (llm-calls) reads it. */
class ReplayKeyTest {

  @Test
  void should_name_the_same_property_and_variable_as_the_replay_store() {
    assertThat(ConfigKeys.REPLAY_MODE.name()).isEqualTo(ReplayMode.PROPERTY);
    assertThat(ConfigKeys.REPLAY_MODE.env()).contains(ReplayMode.ENV);
  }
}
