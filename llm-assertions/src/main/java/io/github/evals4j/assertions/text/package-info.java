/**
 * Text analysis shared by the grounding and specificity checks: claim extraction, sentences and
 * words. Every scan here is a single forward pass with bounded look-ahead (no regular
 * expressions), so it stays linear on any input.
 *
 * <p>Public because two feature packages use it; {@link io.github.evals4j.assertions.text.Claims}
 * and {@link io.github.evals4j.assertions.text.Claim} are also useful on their own (to see what
 * the grounding check will verify).
 */
package io.github.evals4j.assertions.text;
