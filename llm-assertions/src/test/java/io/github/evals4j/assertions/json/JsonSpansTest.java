package io.github.evals4j.assertions.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonSpansTest {

  private final StrictJsonReader reader = new StrictJsonReader(JsonOptions.strict());

  private Map<String, int[]> locate(String text, String... pointers) {
    return JsonSpans.locate(reader.factory(), text, 0, text.length(),
        java.util.Arrays.stream(pointers).map(JsonPointer::compile).toList());
  }

  private static String at(String text, int[] span) {
    return text.substring(span[0], span[1]);
  }

  @Test
  void should_locate_several_pointers_in_one_pass() {
    String text = "{\"a\": [10, {\"b\": \"日本\"}, [true]], \"c/d\": {\"e~f\": null}, \"z\": 1}";
    Map<String, int[]> spans = locate(text, "", "/a", "/a/1/b", "/a/2/0", "/c~1d/e~0f", "/z",
        "/missing", "/a/7");
    assertThat(at(text, spans.get(""))).isEqualTo(text);
    assertThat(at(text, spans.get("/a"))).isEqualTo("[10, {\"b\": \"日本\"}, [true]]");
    assertThat(at(text, spans.get("/a/1/b"))).isEqualTo("\"日本\"");
    assertThat(at(text, spans.get("/a/2/0"))).isEqualTo("true");
    assertThat(at(text, spans.get("/c~1d/e~0f"))).isEqualTo("null");
    assertThat(at(text, spans.get("/z"))).isEqualTo("1");
    assertThat(spans).doesNotContainKeys("/missing", "/a/7");
  }

  @Test
  void should_locate_inside_a_deep_document_without_recursion() {
    JsonOptions deep = JsonOptions.strict().withMaxNestingDepth(200_000);
    String text = JsonDocuments.nestedArrays(100_000, true);
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < 99_999; i++) {
      pointer.append("/0");
    }
    Map<String, int[]> spans = JsonSpans.locate(new StrictJsonReader(deep).factory(), text, 0,
        text.length(), List.of(JsonPointer.compile(pointer.toString())));
    assertThat(at(text, spans.get(pointer.toString()))).isEqualTo("[]");
  }
}
