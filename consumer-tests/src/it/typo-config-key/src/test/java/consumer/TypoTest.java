package consumer;

import static io.github.evals4j.assertions.LlmAssertions.assertThat;

import io.github.evals4j.junit.Evals4j;
import io.github.evals4j.junit.prompt.Prompt;
import org.junit.jupiter.api.Test;

@Evals4j
@Prompt(id = "summarize", version = "v1", model = "gpt-4o-mini")
class TypoTest {

  @Test
  void runs_with_the_extension() {
    assertThat("{\"title\": \"Acme\"}").isValidJson(); // a check attributed to the prompt: a report
  }
}
