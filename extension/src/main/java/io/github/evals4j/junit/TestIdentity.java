package io.github.evals4j.junit;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.UniqueId;

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
 * @param attemptKey tests with the same key are attempts of one test (retries, repetitions)
 * @param retrying whether the invocation is an attempt of a retrying template
 *     ({@code @RetryingTest}, {@code @RepeatedTest})
 */
record TestIdentity(
    String uniqueId, String name, String classPath, String method, String invocation,
    String attemptKey, boolean retrying) {

  // "class-template": a @ParameterizedClass (JUnit 5.13+); its invocations vary like a method's
  private static final List<String> CLASS_TYPES =
      List.of("class", "nested-class", "class-template", "nested-class-template");
  private static final List<String> METHOD_TYPES =
      List.of("method", "test-template", "test-factory");
  private static final List<String> RETRY_ANNOTATIONS =
      List.of("org.junitpioneer.jupiter.RetryingTest", "org.junit.jupiter.api.RepeatedTest");

  static TestIdentity of(String uniqueId, Optional<Method> testMethod) {
    List<String> classes = new ArrayList<>();
    String method = "";
    List<String> invocations = new ArrayList<>();
    UniqueId.Segment lastTemplateInvocation = null;
    UniqueId id = UniqueId.parse(uniqueId);
    for (UniqueId.Segment s : id.getSegments()) {
      String type = s.getType();
      if (CLASS_TYPES.contains(type)) {
        classes.add(simpleName(s.getValue()));
      } else if (METHOD_TYPES.contains(type)) {
        String v = s.getValue();
        int paren = v.indexOf('(');
        method = paren < 0 ? v : v.substring(0, paren);
      } else if (type.equals("class-template-invocation")) {
        invocations.add(s.getValue());
      } else if (type.equals("test-template-invocation")) {
        invocations.add(s.getValue());
        lastTemplateInvocation = s;
      } else if (type.startsWith("dynamic-")) {
        invocations.add(s.getValue());
      }
    }
    String classPath = String.join(".", classes);
    String name = method.isEmpty() ? classPath : classPath + "." + method;
    String attemptKey = uniqueId;
    boolean retrying = lastTemplateInvocation != null
        && testMethod.map(TestIdentity::isRetrying).orElse(false);
    if (retrying) {
      attemptKey = id.removeLastSegment().toString();
    }
    return new TestIdentity(uniqueId, name, classPath, method, String.join("/", invocations),
        attemptKey, retrying);
  }

  /** Class identity of a container: {@code Outer.Nested}. */
  static String className(String uniqueId) {
    List<String> classes = new ArrayList<>();
    for (UniqueId.Segment s : UniqueId.parse(uniqueId).getSegments()) {
      if (CLASS_TYPES.contains(s.getType())) {
        classes.add(simpleName(s.getValue()));
      }
    }
    return String.join(".", classes);
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
