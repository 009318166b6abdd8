package io.github.evals4j.springai;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The examples of {@code docs/spring-ai.md} are the tagged regions ({@code // tag::name[]} to
 * {@code // end::name[]}) of this module's compiled and run tests, verbatim.
 */
class SpringAiDocExamplesTest {

  private static final List<String> SOURCES = List.of(
      "Evals4jObservationHandlerTest.java",
      "ReplayingChatModelTest.java",
      "example/WeatherAssistant.java",
      "example/WeatherAssistantTest.java");

  @Test
  void every_tagged_example_appears_verbatim_in_docs_spring_ai_md() throws Exception {
    Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    String page = Files.readString(root.resolveSibling("docs").resolve("spring-ai.md"),
        StandardCharsets.UTF_8);
    Pattern tagged = Pattern.compile("// tag::([\\w-]+)\\[]\\n(.*?)\\n\\s*// end::\\1\\[]", Pattern.DOTALL);
    List<String> tags = new ArrayList<>();
    for (String file : SOURCES) {
      String source = Files.readString(root.resolve("src/test/java/io/github/evals4j/springai")
          .resolve(file), StandardCharsets.UTF_8);
      Matcher m = tagged.matcher(source);
      while (m.find()) {
        tags.add(m.group(1));
        assertThat(page).as("docs/spring-ai.md must contain the '%s' example of %s verbatim",
            m.group(1), file).contains(m.group(2).stripIndent());
      }
    }
    assertThat(tags).containsExactlyInAnyOrder("registration", "chat-client", "app", "test");
  }
}
