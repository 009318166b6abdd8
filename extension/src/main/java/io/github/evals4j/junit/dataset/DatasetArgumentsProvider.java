package io.github.evals4j.junit.dataset;

import io.github.evals4j.config.ConfigKeys;
import io.github.evals4j.dataset.Datasets;
import io.github.evals4j.dataset.EvalCase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.AnnotationConsumer;
import org.junit.jupiter.params.support.ParameterDeclarations;

/** Reads {@link DatasetSource}'s files into one named argument per case. */
class DatasetArgumentsProvider implements ArgumentsProvider, AnnotationConsumer<DatasetSource> {

  /** Configuration parameter: how many times each dataset case runs by default. */
  static final String REPEATS = ConfigKeys.REPEATS.name();

  /** Configuration parameter: the largest dataset file read, in bytes. */
  static final String MAX_BYTES = io.github.evals4j.config.ConfigKeys.DATASET_MAX_BYTES.name();

  private DatasetSource source;

  @Override
  public void accept(DatasetSource annotation) {
    this.source = annotation;
  }

  // Exists in JUnit 5.13+ and 6: the one method to implement for both.
  @Override
  public Stream<? extends Arguments> provideArguments(
      ParameterDeclarations parameters, ExtensionContext context) {
    int repeats = repeats(context);
    return cases(context).stream().flatMap(c -> {
      String name = displayName(c.id());
      return IntStream.range(0, repeats).mapToObj(i -> Arguments.of(Named.of(name, c)));
    });
  }

  /** Display names of cases are at most this many code points (docs/datasets.md says so). */
  static final int MAX_DISPLAY_NAME = 100;

  /**
   * The case id as a display name: as is up to {@value #MAX_DISPLAY_NAME} code points, else its
   * first 90, {@code "…#"} and the first 8 hex digits of its SHA-256, so that two long ids with
   * the same beginning keep distinct names and a name is the same on every run. (A dataset's ids
   * are untrusted text: a 40,000-character id was a 40,000-character display name in every
   * report, log line and Sentry tag.)
   */
  static String displayName(String id) {
    if (id.codePointCount(0, id.length()) <= MAX_DISPLAY_NAME) {
      return id;
    }
    int cut = id.offsetByCodePoints(0, MAX_DISPLAY_NAME - 10);
    byte[] hash;
    try {
      hash = java.security.MessageDigest.getInstance("SHA-256")
          .digest(id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
    return id.substring(0, cut) + "\u2026#" + java.util.HexFormat.of().formatHex(hash, 0, 4);
  }

  /** {@code repeats} of the annotation, else {@code evals4j.repeats}, else 1. */
  private int repeats(ExtensionContext context) {
    if (source.repeats() > 0) {
      return source.repeats();
    }
    String value = context.getConfigurationParameter(REPEATS).orElse("1").strip();
    try {
      int n = Integer.parseInt(value);
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through to the error
    }
    throw new ExtensionConfigurationException("evals4j: configuration parameter '" + REPEATS
        + "' has the value '" + value + "'; allowed: an integer >= 1");
  }

  /** {@code maxBytes} of the annotation, else {@value #MAX_BYTES}, else Datasets' default. */
  private long maxBytes(ExtensionContext context) {
    if (source.maxBytes() < 0) {
      throw new ExtensionConfigurationException("@DatasetSource(maxBytes = " + source.maxBytes()
          + "): allowed are 0 (the configured default) or a number of bytes >= 1");
    }
    if (source.maxBytes() > 0) {
      return source.maxBytes();
    }
    String value = context.getConfigurationParameter(MAX_BYTES).map(String::strip).orElse(null);
    if (value == null || value.isEmpty()) {
      return Datasets.DEFAULT_MAX_BYTES;
    }
    try {
      long n = Long.parseLong(value.replace("_", ""));
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through to the error
    }
    throw new ExtensionConfigurationException("evals4j: configuration parameter '" + MAX_BYTES
        + "' has the value '" + value + "'; allowed: a number of bytes >= 1, e.g. 104857600");
  }

  List<EvalCase> cases(ExtensionContext context) {
    if (source.value().length == 0 && source.files().length == 0) {
      throw new ExtensionConfigurationException(
          "@DatasetSource on " + context.getDisplayName()
              + " names no dataset: set value (classpath resources) or files");
    }
    ClassLoader loader = context.getRequiredTestClass().getClassLoader();
    long maxBytes = maxBytes(context);
    List<EvalCase> all = new ArrayList<>();
    for (String resource : source.value()) {
      all.addAll(select(Datasets.loadResource(resource, loader, maxBytes)));
    }
    for (String file : source.files()) {
      all.addAll(select(Datasets.load(Path.of(file), maxBytes)));
    }
    Set<String> wanted = Set.of(source.ids());
    List<String> missing = new ArrayList<>(wanted);
    all.forEach(c -> missing.remove(c.id()));
    if (!missing.isEmpty()) {
      throw new ExtensionConfigurationException(
          "@DatasetSource(ids = ...) names cases the datasets do not have: " + missing);
    }
    return all;
  }

  private List<EvalCase> select(List<EvalCase> cases) {
    Set<String> wanted = Set.of(source.ids());
    List<EvalCase> selected = new ArrayList<>();
    for (EvalCase c : cases) {
      if (wanted.isEmpty() || wanted.contains(c.id())) {
        selected.add(c);
      }
      if (source.limit() > 0 && selected.size() == source.limit()) {
        break;
      }
    }
    return selected;
  }
}
