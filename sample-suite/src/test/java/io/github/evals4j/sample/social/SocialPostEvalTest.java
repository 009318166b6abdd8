package io.github.evals4j.sample.social;

import io.github.evals4j.dataset.EvalCase;
import io.github.evals4j.junit.Evals4j;
import io.github.evals4j.junit.dataset.DatasetSource;
import io.github.evals4j.prompt.PromptRef;
import io.github.evals4j.sample.support.Evaluation;
import io.github.evals4j.sample.support.LlmEndpoint;
import io.github.evals4j.sample.support.LlmEndpointExtension;
import io.github.evals4j.sample.support.TaskChecks;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Social posts, every prompt version × model × brief: an X post within 280 weighted characters
 * and a LinkedIn post within its range, 1-3 hashtags, finished text, no refusal.
 */
@Evals4j
@ExtendWith(LlmEndpointExtension.class)
@ParameterizedClass(name = "{0}")
@MethodSource("prompts")
class SocialPostEvalTest {

  @Parameter
  PromptRef prompt;

  static Stream<PromptRef> prompts() {
    return Evaluation.prompts(SocialPostWriter.PROMPT_ID);
  }

  @ParameterizedTest(name = "{0}")
  @DatasetSource("datasets/social-post.jsonl")
  void should_write_a_publishable_x_post(EvalCase c, LlmEndpoint llm) {
    Evaluation eval = Evaluation.of(prompt, c, Platform.X.displayName()).attribute();
    eval.verify(write(eval, llm, Platform.X), TaskChecks.xPost());
  }

  @ParameterizedTest(name = "{0}")
  @DatasetSource("datasets/social-post.jsonl")
  void should_write_a_publishable_linkedin_post(EvalCase c, LlmEndpoint llm) {
    Evaluation eval = Evaluation.of(prompt, c, Platform.LINKEDIN.displayName()).attribute();
    eval.verify(write(eval, llm, Platform.LINKEDIN), TaskChecks.linkedInPost());
  }

  private String write(Evaluation eval, LlmEndpoint llm, Platform platform) {
    SocialPostWriter writer = new SocialPostWriter(llm.client(), prompt.model(), prompt.version());
    PostBrief brief = new PostBrief(eval.evalCase().id(), eval.in("topic"), eval.in("keyFacts"),
        eval.in("audience"), eval.in("link"));
    return eval.ask(() -> writer.write(brief, platform));
  }
}
