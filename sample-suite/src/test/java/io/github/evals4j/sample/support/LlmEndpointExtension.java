package io.github.evals4j.sample.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects the run's {@link LlmEndpoint}: started once for the whole run (kept in the root store)
 * and closed by JUnit at the end, as an {@code AutoCloseable} store value.
 */
public final class LlmEndpointExtension implements ParameterResolver {

  private static final Namespace NAMESPACE = Namespace.create(LlmEndpointExtension.class);
  private static final String ENDPOINT = "endpoint";

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LlmEndpoint.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(ENDPOINT, key -> LlmEndpoint.start(), LlmEndpoint.class);
  }
}
