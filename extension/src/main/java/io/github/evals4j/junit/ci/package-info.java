/**
 * CI facts (provider, pipeline, job, commit, branch, attempt) read from the environment variables
 * of GitHub Actions, GitLab CI, Jenkins, CircleCI, Buildkite and Azure Pipelines.
 */
package io.github.evals4j.junit.ci;
