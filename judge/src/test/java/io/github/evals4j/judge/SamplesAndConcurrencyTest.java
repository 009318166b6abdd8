package io.github.evals4j.judge;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.evals4j.judge.JudgeFixtures.completion;
import static io.github.evals4j.judge.JudgeFixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.sun.net.httpserver.HttpServer;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.replay.ReplayStore;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SamplesAndConcurrencyTest {

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  OpenAiJudge judge() {
    return OpenAiJudge.builder().baseUrl(server.baseUrl() + "/v1").model("judge-model")
        .recordings(ReplayStore.live()).build();
  }

  void scores(String... replies) {
    String state = Scenario.STARTED;
    for (int i = 0; i < replies.length; i++) {
      String next = "s" + (i + 1);
      server.stubFor(post(urlEqualTo("/v1/chat/completions")).inScenario("samples")
          .whenScenarioStateIs(state).willReturn(okJson(completion(replies[i])))
          .willSetStateTo(next));
      state = next;
    }
  }

  @Test
  void samples_score_the_mean_and_report_the_spread() {
    scores(verdict(6, "ok"), verdict(8, "good"), verdict(7, "fine"));
    CheckResult r = JudgeChecks.rubric(judge(), "helpful").samples(3).evaluate("An answer.");
    assertThat(r.score()).isEqualTo(7.0);
    assertThat(r.passed()).isTrue();
    assertThat(r.message()).contains("score 7 / 10", "mean of 3 samples, sd 1, range 6\u20138");
  }

  @Test
  void samples_leave_out_a_minority_of_judge_errors_and_say_so() {
    scores(verdict(9, "good"), "not json", verdict(8, "good"));
    CheckResult r = JudgeChecks.rubric(judge(), "helpful").samples(3).evaluate("An answer.");
    assertThat(r.score()).isEqualTo(8.5);
    assertThat(r.message()).contains("mean of 2 samples", "1 judge error(s) left out");
  }

  @Test
  void samples_with_half_or_more_judge_errors_are_a_judge_error() {
    scores(verdict(9, "good"), "not json");
    CheckResult r = JudgeChecks.rubric(judge(), "helpful").samples(2).evaluate("An answer.");
    assertThat(JudgeErrors.isJudgeError(r)).isTrue();
    assertThat(r.message()).contains("1 of 2 samples failed");
  }

  @Test
  void no_more_requests_are_in_flight_than_max_concurrency() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    CountDownLatch third = new CountDownLatch(3); // released at once if 3 are ever in flight
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.setExecutor(Executors.newFixedThreadPool(8));
    byte[] body = completion(verdict(8, "ok")).getBytes(StandardCharsets.UTF_8);
    http.createContext("/v1/chat/completions", ex -> {
      peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      third.countDown();
      try {
        third.await(150, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      inFlight.decrementAndGet();
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    http.start();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      OpenAiJudge judge = OpenAiJudge.builder()
          .baseUrl("http://127.0.0.1:" + http.getAddress().getPort() + "/v1").model("m")
          .maxConcurrency(2).recordings(ReplayStore.live()).build();
      List<Future<CheckResult>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String output = "answer " + i;
        results.add(pool.submit(() -> JudgeChecks.rubric(judge, "helpful").evaluate(output)));
      }
      for (Future<CheckResult> f : results) {
        assertThat(f.get(30, TimeUnit.SECONDS).passed()).isTrue();
      }
      assertThat(peak.get()).isEqualTo(2);
    } finally {
      pool.shutdownNow();
      http.stop(0);
    }
  }
}
