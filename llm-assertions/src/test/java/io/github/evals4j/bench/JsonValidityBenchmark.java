package io.github.evals4j.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.evals4j.check.Check;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.assertions.Checks;
import io.github.evals4j.assertions.json.JsonDocuments;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Strict JSON validity ({@code Checks.validJson()}, the whole check with its result) against plain
 * Jackson {@code ObjectMapper.readTree} on the same product-summary document (ASCII plus CJK,
 * Arabic and emoji strings). MB/s = ops/s × UTF-8 bytes of the document (printed at setup).
 *
 * <pre>
 * ./mvnw -B -q -pl llm-assertions test-compile exec:exec -Dbench.args="JsonValidity -f 1 -wi 3 -i 5"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JsonValidityBenchmark {

  @Param({"1024", "1048576"})
  public int size;

  private String document;
  private final Check validJson = Checks.validJson();
  private final ObjectMapper mapper = new ObjectMapper();
  private final JsonFactory duplicateDetecting =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  @Setup(Level.Trial)
  public void setUp() {
    document = JsonDocuments.productSummary(size);
    CheckResult result = validJson.evaluate(document);
    if (!result.passed()) {
      throw new IllegalStateException(result.message());
    }
    System.out.printf("%n[JsonValidityBenchmark] size=%d chars=%d utf8Bytes=%d%n", size,
        document.length(), document.getBytes(StandardCharsets.UTF_8).length);
  }

  @Benchmark
  public CheckResult strictValidity() {
    return validJson.evaluate(document);
  }

  @Benchmark
  public JsonNode jacksonReadTree() throws Exception {
    return mapper.readTree(document);
  }

  /**
   * Reference point for the design choice: a bare Jackson token loop with Jackson's own duplicate
   * detection (what the check would cost had it kept {@code STRICT_DUPLICATE_DETECTION}).
   */
  @Benchmark
  public int jacksonTokenLoopWithDuplicateDetection() throws Exception {
    int tokens = 0;
    try (JsonParser parser = duplicateDetecting.createParser(document)) {
      while (parser.nextToken() != null) {
        tokens++;
      }
    }
    return tokens;
  }
}
