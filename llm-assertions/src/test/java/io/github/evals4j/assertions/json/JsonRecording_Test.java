package io.github.evals4j.assertions.json;

import static io.github.evals4j.assertions.LlmAssertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.evals4j.check.CheckResult;
import io.github.evals4j.assertions.SoftLlmAssertions;
import io.github.evals4j.recording.Recorder;
import io.github.evals4j.recording.Recording;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** Every fluent JSON assertion goes through a Check whose result reaches the recording hook. */
class JsonRecording_Test {

  private static final String OUTPUT =
      "Here:\n```json\n{\"title\": \"Export\", \"features\": [{\"name\": \"CSV\"}]}\n```";
  private static final String JSON = "{\"title\": \"Export\", \"features\": [{\"name\": \"CSV\"}]}";

  @Test
  void should_record_each_json_assertion_passed_or_failed() {
    List<CheckResult> seen = new ArrayList<>();
    Recorder recorder = new Recorder() {
      @Override
      public void onCheck(CheckResult result) {
        seen.add(result);
      }
    };
    try (Recording.Binding ignored = Recording.bind(recorder)) {
      assertThat(OUTPUT).containsValidJson()
          .extractingJson().isValidJson().isJsonObject().hasJsonPointer("/features/0")
          .hasJsonPointerValue("/title", "Export").hasJsonPointerMatching("/title", "Ex.*")
          .matchesJsonSchema("{\"required\": [\"title\"]}")
          .extractingJsonPointer("/features/0/name").isEqualTo("CSV");
      catchThrowable(() -> assertThat(OUTPUT).isValidJson());
      catchThrowable(() -> assertThat(JSON).isJsonArray());
    }
    Assertions.assertThat(seen).extracting(CheckResult::check).containsExactly(
        "json.contains-valid", "json.contains-valid", "json.valid", "json.object", "json.pointer",
        "json.pointer.equals", "json.pointer.matches", "json.schema", "json.pointer",
        "json.valid", "json.array");
    Assertions.assertThat(seen).extracting(CheckResult::passed)
        .containsExactly(true, true, true, true, true, true, true, true, true, false, false);
  }

  @Test
  void should_collect_json_failures_softly() {
    SoftLlmAssertions softly = new SoftLlmAssertions();
    softly.assertThat("{\"a\": 1,}").isValidJson();
    softly.assertThat("[1]").isJsonObject();
    softly.assertThat("{\"a\": 1}").hasJsonPointer("/b").hasJsonPointerValue("/a", 2);
    Assertions.assertThat(softly.errorsCollected()).hasSize(4);
    Assertions.assertThat(softly.errorsCollected().get(0)).hasMessageContaining("trailing comma");
  }
}
