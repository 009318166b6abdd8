package io.github.evals4j.assertions.grounding;

import io.github.evals4j.assertions.text.Claim;

/**
 * One claim of an output and the grounding verdict on it.
 *
 * @param claim the claim as extracted
 * @param supported whether the sources support it
 * @param reason why it is not supported; empty when supported
 */
public record CheckedClaim(Claim claim, boolean supported, String reason) {}
