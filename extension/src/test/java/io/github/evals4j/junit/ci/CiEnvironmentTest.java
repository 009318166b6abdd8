package io.github.evals4j.junit.ci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CiEnvironmentTest {

  @Test
  void should_detect_nothing_locally() {
    CiEnvironment ci = CiEnvironment.detect(Map.of("HOME", "/home/me"));
    assertThat(ci).isEqualTo(CiEnvironment.NONE);
    assertThat(ci.isCi()).isFalse();
    assertThat(ci.runId()).isEmpty();
    assertThat(ci.tags()).isEmpty();
  }

  @Test
  void should_read_github_actions() {
    CiEnvironment ci = CiEnvironment.detect(Map.of("GITHUB_ACTIONS", "true",
        "GITHUB_RUN_ID", "42", "GITHUB_RUN_ATTEMPT", "3", "GITHUB_SHA", "abc",
        "GITHUB_REF_NAME", "main", "GITHUB_HEAD_REF", "feature/x", "GITHUB_JOB", "test",
        "GITHUB_SERVER_URL", "https://github.com", "GITHUB_REPOSITORY", "o/r",
        "GITHUB_WORKFLOW", "CI"));
    assertThat(ci.runId()).contains("github-42-3");
    assertThat(ci.tags()).contains(entry("ci.provider.name", "github"),
        entry("ci.pipeline.url", "https://github.com/o/r/actions/runs/42"),
        entry("git.commit.sha", "abc"), entry("git.branch", "feature/x"),
        entry("ci.job.name", "test"), entry("ci.attempt", "3"));
  }

  @Test
  void should_read_gitlab() {
    CiEnvironment ci = CiEnvironment.detect(Map.of("GITLAB_CI", "true", "CI_PIPELINE_ID", "7",
        "CI_JOB_ID", "70", "CI_COMMIT_SHA", "def", "CI_COMMIT_REF_NAME", "dev",
        "CI_PIPELINE_URL", "https://gitlab.example/p/-/pipelines/7"));
    assertThat(ci.runId()).contains("gitlab-7");
    assertThat(ci.tags()).contains(entry("git.branch", "dev"), entry("ci.job.id", "70"),
        entry("ci.pipeline.url", "https://gitlab.example/p/-/pipelines/7"));
  }

  @Test
  void should_read_jenkins_and_strip_the_remote_from_the_branch() {
    CiEnvironment ci = CiEnvironment.detect(Map.of("JENKINS_URL", "https://ci.example/",
        "BUILD_TAG", "jenkins-app-12", "BUILD_ID", "12", "GIT_COMMIT", "123",
        "GIT_BRANCH", "origin/release", "BUILD_URL", "https://ci.example/job/app/12/"));
    assertThat(ci.runId()).contains("jenkins-jenkins-app-12");
    assertThat(ci.branch()).isEqualTo("release");
    assertThat(ci.pipelineUrl()).isEqualTo("https://ci.example/job/app/12/");
  }

  @Test
  void should_read_circleci() {
    CiEnvironment ci = CiEnvironment.detect(Map.of("CIRCLECI", "true",
        "CIRCLE_WORKFLOW_ID", "wf-1", "CIRCLE_BUILD_NUM", "5", "CIRCLE_SHA1", "c1",
        "CIRCLE_BRANCH", "main"));
    assertThat(ci.runId()).contains("circleci-wf-1");
    assertThat(ci.jobId()).isEqualTo("5");
  }

  @Test
  void should_read_buildkite_with_the_attempt_from_the_retry_count() {
    CiEnvironment ci = CiEnvironment.detect(Map.of("BUILDKITE", "true",
        "BUILDKITE_BUILD_ID", "b-9", "BUILDKITE_JOB_ID", "j-1", "BUILDKITE_RETRY_COUNT", "1",
        "BUILDKITE_COMMIT", "bk", "BUILDKITE_BRANCH", "main",
        "BUILDKITE_BUILD_URL", "https://buildkite.com/o/p/builds/9"));
    assertThat(ci.runId()).contains("buildkite-b-9-2");
    assertThat(ci.jobUrl()).isEqualTo("https://buildkite.com/o/p/builds/9#j-1");
  }

  @Test
  void should_read_azure_pipelines_and_strip_refs_heads() {
    CiEnvironment ci = CiEnvironment.detect(Map.of("TF_BUILD", "True", "BUILD_BUILDID", "88",
        "SYSTEM_JOBATTEMPT", "1", "BUILD_SOURCEVERSION", "az",
        "BUILD_SOURCEBRANCH", "refs/heads/main",
        "SYSTEM_TEAMFOUNDATIONSERVERURI", "https://dev.azure.com/org/",
        "SYSTEM_TEAMPROJECTID", "proj"));
    assertThat(ci.runId()).contains("azurepipelines-88-1");
    assertThat(ci.branch()).isEqualTo("main");
    assertThat(ci.pipelineUrl())
        .isEqualTo("https://dev.azure.com/org/proj/_build/results?buildId=88");
  }

  @Test
  void should_treat_blank_variables_as_absent() {
    CiEnvironment ci = CiEnvironment.detect(Map.of("GITHUB_ACTIONS", "true", "GITHUB_RUN_ID",
        " ", "GITHUB_SHA", ""));
    assertThat(ci.isCi()).isTrue();
    assertThat(ci.runId()).isEmpty();
    assertThat(ci.tags()).containsOnlyKeys("ci.provider.name");
  }
}
