package io.github.evals4j.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.html opened in a real headless chromium: it renders, sorts, and runs no injected code. */
class HtmlReport_browser_Test {

  @TempDir Path dir;

  private Path write(String html) throws Exception {
    Path page = dir.resolve("report.html");
    Files.writeString(page, html, StandardCharsets.UTF_8);
    return page;
  }

  private static int count(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void should_render_tables_and_charts_when_opened_in_chromium() throws Exception {
    // GIVEN
    Path page = write(HtmlReport.render(Fixtures.report()));
    // WHEN
    String dom = Chromium.dumpDom(page, "", dir);
    // THEN the page's own script ran under its Content-Security-Policy
    assertThat(dom).contains("data-evals4j-ready=\"true\"");
    assertThat(count(dom, "<tr class=\"prompt-row\">")).isEqualTo(3);
    assertThat(dom).contains("<td>summarize</td><td>v1</td><td>gpt-4o-mini</td>");
    assertThat(dom).contains("62.5 % [30.6 %, 86.3 %]").contains("unknown (1 unpriced)");
    // one pass-rate bar and interval per prompt version, a cost bar per priced version, 3 latency bars each
    assertThat(dom).contains("id=\"chart-pass-rate\"").contains("id=\"chart-cost\"").contains("id=\"chart-latency\"");
    assertThat(count(dom, "class=\"bar pass-rate\"")).isEqualTo(3);
    assertThat(count(dom, "class=\"interval\"")).isEqualTo(3);
    assertThat(count(dom, "class=\"bar cost\"")).isEqualTo(2);
    assertThat(count(dom, "class=\"bar latency p9[59]\"|class=\"bar latency p50\"")).isEqualTo(9);
    assertThat(count(dom, "<tr class=\"gate-row\">")).isEqualTo(Fixtures.report().gates().size());
    assertThat(dom).contains("<tr class=\"comparison-row\">");
    // the comparison names what it measures, and both the regressed and the fixed cases
    assertThat(dom).contains("Comparisons measure the mean per-case pass rate")
        .contains("<td class=\"regressed\">1 regressed (d)</td>").contains("<td class=\"fixed\">2 fixed (b, c)</td>");
    // the latency chart has a legend: one swatch per percentile, in the colour of its bars
    assertThat(count(dom, "<g class=\"legend-item p(50|95|99)\">")).isEqualTo(3);
    for (String[] series : new String[][] {{"p50", "#4ac26b"}, {"p95", "#d4a72c"}, {"p99", "#fa4549"}}) {
      assertThat(dom).containsPattern("<g class=\"legend-item " + series[0] + "\"><title>[^<]+</title><rect [^>]*fill=\""
          + series[1] + "\"[^>]*>(</rect>)?<text [^>]*>" + series[0] + "</text></g>");
      assertThat(dom).containsPattern("<rect class=\"bar latency " + series[0] + "\"[^>]*fill=\"" + series[1] + "\"");
    }
    // self-contained: no attribute loads anything (the only URL is the SVG namespace)
    assertThat(count(dom, "\\s(src|href|action|srcdoc)=")).isZero();
  }

  @Test
  void should_sort_table_when_page_opens_with_sort_fragment() throws Exception {
    Path page = write(HtmlReport.render(Fixtures.report()));
    // column 4 is the pass rate: 62.5 % (v1) < 75 % (v2) < 100 % (classify)
    String asc = Chromium.dumpDom(page, "#sort=prompts:4:asc", dir);
    assertThat(asc.indexOf("62.5 % [")).isLessThan(asc.indexOf("75.0 % [")).isGreaterThan(0);
    assertThat(asc.indexOf("75.0 % [")).isLessThan(asc.indexOf("100.0 % ["));
    assertThat(asc).contains("aria-sort=\"ascending\"");
    String desc = Chromium.dumpDom(page, "#sort=prompts:4:desc", dir);
    assertThat(desc.indexOf("100.0 % [")).isLessThan(desc.indexOf("62.5 % [")).isGreaterThan(0);
  }

  @Test
  void should_execute_nothing_when_outputs_are_hostile() throws Exception {
    // GIVEN outputs, prompt names and case ids from the hostile corpus
    Path page = write(HtmlReport.render(Fixtures.report(HostileCorpus.OUTPUTS)));
    // WHEN
    String dom = Chromium.dumpDom(page, "", dir);
    // THEN our script ran, theirs did not
    assertThat(dom).contains("data-evals4j-ready=\"true\"");
    assertThat(dom).contains("<title>evals4j report</title>");
    // (the corpus' text is in the page, escaped: only a real tag, "<" unescaped, counts)
    assertThat(count(dom, "<[^<>]*\\sdata-pwned=")).isZero();
    assertThat(count(dom, "<[^<>]*\\sid=\"PWNED")).isZero();
    assertThat(count(dom, "<[^<>]*\\son[a-z]+=")).isZero();
    assertThat(dom).doesNotContain("<title>PWNED");
    // no element came from the corpus: one script (ours), no img, iframe, link, meta refresh, anchor
    assertThat(count(dom, "<script")).isEqualTo(1);
    assertThat(dom).doesNotContain("<img").doesNotContain("<iframe").doesNotContain("<link")
        .doesNotContain("<a ").doesNotContain("<textarea");
    assertThat(count(dom, "<meta[^<>]*refresh")).isZero();
    assertThat(count(dom, "<svg")).isEqualTo(3);
    assertThat(count(dom, "<style")).isEqualTo(1);
    // the text is shown, escaped
    assertThat(dom).contains("&lt;script&gt;document.title='PWNED'");
    assertThat(dom).contains("\u4E2D\u6587").contains("\uD83D\uDE00").contains("\uFFFD");
  }

  @Test
  void should_detect_injection_when_a_page_is_not_escaped() throws Exception {
    // GIVEN a control page that inserts an output raw and has no CSP: proves the checks above can fail
    Path page = write("<!DOCTYPE html><html><head><title>evals4j report</title></head><body>"
        + HostileCorpus.OUTPUTS.get(0) + HostileCorpus.OUTPUTS.get(1) + "</body></html>");
    // WHEN
    String dom = Chromium.dumpDom(page, "", dir);
    // THEN
    assertThat(dom).contains("data-pwned=\"1\"");
    assertThat(dom).contains("<title>PWNED</title>");
  }
}
