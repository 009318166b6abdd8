/**
 * The evals4j JUnit Jupiter extension: every test of a run as a Sentry transaction, with its
 * phases, failures, LLM calls and check results.
 */
package io.github.evals4j.junit;
