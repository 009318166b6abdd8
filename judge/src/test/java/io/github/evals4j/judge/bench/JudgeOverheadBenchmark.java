package io.github.evals4j.judge.bench;

import com.sun.net.httpserver.HttpServer;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.judge.Judge;
import io.github.evals4j.judge.JudgeChecks;
import io.github.evals4j.judge.JudgeReply;
import io.github.evals4j.judge.OpenAiJudge;
import io.github.evals4j.judge.RubricCheck;
import io.github.evals4j.replay.ReplayMode;
import io.github.evals4j.replay.ReplayStore;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What evals4j adds per judged case, model latency excluded: (a) {@code inProcess}, a judge that
 * answers at once (prompt, request, strict JSON + schema validation of the verdict, quotes
 * located, message); (b) {@code replayed}, the real {@link OpenAiJudge} answering from a
 * recording (request JSON, canonical hash, recording file read, response parsing, judge call
 * recorded). Output: a 500-character answer.
 *
 * <pre>./mvnw -B -q -pl judge -am test-compile exec:exec -Dbench.args="JudgeOverheadBenchmark -f 1 -wi 3 -i 5"</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JudgeOverheadBenchmark {

  static final String VERDICT = "{\"score\":8,\"reason\":\"Specific: amount, date and delay.\","
      + "\"quotes\":[\"within 3 business days\"]}";

  String output;
  RubricCheck inProcess;
  RubricCheck replayed;
  Path dir;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    StringBuilder b = new StringBuilder();
    while (b.length() < 480) {
      b.append("Your refund of 40 EUR was sent on 2 December. ");
    }
    output = b.append("Expect it within 3 business days.").substring(0, 500);
    output = output.substring(0, 466) + "within 3 business days" + output.substring(488);
    Judge instant = request -> JudgeReply.of(VERDICT, "bench-judge");
    inProcess = JudgeChecks.rubric(instant, "Specific: states amount, date and next step");

    // record once against a local endpoint, then replay only
    dir = Files.createTempDirectory("judge-bench");
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String completion = "{\"model\":\"bench-judge\",\"choices\":[{\"finish_reason\":\"stop\","
        + "\"message\":{\"role\":\"assistant\",\"content\":" + quote(VERDICT) + "}}],"
        + "\"usage\":{\"prompt_tokens\":300,\"completion_tokens\":30}}";
    byte[] bytes = completion.getBytes(StandardCharsets.UTF_8);
    http.createContext("/v1/chat/completions", ex -> {
      ex.getRequestBody().readAllBytes();
      ex.sendResponseHeaders(200, bytes.length);
      ex.getResponseBody().write(bytes);
      ex.close();
    });
    http.start();
    String base = "http://127.0.0.1:" + http.getAddress().getPort() + "/v1";
    JudgeChecks.rubric(OpenAiJudge.builder().baseUrl(base).model("bench-judge")
        .recordings(ReplayStore.at(dir, ReplayMode.AUTO)).build(),
        "Specific: states amount, date and next step").evaluate(output);
    http.stop(0);
    replayed = JudgeChecks.rubric(OpenAiJudge.builder().baseUrl(base).model("bench-judge")
        .recordings(ReplayStore.at(dir, ReplayMode.REPLAY)).build(),
        "Specific: states amount, date and next step");
    if (!replayed.evaluate(output).passed() || !inProcess.evaluate(output).passed()) {
      throw new IllegalStateException("benchmark setup: the verdict did not pass");
    }
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  public CheckResult inProcess() {
    return inProcess.evaluate(output);
  }

  @Benchmark
  public CheckResult replayed() {
    return replayed.evaluate(output);
  }
}
