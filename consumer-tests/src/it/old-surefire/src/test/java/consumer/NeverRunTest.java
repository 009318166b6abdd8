package consumer;

import io.github.evals4j.junit.Evals4j;
import org.junit.jupiter.api.Test;

@Evals4j
class NeverRunTest {
  // would fail the build if Surefire ran it; with 2.12.4 it never does
  @Test
  void fails_if_it_ever_runs() {
    throw new AssertionError("Surefire 2.12 ran a JUnit 5 test");
  }
}
