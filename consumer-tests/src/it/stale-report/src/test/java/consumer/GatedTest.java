package consumer;

import io.github.evals4j.assertions.Checks;
import io.github.evals4j.junit.Evals4j;
import io.github.evals4j.junit.prompt.Prompt;
import org.junit.jupiter.api.Test;

@Evals4j
@Prompt(id = "summarize", version = "v1", model = "gpt-4o-mini")
class GatedTest {

  @Test
  void summary_is_valid_json() {
    Checks.evaluate(Checks.validJson(), "{\"title\": \"Acme\"}");
  }
}
