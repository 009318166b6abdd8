package io.github.evals4j.junit.ci;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the CI system says about the current build: provider, pipeline and job, commit, branch,
 * build URL and attempt, read from the environment variables of GitHub Actions, GitLab CI, Jenkins,
 * CircleCI, Buildkite and Azure Pipelines.
 *
 * <p>The evals4j extension tags every Sentry transaction with these facts (Datadog-style names, see
 * {@link #tags()}) and derives the run id from them, so that the shards of one pipeline share a run.
 * The environment is passed in as a map, which keeps detection a pure function:
 *
 * <pre>{@code
 * CiEnvironment ci = CiEnvironment.detect(System.getenv());
 * ci.runId().ifPresent(id -> System.out.println("run " + id));
 * }</pre>
 *
 * @param provider the provider's name ({@code github}, {@code gitlab}, {@code jenkins},
 *     {@code circleci}, {@code buildkite}, {@code azurepipelines}), empty when not on CI
 * @param pipelineId the id shared by every job/shard of one pipeline run, or null
 * @param pipelineName the workflow/pipeline/job name, or null
 * @param pipelineUrl a link to the pipeline run, or null
 * @param jobId the id of this job, or null
 * @param jobName the name of this job, or null
 * @param jobUrl a link to this job, or null
 * @param attempt the attempt of the pipeline or job (re-runs), or null
 * @param commitSha the commit being built, or null
 * @param branch the branch being built (without {@code refs/heads/} or {@code origin/}), or null
 */
public record CiEnvironment(
    String provider,
    String pipelineId,
    String pipelineName,
    String pipelineUrl,
    String jobId,
    String jobName,
    String jobUrl,
    String attempt,
    String commitSha,
    String branch) {

  /** Not on a recognised CI system. */
  public static final CiEnvironment NONE =
      new CiEnvironment("", null, null, null, null, null, null, null, null, null);

  public CiEnvironment {
    provider = Objects.requireNonNullElse(provider, "");
  }

  /** Whether a CI provider was recognised. */
  public boolean isCi() {
    return !provider.isEmpty();
  }

  /**
   * A run id shared by every shard of one pipeline run and attempt, e.g. {@code github-123-2};
   * empty when not on CI or the provider gives no pipeline id.
   */
  public Optional<String> runId() {
    if (!isCi() || pipelineId == null) {
      return Optional.empty();
    }
    return Optional.of(provider + "-" + pipelineId + (attempt == null ? "" : "-" + attempt));
  }

  /** The facts as tags with Datadog's CI visibility names; unknown facts are left out. */
  public Map<String, String> tags() {
    Map<String, String> tags = new LinkedHashMap<>();
    put(tags, "ci.provider.name", isCi() ? provider : null);
    put(tags, "ci.pipeline.id", pipelineId);
    put(tags, "ci.pipeline.name", pipelineName);
    put(tags, "ci.pipeline.url", pipelineUrl);
    put(tags, "ci.job.id", jobId);
    put(tags, "ci.job.name", jobName);
    put(tags, "ci.job.url", jobUrl);
    put(tags, "ci.attempt", attempt);
    put(tags, "git.commit.sha", commitSha);
    put(tags, "git.branch", branch);
    return tags;
  }

  private static void put(Map<String, String> tags, String key, String value) {
    if (value != null && !value.isBlank()) {
      tags.put(key, value);
    }
  }

  /** Reads the CI facts from {@code env} (usually {@code System.getenv()}); never null. */
  public static CiEnvironment detect(Map<String, String> env) {
    Objects.requireNonNull(env, "env");
    Env e = new Env(env);
    if (e.isTrue("GITHUB_ACTIONS")) {
      String server = e.get("GITHUB_SERVER_URL");
      String repo = e.get("GITHUB_REPOSITORY");
      String runId = e.get("GITHUB_RUN_ID");
      String url = server != null && repo != null && runId != null
          ? server + "/" + repo + "/actions/runs/" + runId : null;
      String branch = e.first("GITHUB_HEAD_REF", "GITHUB_REF_NAME");
      return new CiEnvironment("github", runId, e.get("GITHUB_WORKFLOW"), url,
          e.get("GITHUB_JOB"), e.get("GITHUB_JOB"), url, e.get("GITHUB_RUN_ATTEMPT"),
          e.get("GITHUB_SHA"), branch);
    }
    if (e.isTrue("GITLAB_CI")) {
      return new CiEnvironment("gitlab", e.get("CI_PIPELINE_ID"), e.get("CI_PROJECT_PATH"),
          e.get("CI_PIPELINE_URL"), e.get("CI_JOB_ID"), e.get("CI_JOB_NAME"), e.get("CI_JOB_URL"),
          null, e.get("CI_COMMIT_SHA"),
          e.first("CI_COMMIT_BRANCH", "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "CI_COMMIT_REF_NAME"));
    }
    if (e.get("JENKINS_URL") != null) {
      return new CiEnvironment("jenkins", e.first("BUILD_TAG", "BUILD_ID", "BUILD_NUMBER"),
          e.get("JOB_NAME"), e.get("BUILD_URL"), e.first("BUILD_ID", "BUILD_NUMBER"),
          e.get("JOB_NAME"), e.get("BUILD_URL"), null, e.get("GIT_COMMIT"),
          stripPrefix(e.first("CHANGE_BRANCH", "BRANCH_NAME", "GIT_BRANCH"), "origin/"));
    }
    if (e.isTrue("CIRCLECI")) {
      return new CiEnvironment("circleci", e.first("CIRCLE_WORKFLOW_ID", "CIRCLE_BUILD_NUM"),
          e.get("CIRCLE_PROJECT_REPONAME"), e.get("CIRCLE_BUILD_URL"), e.get("CIRCLE_BUILD_NUM"),
          e.get("CIRCLE_JOB"), e.get("CIRCLE_BUILD_URL"), null, e.get("CIRCLE_SHA1"),
          e.get("CIRCLE_BRANCH"));
    }
    if (e.isTrue("BUILDKITE")) {
      String retries = e.get("BUILDKITE_RETRY_COUNT");
      String attempt = null;
      if (retries != null && retries.matches("\\d{1,9}")) {
        attempt = Integer.toString(Integer.parseInt(retries) + 1);
      }
      String buildUrl = e.get("BUILDKITE_BUILD_URL");
      String jobId = e.get("BUILDKITE_JOB_ID");
      return new CiEnvironment("buildkite", e.get("BUILDKITE_BUILD_ID"),
          e.get("BUILDKITE_PIPELINE_SLUG"), buildUrl, jobId, e.get("BUILDKITE_LABEL"),
          buildUrl != null && jobId != null ? buildUrl + "#" + jobId : null, attempt,
          e.get("BUILDKITE_COMMIT"), e.get("BUILDKITE_BRANCH"));
    }
    if (e.isTrue("TF_BUILD")) {
      String server = e.get("SYSTEM_TEAMFOUNDATIONSERVERURI");
      String project = e.get("SYSTEM_TEAMPROJECTID");
      String buildId = e.get("BUILD_BUILDID");
      String url = server != null && project != null && buildId != null
          ? server + project + "/_build/results?buildId=" + buildId : null;
      String branch = e.first("SYSTEM_PULLREQUEST_SOURCEBRANCH", "BUILD_SOURCEBRANCH");
      return new CiEnvironment("azurepipelines", buildId, e.get("BUILD_DEFINITIONNAME"), url,
          e.get("SYSTEM_JOBID"), e.get("SYSTEM_JOBDISPLAYNAME"), url, e.get("SYSTEM_JOBATTEMPT"),
          e.first("SYSTEM_PULLREQUEST_SOURCECOMMITID", "BUILD_SOURCEVERSION"),
          stripPrefix(branch, "refs/heads/"));
    }
    return NONE;
  }

  private static String stripPrefix(String value, String prefix) {
    return value != null && value.startsWith(prefix) ? value.substring(prefix.length()) : value;
  }

  /** Blank values count as absent: CI systems often export empty variables. */
  private record Env(Map<String, String> env) {
    String get(String name) {
      String v = env.get(name);
      return v == null || v.isBlank() ? null : v.strip();
    }

    String first(String... names) {
      for (String n : names) {
        String v = get(n);
        if (v != null) {
          return v;
        }
      }
      return null;
    }

    boolean isTrue(String name) {
      return "true".equalsIgnoreCase(get(name));
    }
  }
}
