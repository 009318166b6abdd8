package io.github.evals4j.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TestIdentityTest {

  private static final String CLASS = "[engine:junit-jupiter]/[class:com.acme.CheckoutTest]";

  @Test
  void should_name_a_plain_test_class_dot_method() {
    TestIdentity id = TestIdentity.of(CLASS + "/[method:pays(java.lang.String)]", Optional.empty());
    assertThat(id.name()).isEqualTo("CheckoutTest.pays");
    assertThat(id.invocation()).isEmpty();
    assertThat(id.attemptKey()).isEqualTo(id.uniqueId());
  }

  @Test
  void should_keep_the_invocation_out_of_the_name() {
    TestIdentity id = TestIdentity.of(
        CLASS + "/[nested-class:Refunds]/[test-template:refunds(int)]/[test-template-invocation:#3]",
        Optional.empty());
    assertThat(id.name()).isEqualTo("CheckoutTest.Refunds.refunds");
    assertThat(id.invocation()).isEqualTo("#3");
  }

  @Test
  void should_name_dynamic_tests_after_their_factory() {
    TestIdentity id = TestIdentity.of(CLASS + "/[test-factory:cases()]/[dynamic-container:#2]"
        + "/[dynamic-test:#5]", Optional.empty());
    assertThat(id.name()).isEqualTo("CheckoutTest.cases");
    assertThat(id.invocation()).isEqualTo("#2/#5");
  }

  @Test
  void should_decode_escaped_values() {
    TestIdentity id = TestIdentity.of(
        "[engine:junit-jupiter]/[class:a.B]/[test-factory:f()]/[dynamic-test:%5Bx%5D%2Fy]",
        Optional.empty());
    assertThat(id.invocation()).isEqualTo("[x]/y");
  }

  @Test
  void should_use_the_binary_name_of_static_member_classes() {
    TestIdentity id = TestIdentity.of("[engine:junit-jupiter]/[class:a.Outer$Inner]/[method:m()]",
        Optional.empty());
    assertThat(id.name()).isEqualTo("Outer.Inner.m");
  }

  @Test
  void should_group_retry_attempts_but_neither_repetitions_nor_parameterized_invocations()
      throws Exception {
    String retried = CLASS + "/[test-template:retried()]/[test-template-invocation:#2]";
    TestIdentity attempt = TestIdentity.of(retried, Optional.of(method("retried")));
    assertThat(attempt.retrying()).isTrue();
    assertThat(attempt.attemptKey()).isEqualTo(CLASS + "/[test-template:retried()]");

    String repeated = CLASS + "/[test-template:again()]/[test-template-invocation:#2]";
    TestIdentity repetition = TestIdentity.of(repeated, Optional.of(method("again")));
    assertThat(repetition.retrying()).isFalse();
    assertThat(repetition.attemptKey()).isEqualTo(repeated);

    String parameterized = CLASS + "/[test-template:each(int)]/[test-template-invocation:#2]";
    TestIdentity invocation = TestIdentity.of(parameterized, Optional.of(method("each")));
    assertThat(invocation.retrying()).isFalse();
    assertThat(invocation.attemptKey()).isEqualTo(parameterized);
  }

  private static Method method(String name) {
    for (Method m : Samples.class.getDeclaredMethods()) {
      if (m.getName().equals(name)) {
        return m;
      }
    }
    throw new AssertionError(name);
  }

  static class Samples {
    @RepeatedTest(2)
    void again() {}

    @org.junitpioneer.jupiter.RetryingTest(2)
    void retried() {}

    @ParameterizedTest
    @ValueSource(ints = 1)
    void each(int i) {}
  }
}
