package io.github.evals4j.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptRefTest {

  @Test
  void should_label_and_order_by_id_version_model() {
    List<PromptRef> refs = new ArrayList<>(List.of(
        new PromptRef("summarize", "v2", "gpt-4o"), new PromptRef("summarize", "v1", "gpt-4o-mini"),
        new PromptRef("summarize", "v1", "gpt-4o"), new PromptRef("classify", "v9", "x")));
    refs.sort(null);
    assertThat(refs).extracting(PromptRef::label).containsExactly(
        "classify@v9/x", "summarize@v1/gpt-4o", "summarize@v1/gpt-4o-mini", "summarize@v2/gpt-4o");
    assertThat(PromptRef.of("qa", "v3").label()).isEqualTo("qa@v3");
  }

  @Test
  void should_mark_unset_when_parts_are_null_or_blank() {
    PromptRef p = new PromptRef(null, " ", "\t");
    assertThat(p).isEqualTo(new PromptRef("-", "-", "-"));
    assertThat(new PromptRef(" a ", "v1", "m").id()).isEqualTo("a");
    Attribution a = new Attribution(null, "", 0);
    assertThat(a.caseId()).isEqualTo(PromptRef.UNSET);
    assertThat(a.prompt()).isEqualTo(p);
  }

  @Test
  void should_reject_negative_repeat() {
    assertThatThrownBy(() -> new Attribution(p(), "c", -1)).hasMessageContaining("repeat must be >= 0");
  }

  private static PromptRef p() {
    return new PromptRef("a", "b", "c");
  }
}
