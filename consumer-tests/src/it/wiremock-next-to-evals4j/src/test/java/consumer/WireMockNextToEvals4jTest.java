package consumer;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonSchema;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.evals4j.assertions.LlmAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.assertions.Checks;
import io.github.evals4j.assertions.json.JsonSchema;
import io.github.evals4j.dataset.Datasets;
import io.github.evals4j.dataset.EvalCase;
import io.github.evals4j.junit.Evals4j;
import io.github.evals4j.junit.prompt.Prompt;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** JSON Schema checks, WireMock's own JSON Schema matching and datasets, on one classpath. */
@Evals4j
@Prompt(id = "summarize", version = "v1", model = "gpt-4o-mini")
class WireMockNextToEvals4jTest {

  static final String SCHEMA = """
      {"$schema": "http://json-schema.org/draft-07/schema#",
       "type": "object", "required": ["title"],
       "properties": {"title": {"type": "string"}, "released": {"type": "string", "format": "date"}}}
      """;

  @RegisterExtension
  static WireMockExtension wiremock = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  @Test
  void evals4j_json_schema_checks_work_next_to_wiremock() {
    JsonSchema schema = JsonSchema.fromString(SCHEMA);
    assertThat("{\"title\": \"Acme 4.2\", \"released\": \"2024-05-01\"}").matchesJsonSchema(schema);

    // a failure names the check and the offending place, worded by our validator's own message
    // bundle: WireMock's json-schema-validator has a jsv-messages.properties at the same root path
    // with other arguments ("{0}: required property ''{1}'' not found" in 1.5.x)
    assertThatThrownBy(() -> assertThat("{\"released\": \"2024-05-01\"}").matchesJsonSchema(schema))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("required property 'title' not found");
    CheckResult bad = Checks.matchesJsonSchema(schema).evaluate("{\"title\": 42}");
    Assertions.assertThat(bad.passed()).isFalse();
    Assertions.assertThat(bad.message()).contains("integer found, string expected");
  }

  @Test
  void wiremock_matches_requests_with_its_own_json_schema_validator() throws Exception {
    wiremock.stubFor(post("/summaries").withRequestBody(matchingJsonSchema(SCHEMA))
        .willReturn(ok("matched")));
    HttpClient http = HttpClient.newHttpClient();

    Assertions.assertThat(send(http, "{\"title\": \"Acme\"}").statusCode()).isEqualTo(200);
    Assertions.assertThat(send(http, "{\"name\": \"Acme\"}").statusCode()).isEqualTo(404);
  }

  @Test
  void both_validators_are_on_the_classpath_each_in_its_own_package() throws Exception {
    // the versions this build resolved, for the README's supported range (verify.groovy reads it)
    System.out.println("consumer classpath: jackson-databind "
        + jar(com.fasterxml.jackson.databind.ObjectMapper.class) + ", jackson-core "
        + jar(com.fasterxml.jackson.core.JsonFactory.class) + ", jackson-dataformat-yaml "
        + jar(com.fasterxml.jackson.dataformat.yaml.YAMLFactory.class) + ", snakeyaml "
        + jar(org.yaml.snakeyaml.Yaml.class) + ", json-schema-validator "
        + jar(Class.forName("com.networknt.schema.JsonSchemaFactory")));
    // WireMock's own 1.5.x API (renamed in 2.x) is the com.networknt one users see
    Assertions.assertThat(Class.forName("com.networknt.schema.JsonSchemaFactory")).isNotNull();
    assertThatThrownBy(() -> Class.forName("com.networknt.schema.SchemaRegistry"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void yaml_and_csv_datasets_load_with_the_jackson_wiremock_brings() {
    ClassLoader loader = getClass().getClassLoader();
    List<EvalCase> yaml = Datasets.loadResource("datasets/cases.yaml", loader);
    List<EvalCase> csv = Datasets.loadResource("datasets/cases.csv", loader);

    Assertions.assertThat(yaml).extracting(EvalCase::id).containsExactly("y-01");
    Assertions.assertThat(csv).extracting(EvalCase::id).containsExactly("c-01");
    assertThat(yaml.get(0).input("text")).isGroundedIn(
        io.github.evals4j.assertions.grounding.Sources.of(yaml.get(0).sources()));
  }

  /** The jar a class came from, e.g. "jackson-core-2.20.1.jar". */
  private static String jar(Class<?> type) {
    String path = type.getProtectionDomain().getCodeSource().getLocation().getPath();
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private HttpResponse<String> send(HttpClient http, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(wiremock.baseUrl() + "/summaries"))
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
