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
    return cases(context).stream().flatMap(c -> IntStream.range(0, repeats)
        .mapToObj(i -> Arguments.of(Named.of(c.id(), c))));
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

  List<EvalCase> cases(ExtensionContext context) {
    if (source.value().length == 0 && source.files().length == 0) {
      throw new ExtensionConfigurationException(
          "@DatasetSource on " + context.getDisplayName()
              + " names no dataset: set value (classpath resources) or files");
    }
    ClassLoader loader = context.getRequiredTestClass().getClassLoader();
    List<EvalCase> all = new ArrayList<>();
    for (String resource : source.value()) {
      all.addAll(select(Datasets.loadResource(resource, loader)));
    }
    for (String file : source.files()) {
      all.addAll(select(Datasets.load(Path.of(file))));
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
