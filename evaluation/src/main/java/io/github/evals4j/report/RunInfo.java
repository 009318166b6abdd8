package io.github.evals4j.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Metadata of one run: where and when it ran, and which prices it used.
 *
 * @param runId the run id (shared by the CI shards of one pipeline)
 * @param commit the commit, empty when unknown
 * @param branch the branch, empty when unknown
 * @param ci the CI provider ({@code github-actions}, {@code gitlab-ci}, {@code jenkins},
 *     {@code ci}) or {@code local}
 * @param startedAt when the run started, ISO-8601
 * @param endedAt when the run ended, ISO-8601
 * @param pricesAsOf the date of the price table's list prices, empty when unknown
 * @param priceSources where the prices come from
 */
public record RunInfo(
    String runId, String commit, String branch, String ci, String startedAt, String endedAt,
    String pricesAsOf, List<String> priceSources) {

  public RunInfo {
    runId = Objects.requireNonNullElse(runId, "");
    commit = Objects.requireNonNullElse(commit, "");
    branch = Objects.requireNonNullElse(branch, "");
    ci = Objects.requireNonNullElse(ci, "local");
    startedAt = Objects.requireNonNullElse(startedAt, "");
    endedAt = Objects.requireNonNullElse(endedAt, "");
    pricesAsOf = Objects.requireNonNullElse(pricesAsOf, "");
    priceSources = priceSources == null ? List.of() : List.copyOf(priceSources);
  }

  /**
   * Run metadata read from CI variables: GitHub Actions ({@code GITHUB_SHA}, {@code GITHUB_REF_NAME},
   * {@code GITHUB_RUN_ID}), GitLab ({@code CI_COMMIT_SHA}, {@code CI_COMMIT_REF_NAME},
   * {@code CI_PIPELINE_ID}), Jenkins ({@code GIT_COMMIT}, {@code GIT_BRANCH}, {@code BUILD_TAG}),
   * else {@code CI} set means a generic CI.
   */
  public static RunInfo fromEnvironment(
      Map<String, String> env, String runId, Instant start, Instant end, String pricesAsOf,
      List<String> priceSources) {
    String ci;
    String commit;
    String branch;
    String id;
    if (env.containsKey("GITHUB_ACTIONS")) {
      ci = "github-actions";
      commit = env.get("GITHUB_SHA");
      branch = env.getOrDefault("GITHUB_HEAD_REF", "").isEmpty() ? env.get("GITHUB_REF_NAME") : env.get("GITHUB_HEAD_REF");
      id = env.get("GITHUB_RUN_ID");
    } else if (env.containsKey("GITLAB_CI")) {
      ci = "gitlab-ci";
      commit = env.get("CI_COMMIT_SHA");
      branch = env.get("CI_COMMIT_REF_NAME");
      id = env.get("CI_PIPELINE_ID");
    } else if (env.containsKey("JENKINS_URL")) {
      ci = "jenkins";
      commit = env.get("GIT_COMMIT");
      branch = env.get("GIT_BRANCH");
      id = env.get("BUILD_TAG");
    } else {
      ci = env.containsKey("CI") ? "ci" : "local";
      commit = null;
      branch = null;
      id = null;
    }
    return new RunInfo(runId != null ? runId : id, commit, branch, ci,
        start == null ? "" : start.toString(), end == null ? "" : end.toString(), pricesAsOf, priceSources);
  }
}
