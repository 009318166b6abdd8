package io.github.evals4j.junit;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal Sentry endpoint for the overhead benchmark, run in its own JVM so that receiving
 * envelopes does not compete with the measured test JVM inside it: answers {@code 200 {}} to every
 * POST and counts envelopes. Prints {@code port N} on start; on the input line {@code count}
 * prints the number of envelopes received; exits when its input closes.
 */
final class EnvelopeSink {

  private EnvelopeSink() {}

  public static void main(String[] args) throws IOException {
    AtomicLong envelopes = new AtomicLong();
    HttpServer server = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    server.setExecutor(Executors.newFixedThreadPool(2));
    byte[] ok = "{}".getBytes(StandardCharsets.UTF_8);
    server.createContext("/", exchange -> {
      try (InputStream body = exchange.getRequestBody()) {
        body.transferTo(java.io.OutputStream.nullOutputStream());
      }
      envelopes.incrementAndGet();
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, ok.length);
      try (var out = exchange.getResponseBody()) {
        out.write(ok);
      }
    });
    server.start();
    System.out.println("port " + server.getAddress().getPort());
    System.out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.equals("count")) {
        System.out.println(envelopes.get());
        System.out.flush();
      }
    }
    server.stop(0);
    System.exit(0);
  }
}
