package io.github.evals4j.report;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Drives Debian's headless chromium: the page as the browser built it, after its scripts ran. */
final class Chromium {

  private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");

  private Chromium() {}

  /**
   * The browser's executable. Missing on CI ({@code CI} set, passed by the build as the system
   * property {@code build.test.on-ci} because the tests do not see CI variables) is a failure:
   * the project's CI script installs it, so its absence is a broken build, not a reason to skip.
   */
  static Path require() {
    Optional<Path> found = find();
    if (found.isEmpty()) {
      String message = "headless chromium not found on PATH (looked for " + NAMES + "); install it with"
          + " 'apt-get install -y chromium' (.ci/run does) to test report.html in a real browser";
      if (Boolean.getBoolean("build.test.on-ci")) {
        fail(message);
      }
      Assumptions.abort(message);
    }
    return found.get();
  }

  static Optional<Path> find() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      for (String name : NAMES) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  /** The serialized DOM of {@code page} (with {@code fragment}, e.g. {@code #sort=...}) after load. */
  static String dumpDom(Path page, String fragment, Path profile) throws IOException, InterruptedException {
    Path out = profile.resolve("dom.html");
    Path err = profile.resolve("chromium.log");
    Process p = new ProcessBuilder(
            require().toString(), "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--disable-dev-shm-usage", "--user-data-dir=" + profile.resolve("profile"),
            "--dump-dom", page.toUri() + fragment)
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("chromium did not finish within 120 s; its log: " + Files.readString(err));
    }
    String dom = Files.readString(out, StandardCharsets.UTF_8);
    if (p.exitValue() != 0 || dom.isBlank()) {
      fail("chromium exited " + p.exitValue() + " with no DOM; its log: " + Files.readString(err));
    }
    return dom;
  }

  /** A PNG screenshot of {@code page}. */
  static Path screenshot(Path page, Path profile) throws IOException, InterruptedException {
    Path png = profile.resolve("page.png");
    Process p = new ProcessBuilder(
            require().toString(), "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--disable-dev-shm-usage", "--hide-scrollbars",
            "--user-data-dir=" + profile.resolve("profile-shot"), "--window-size=1280,2400",
            "--screenshot=" + png, page.toUri().toString())
        .redirectErrorStream(true)
        .redirectOutput(profile.resolve("shot.log").toFile())
        .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("chromium screenshot did not finish within 120 s");
    }
    return png;
  }
}
