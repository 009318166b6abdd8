package io.github.evals4j.sample.social;

import static io.github.evals4j.assertions.LlmAssertions.assertThat;

import io.github.evals4j.sample.support.InterimChecks;
import io.github.evals4j.sample.support.LlmEndpoint;
import io.github.evals4j.sample.support.LlmEndpointExtension;
import io.github.evals4j.sample.support.SampleRun;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Social posts: X within 280 weighted characters, LinkedIn within its range; 1-3 hashtags; finished text. */
@ExtendWith(LlmEndpointExtension.class)
class SocialPostEvalTest {

  static Stream<SampleRun> runs() {
    return SampleRun.all(SocialPostWriter.PROMPT_ID,
        Platform.X.displayName(), Platform.LINKEDIN.displayName());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runs")
  void should_write_a_publishable_post(SampleRun run, LlmEndpoint llm) {
    // GIVEN
    SocialPostWriter writer = new SocialPostWriter(llm.client(), run.model(), run.version());
    PostBrief brief = new PostBrief(run.caseId(), run.in("topic"), run.in("keyFacts"),
        run.in("audience"), run.in("link"));
    Platform platform = run.platform().equals("X") ? Platform.X : Platform.LINKEDIN;
    // WHEN
    String post = run.ask(() -> writer.write(brief, platform));
    // THEN
    run.verify(post,
        platform == Platform.X ? InterimChecks.xLength() : InterimChecks.linkedinLength(),
        InterimChecks.hashtags(), InterimChecks.noPlaceholder(), InterimChecks.noRefusal());
    assertThat(post).isNotBlank();
  }
}
