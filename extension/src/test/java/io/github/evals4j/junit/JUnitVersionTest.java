package io.github.evals4j.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;

/** The build runs this suite on JUnit 5 and again on JUnit 6: prove which one is running. */
class JUnitVersionTest {

  @Test
  void should_run_on_the_junit_generation_the_build_asked_for() {
    String expected = System.getProperty("build.expected.junit");
    assertThat(expected).as("set by the Surefire execution").isNotBlank();
    assertThat(Tags.FRAMEWORK_VERSION).startsWith(expected + ".");
    String platform = Launcher.class.getPackage().getImplementationVersion();
    assertThat(platform).startsWith(expected.equals("5") ? "1." : expected + ".");
  }
}
