package io.github.evals4j.sample.quality;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.evals4j.judge.Judge;
import io.github.evals4j.judge.OpenAiJudge;
import io.github.evals4j.replay.ReplayStore;
import io.github.evals4j.sample.llm.LlmConfig;
import java.time.Duration;
import java.util.Optional;

/**
 * The sample's judge. Offline (the default): an {@link OpenAiJudge} talking to a WireMock server
 * that serves the committed judge fixtures ({@code judge-wiremock/mappings}, made by
 * {@link JudgeFixtures} from the answers and the calibration set), among them one malformed
 * verdict, one 429 with {@code Retry-After} and one position-biased pairwise judge. Live: the
 * same {@code LLM_BASE_URL}, {@code LLM_API_KEY} as the application, the model of
 * {@code EVALS4J_JUDGE_MODEL}, else {@code LLM_MODEL}. One per test JVM, started on first use.
 */
public final class SampleJudge {

  /** The judge model the fixtures answer as. */
  public static final String FIXTURE_MODEL = "gpt-4.1-mini";

  private static volatile Judge judge;
  private static volatile WireMockServer server;

  private SampleJudge() {}

  /** The judge of this run. */
  public static Judge get() {
    Judge j = judge;
    if (j == null) {
      synchronized (SampleJudge.class) {
        if (judge == null) {
          judge = start();
        }
        j = judge;
      }
    }
    return j;
  }

  /** Whether the judge is served by the committed fixtures. */
  public static boolean replaying() {
    return LlmConfig.fromEnvironment().isEmpty();
  }

  private static Judge start() {
    Optional<LlmConfig> live = LlmConfig.fromEnvironment();
    if (live.isPresent()) {
      String model = System.getenv().getOrDefault("EVALS4J_JUDGE_MODEL", live.get().model());
      return OpenAiJudge.builder().baseUrl(live.get().baseUrl()).apiKey(live.get().apiKey())
          .model(model).recordings(ReplayStore.live()).build();
    }
    WireMockServer s = fixtureServer(false);
    server = s;
    Runtime.getRuntime().addShutdownHook(new Thread(s::stop, "sample-judge-stop"));
    return fixtureJudge(s);
  }

  /** A started WireMock server with the judge fixtures (fresh scenario states). */
  static WireMockServer fixtureServer(boolean journal) {
    var o = options().dynamicPort().usingFilesUnderClasspath("judge-wiremock");
    WireMockServer s = new WireMockServer(journal ? o : o.disableRequestJournal());
    s.start();
    return s;
  }

  /** The judge that asks {@code server} (no recordings: the server is the recording). */
  static OpenAiJudge fixtureJudge(WireMockServer server) {
    return OpenAiJudge.builder().baseUrl(server.baseUrl() + "/v1").model(FIXTURE_MODEL)
        .timeout(Duration.ofSeconds(10)).maxRetryWait(Duration.ofSeconds(2))
        .recordings(ReplayStore.live()).build();
  }
}
