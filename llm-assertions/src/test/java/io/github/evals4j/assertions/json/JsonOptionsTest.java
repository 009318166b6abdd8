package io.github.evals4j.assertions.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class JsonOptionsTest {

  @Test
  void should_be_strict_by_default() {
    JsonOptions strict = JsonOptions.strict();
    assertThat(strict.allowDuplicateKeys()).isFalse();
    assertThat(strict.ignoreLeadingBom()).isFalse();
    assertThat(strict.extractFromText()).isFalse();
    assertThat(strict.maxNestingDepth()).isEqualTo(JsonOptions.DEFAULT_MAX_NESTING_DEPTH);
  }

  @Test
  void should_return_changed_copies_and_leave_the_original_alone() {
    JsonOptions lenient = JsonOptions.strict().allowingDuplicateKeys().ignoringLeadingBom()
        .extractingFromText().withMaxNestingDepth(64);
    assertThat(lenient.allowDuplicateKeys()).isTrue();
    assertThat(lenient.ignoreLeadingBom()).isTrue();
    assertThat(lenient.extractFromText()).isTrue();
    assertThat(lenient.maxNestingDepth()).isEqualTo(64);
    assertThat(JsonOptions.strict().allowDuplicateKeys()).isFalse();
    assertThat(lenient).isEqualTo(JsonOptions.strict().withMaxNestingDepth(64)
        .extractingFromText().ignoringLeadingBom().allowingDuplicateKeys())
        .isNotEqualTo(JsonOptions.strict());
  }

  @Test
  void should_reject_a_nesting_limit_below_one() {
    assertThatIllegalArgumentException().isThrownBy(() -> JsonOptions.strict().withMaxNestingDepth(0))
        .withMessageContaining("maxNestingDepth must be at least 1, was 0");
  }

  @Test
  void should_reuse_the_strict_checks_for_strict_options() {
    assertThat(JsonChecks.with(JsonOptions.strict())).isSameAs(JsonChecks.strict());
    assertThat(JsonChecks.with(JsonOptions.strict().allowingDuplicateKeys()).options()
        .allowDuplicateKeys()).isTrue();
  }

  @Test
  void should_name_the_schema_in_its_exception() {
    InvalidJsonSchemaException e = new InvalidJsonSchemaException("classpath:x.json", "broken", null);
    assertThat(e.schemaName()).isEqualTo("classpath:x.json");
    assertThat(e).hasMessage("invalid JSON Schema classpath:x.json: broken");
  }
}
