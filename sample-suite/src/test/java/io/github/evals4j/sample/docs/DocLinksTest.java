package io.github.evals4j.sample.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every relative link of {@code README.md} and {@code docs/**}{@code /*.md} resolves: the file
 * or folder exists, and a {@code #fragment} names a heading of the target page (GitHub's anchor
 * for it: lower case, punctuation dropped, spaces as hyphens, {@code -1}, {@code -2} for repeats)
 * or an explicit {@code <a id="...">}. Links inside code (fenced blocks, {@code `spans`}) are not
 * links and are skipped; {@code http(s):} and {@code mailto:} links are not checked here.
 */
class DocLinksTest {

  @Test
  void should_resolve_every_relative_link_and_anchor_of_the_docs() throws IOException {
    List<Path> docs = ReadmeSnippetsTest.docs();
    List<String> broken = new ArrayList<>();
    int links = 0;
    for (Path doc : docs) {
      List<Link> found = links(doc);
      links += found.size();
      broken.addAll(broken(found));
    }
    assertThat(docs).as("pages checked").hasSizeGreaterThan(20);
    assertThat(links).as("relative links found").isGreaterThan(100);
    assertThat(broken).as("links that do not resolve").isEmpty();
  }

  @Test
  void should_report_a_missing_page_and_a_missing_anchor_and_skip_code(@TempDir Path dir)
      throws IOException {
    // GIVEN a page with good links, two broken ones and link-like text in code
    Files.writeString(dir.resolve("other.md"), String.join("\n",
        "# Other page", "## `@Prompt` and runtime attribution", "## Notes", "## Notes",
        "<a id=\"custom\"></a>", "```", "## Not a heading", "```", ""));
    Path page = dir.resolve("page.md");
    Files.writeString(page, String.join("\n",
        "# Page", "## Setup: step 1", "",
        "[ok](other.md#prompt-and-runtime-attribution) [ok](other.md#notes-1) [ok](#setup-step-1)",
        "[ok](other.md#custom) ![ok](other.md) [ok](https://example.com/x.md#y)",
        "[missing page](nowhere.md) [missing anchor](other.md#not-a-heading)",
        "`[code](nowhere.md)`", "```", "[fenced](nowhere.md)", "```", ""));

    // WHEN
    List<String> broken = broken(links(page));

    // THEN exactly the two broken links are reported, with their lines
    assertThat(broken).hasSize(2);
    assertThat(broken.get(0)).startsWith("page.md:6: nowhere.md").contains("no such file");
    assertThat(broken.get(1)).startsWith("page.md:6: other.md#not-a-heading")
        .contains("no heading or anchor 'not-a-heading'");
  }

  // ---- finding links ------------------------------------------------------------------------

  /** One relative link: the page it is on, its line, its target as written. */
  record Link(Path doc, int line, String target) {
    String where() {
      Path abs = doc.toAbsolutePath();
      Path root = ReadmeSnippetsTest.ROOT;
      return (abs.startsWith(root) ? root.relativize(abs) : doc.getFileName()) + ":" + line;
    }
  }

  private static final Pattern INLINE = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
  private static final Pattern REFERENCE = Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*(\\S+)");
  private static final Pattern CODE_SPAN = Pattern.compile("(`+).*?\\1");
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

  static List<Link> links(Path doc) throws IOException {
    List<Link> links = new ArrayList<>();
    boolean fenced = false;
    List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (isFence(line)) {
        fenced = !fenced;
        continue;
      }
      if (fenced) {
        continue;
      }
      String text = CODE_SPAN.matcher(line).replaceAll("");
      List<String> targets = new ArrayList<>();
      Matcher m = INLINE.matcher(text);
      while (m.find()) {
        targets.add(m.group(1));
      }
      Matcher r = REFERENCE.matcher(text);
      if (r.find()) {
        targets.add(r.group(1));
      }
      for (String t : targets) {
        if (!SCHEME.matcher(t).find()) {
          links.add(new Link(doc, i + 1, t));
        }
      }
    }
    return links;
  }

  private static boolean isFence(String line) {
    String s = line.strip();
    return s.startsWith("```") || s.startsWith("~~~");
  }

  // ---- resolving ----------------------------------------------------------------------------

  static List<String> broken(List<Link> links) throws IOException {
    Map<Path, Set<String>> anchorsByPage = new HashMap<>();
    List<String> broken = new ArrayList<>();
    for (Link link : links) {
      int hash = link.target().indexOf('#');
      String path = hash < 0 ? link.target() : link.target().substring(0, hash);
      String fragment = hash < 0 ? null : link.target().substring(hash + 1);
      Path target = path.isEmpty() ? link.doc()
          : link.doc().toAbsolutePath().getParent().resolve(path).normalize();
      if (!Files.exists(target)) {
        broken.add(link.where() + ": " + link.target() + ": no such file " + target.getFileName());
        continue;
      }
      if (fragment == null || !target.toString().endsWith(".md")) {
        continue;
      }
      Set<String> anchors = anchorsByPage.get(target);
      if (anchors == null) {
        anchors = anchors(target);
        anchorsByPage.put(target, anchors);
      }
      if (!anchors.contains(fragment)) {
        broken.add(link.where() + ": " + link.target() + ": no heading or anchor '" + fragment
            + "' in " + target.getFileName());
      }
    }
    return broken;
  }

  private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern EXPLICIT = Pattern.compile("<a\\s+(?:id|name)=\"([^\"]+)\"");

  /** GitHub's anchors of a page: one per heading (repeats numbered) and every explicit one. */
  static Set<String> anchors(Path page) throws IOException {
    Set<String> anchors = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    boolean fenced = false;
    for (String line : Files.readAllLines(page, StandardCharsets.UTF_8)) {
      if (isFence(line)) {
        fenced = !fenced;
        continue;
      }
      if (fenced) {
        continue;
      }
      Matcher h = HEADING.matcher(line);
      if (h.matches()) {
        String slug = slug(h.group(1));
        int n = seen.merge(slug, 1, Integer::sum) - 1;
        anchors.add(n == 0 ? slug : slug + "-" + n);
      }
      Matcher a = EXPLICIT.matcher(line);
      while (a.find()) {
        anchors.add(a.group(1));
      }
    }
    return anchors;
  }

  private static final Pattern NOT_WORD =
      Pattern.compile("[^\\p{L}\\p{M}\\p{N}\\p{Pc}\\- ]", Pattern.UNICODE_CHARACTER_CLASS);

  /** A heading's text as GitHub turns it into an anchor. */
  static String slug(String heading) {
    String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1")  // link text only
        .replaceAll("<[^>]+>", "");                                        // HTML tags
    return NOT_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("").replace(' ', '-');
  }
}
