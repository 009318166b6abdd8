package io.github.evals4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  @Test
  void should_replace_the_file_whole_and_leave_no_temporary_file(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("evals4j/report.json");
    AtomicFiles.write(target, "{\"v\":1}".getBytes(StandardCharsets.UTF_8));
    AtomicFiles.write(target, "{\"v\":2}".getBytes(StandardCharsets.UTF_8));
    assertThat(target).hasContent("{\"v\":2}");
    try (var files = Files.list(target.getParent())) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void should_write_a_report_readable_by_other_users(@TempDir Path dir) throws Exception {
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX only");
    Path target = dir.resolve("report.html");
    AtomicFiles.write(target, "<html></html>".getBytes(StandardCharsets.UTF_8));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo("rw-r--r--");
  }
}
