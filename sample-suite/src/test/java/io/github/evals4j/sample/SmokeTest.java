package io.github.evals4j.sample;

import static io.github.evals4j.assertions.LlmAssertions.assertThat;

import io.github.evals4j.assertions.Check;
import io.github.evals4j.assertions.CheckResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Placeholder until the sample application lands: proves the reactor wires the modules. */
class SmokeTest {

  @Test
  void an_llm_output_can_be_asserted() {
    Check notEmpty = Check.of("not-empty",
        out -> CheckResult.of("not-empty", out != null && !out.isBlank(), List.of(), "empty output"));
    assertThat("Three features: search, export, sharing.").passes(notEmpty).contains("export");
  }
}
