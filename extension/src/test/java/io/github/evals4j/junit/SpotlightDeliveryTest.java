package io.github.evals4j.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Everything reaches Sentry Spotlight as the README configures it, with no JVM flag: the SDK's
 * {@code HttpURLConnection} transport lost every other envelope to Spotlight's sidecar (HTTP 400 on
 * a reused connection whose first request said {@code Connection: close}).
 */
class SpotlightDeliveryTest {

  /** Spotlight and the hono it needs, pinned as in the README. */
  private static final List<String> SPOTLIGHT_PACKAGES =
      List.of("@spotlightjs/spotlight@4.11.8", "hono@4.12.25");
  private static final Path SPOTLIGHT_DIR = Path.of("target", "spotlight");

  @Test
  void should_answer_like_spotlight_to_a_request_on_a_connection_that_asked_to_close()
      throws IOException {
    try (SpotlightLikeEndpoint spotlight = new SpotlightLikeEndpoint();
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), spotlight.port())) {
      // WHEN two requests on one connection, the first saying Connection: close
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(post("close"));
      String first = statusLine(in);
      out.write(post("keep-alive"));
      String second = statusLine(in);

      // THEN the first is accepted, the second refused, as the real sidecar did
      assertThat(first).isEqualTo("HTTP/1.1 200 OK");
      assertThat(second).isEqualTo("HTTP/1.1 400 Bad Request");
    }
  }

  @Test
  void should_deliver_every_transaction_to_a_spotlight_like_endpoint() throws IOException {
    try (SpotlightLikeEndpoint spotlight = new SpotlightLikeEndpoint();
        StdErr err = StdErr.capture()) {
      // WHEN
      Kit.with(Config.DSN, spotlight.dsn()).and(Config.RUN_ID, "spotlight")
          .and(Config.FLUSH_TIMEOUT, "60s").run(Fixtures.Hundreds.class);

      // THEN every transaction was accepted, on kept-alive connections
      int expected = Fixtures.Hundreds.COUNT + 1;
      long transactions = spotlight.accepted().stream()
          .flatMap(body -> SentryEndpoint.Envelope.decode(body).items().stream())
          .filter(i -> i.type().equals("transaction")).count();
      assertThat(transactions).isEqualTo(expected);
      assertThat(spotlight.rejected()).isZero();
      assertThat(spotlight.connections()).as("connections reused")
          .isLessThan(spotlight.accepted().size());
      assertThat(err.summary())
          .contains(expected + " sent, 0 failed, 0 dropped, 0 unconfirmed");
      assertThat(err.warnings()).isEmpty();
    }
  }

  @Test
  void should_send_again_when_the_server_closes_a_kept_alive_connection_as_it_is_reused()
      throws IOException {
    try (SpotlightLikeEndpoint server = new SpotlightLikeEndpoint().droppingOneReusedConnection();
        StdErr err = StdErr.capture()) {
      // WHEN one sender, so that its second envelope goes on its first connection
      Kit.with(Config.DSN, server.dsn()).and(Config.SENDERS, "1").and(Config.RUN_ID, "reuse")
          .run(Fixtures.Lifecycle.class);

      // THEN the envelope that met the closed connection was sent again, on a new one
      assertThat(server.dropped()).isEqualTo(1);
      assertThat(err.summary()).contains("5 sent, 0 failed, 0 dropped, 0 unconfirmed");
      assertThat(err.warnings()).isEmpty();
    }
  }

  @Test
  void should_deliver_every_transaction_to_the_real_spotlight() throws Exception {
    Path bin = installSpotlight();
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Process sidecar = new ProcessBuilder("node", bin.toString(), "server", "-p",
        Integer.toString(port)).redirectErrorStream(true).start();
    try (StdErr err = StdErr.capture()) {
      awaitListening(sidecar);

      // WHEN the README's setup: the DSN-style URL of the sidecar, nothing else
      Kit.with(Config.DSN, "http://public@localhost:" + port + "/1").and(Config.RUN_ID, "spotlight")
          .run(Hundred.class);

      // THEN
      int expected = Hundred.COUNT + 1;
      assertThat(err.summary())
          .contains(expected + " sent, 0 failed, 0 dropped, 0 unconfirmed");
    } finally {
      sidecar.descendants().forEach(ProcessHandle::destroy);
      sidecar.destroy();
      sidecar.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /**
   * Spotlight installed once under {@code target/spotlight} with npm; the test is skipped, with
   * the reason, where node or npm is missing or the npm registry cannot be reached.
   */
  private static Path installSpotlight() throws Exception {
    Path bin = SPOTLIGHT_DIR.resolve("node_modules/.bin/spotlight");
    if (Files.exists(bin)) {
      return bin;
    }
    assumeTrue(runs("node", "--version"), "node is not installed: the real Spotlight is not run");
    assumeTrue(runs("npm", "--version"), "npm is not installed: the real Spotlight is not run");
    Files.createDirectories(SPOTLIGHT_DIR);
    // Spotlight 4.11.8 resolves a hono that answers every envelope with 500: pin it (README).
    Files.writeString(SPOTLIGHT_DIR.resolve("package.json"),
        "{\"private\":true,\"overrides\":{\"hono\":\"4.12.25\"}}\n");
    List<String> command = new java.util.ArrayList<>(List.of("npm", "install", "--no-audit",
        "--no-fund", "--loglevel=error"));
    command.addAll(SPOTLIGHT_PACKAGES);
    Process npm = new ProcessBuilder(command).directory(SPOTLIGHT_DIR.toFile())
        .redirectErrorStream(true).redirectOutput(SPOTLIGHT_DIR.resolve("npm.log").toFile())
        .start();
    boolean done = npm.waitFor(5, TimeUnit.MINUTES);
    if (!done) {
      npm.destroyForcibly();
    }
    assumeTrue(done && npm.exitValue() == 0 && Files.exists(bin),
        () -> "npm could not install " + SPOTLIGHT_PACKAGES + " (see " + SPOTLIGHT_DIR
            + "/npm.log): the real Spotlight is not run");
    return bin;
  }

  private static boolean runs(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().transferTo(OutputStream.nullOutputStream());
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Reads the sidecar's output until it says it listens (at most a minute), then drains it. */
  private static void awaitListening(Process sidecar) throws Exception {
    BufferedReader out = new BufferedReader(
        new InputStreamReader(sidecar.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<Boolean> listening = CompletableFuture.supplyAsync(() -> {
      try {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          if (line.contains("listening on")) {
            return true;
          }
        }
        return false;
      } catch (IOException e) {
        return false;
      }
    });
    assertThat(listening.get(60, TimeUnit.SECONDS)).as("Spotlight started").isTrue();
    Thread drain = new Thread(() -> {
      try {
        out.transferTo(java.io.Writer.nullWriter());
      } catch (IOException e) {
        // the sidecar ended
      }
    }, "spotlight-output");
    drain.setDaemon(true);
    drain.start();
  }

  /** Enough envelopes that each sender's connection is reused many times, few enough for CI. */
  @Evals4j
  static class Hundred {
    static final int COUNT = 100;

    @TestFactory
    Stream<DynamicTest> hundred() {
      return IntStream.range(0, COUNT).mapToObj(i -> dynamicTest("t" + i, () -> {}));
    }
  }

  private static byte[] post(String connection) {
    String body = "{}\n{\"type\":\"event\",\"length\":2}\n{}";
    return ("POST /api/1/envelope/ HTTP/1.1\r\nHost: localhost\r\nConnection: " + connection
        + "\r\nContent-Type: application/x-sentry-envelope\r\nContent-Length: " + body.length()
        + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
  }

  /** The status line of the next response; skips its headers and body. */
  private static String statusLine(InputStream in) throws IOException {
    SpotlightLikeEndpoint.Request response = SpotlightLikeEndpoint.Request.read(in);
    return response == null ? "" : response.startLine();
  }
}
