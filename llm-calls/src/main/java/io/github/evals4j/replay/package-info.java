/**
 * Record real LLM responses once, replay them in CI: {@link io.github.evals4j.replay.ReplayStore}
 * wraps the HTTP call of an application's LLM client, keyed by {@link
 * io.github.evals4j.replay.ReplayKey} (provider, model, request hash, repeat), in the {@link
 * io.github.evals4j.replay.ReplayMode} set by {@code evals4j.replay.mode}. No JUnit, no WireMock.
 */
package io.github.evals4j.replay;
