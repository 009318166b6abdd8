package io.github.evals4j.junit;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who a test invocation is, derived from its JUnit unique id: a stable, low-cardinality name
 * ({@code ClassName.method}, the same on every run) plus the parts that vary per invocation.
 *
 * @param uniqueId the invocation's unique id
 * @param name {@code Outer.Nested.method}: simple class names, method name without parameters
 * @param classPath the class part of {@link #name}
 * @param method the method name (the factory method for dynamic tests)
 * @param invocation the invocation path ({@code #2}, {@code #1/#3} for nested dynamic tests), or
 *     empty for a plain test
 * @param attemptKey tests with the same key are attempts of one test: re-runs of the same
 *     invocation (Surefire's {@code rerunFailingTestsCount}) and the attempts of a retrying template
 *     ({@code @RetryingTest}). Repetitions of {@code @RepeatedTest} and parameterized invocations
 *     are tests of their own, as Surefire counts them.
 * @param retrying whether the invocation is an attempt of a retrying template
 */
record TestIdentity(
    String uniqueId, String name, String classPath, String method, String invocation,
    String attemptKey, boolean retrying) {

  // "class-template": a @ParameterizedClass (JUnit 5.13+); its invocations vary like a method's
  private static final List<String> CLASS_TYPES =
      List.of("class", "nested-class", "class-template", "nested-class-template");
  private static final List<String> METHOD_TYPES =
      List.of("method", "test-template", "test-factory");
  /** Templates whose invocations are attempts of one test (stop at the first success). */
  private static final List<String> RETRY_ANNOTATIONS =
      List.of("org.junitpioneer.jupiter.RetryingTest");

  static TestIdentity of(String uniqueId, Optional<Method> testMethod) {
    List<String> classes = new ArrayList<>();
    String method = "";
    List<String> invocations = new ArrayList<>();
    int lastTemplateInvocation = -1;
    for (Segment s : segments(uniqueId)) {
      String type = s.type();
      if (CLASS_TYPES.contains(type)) {
        classes.add(simpleName(s.value()));
      } else if (METHOD_TYPES.contains(type)) {
        String v = s.value();
        int paren = v.indexOf('(');
        method = paren < 0 ? v : v.substring(0, paren);
      } else if (type.equals("class-template-invocation")) {
        invocations.add(s.value());
      } else if (type.equals("test-template-invocation")) {
        invocations.add(s.value());
        lastTemplateInvocation = s.start();
      } else if (type.startsWith("dynamic-")) {
        invocations.add(s.value());
      }
    }
    String classPath = String.join(".", classes);
    String name = method.isEmpty() ? classPath : classPath + "." + method;
    String attemptKey = uniqueId;
    boolean retrying = lastTemplateInvocation > 0
        && testMethod.map(TestIdentity::isRetrying).orElse(false);
    if (retrying) {
      attemptKey = uniqueId.substring(0, lastTemplateInvocation - 1);
    }
    return new TestIdentity(uniqueId, name, classPath, method, String.join("/", invocations),
        attemptKey, retrying);
  }

  /**
   * Just the attempt key, without building the identity: the common case (no retrying
   * annotation) costs one annotation scan.
   */
  static String attemptKey(String uniqueId, Optional<Method> testMethod) {
    if (testMethod.map(TestIdentity::isRetrying).orElse(false)) {
      return of(uniqueId, testMethod).attemptKey();
    }
    return uniqueId;
  }

  /** Class identity of a container: {@code Outer.Nested}. */
  static String className(String uniqueId) {
    List<String> classes = new ArrayList<>();
    for (Segment s : segments(uniqueId)) {
      if (CLASS_TYPES.contains(s.type())) {
        classes.add(simpleName(s.value()));
      }
    }
    return String.join(".", classes);
  }

  /** One {@code [type:value]} segment and where it starts in the unique id. */
  private record Segment(String type, String value, int start) {}

  /**
   * The segments of a unique id. JUnit percent-encodes {@code []/:%} inside values, so the
   * delimiters are unambiguous; this runs once per test, so it avoids {@code UniqueId.parse}'s
   * allocations and only decodes values that contain an escape.
   */
  private static List<Segment> segments(String uniqueId) {
    List<Segment> segments = new ArrayList<>(6);
    int i = 0;
    int n = uniqueId.length();
    while (i < n) {
      int open = uniqueId.indexOf('[', i);
      int colon = open < 0 ? -1 : uniqueId.indexOf(':', open);
      int close = colon < 0 ? -1 : uniqueId.indexOf(']', colon);
      if (close < 0) {
        break;
      }
      String value = uniqueId.substring(colon + 1, close);
      if (value.indexOf('%') >= 0) {
        value = URLDecoder.decode(value, StandardCharsets.UTF_8);
      }
      segments.add(new Segment(uniqueId.substring(open + 1, colon), value, open));
      i = close + 1;
    }
    return segments;
  }

  private static String simpleName(String binaryName) {
    String simple = binaryName.substring(binaryName.lastIndexOf('.') + 1);
    return simple.replace('$', '.');
  }

  private static boolean isRetrying(AnnotatedElement method) {
    for (var a : method.getAnnotations()) {
      if (RETRY_ANNOTATIONS.contains(a.annotationType().getName())) {
        return true;
      }
    }
    return false;
  }
}
