package io.github.evals4j.report;

/** Escaping for every output format: LLM text is hostile until proven otherwise. */
final class Text {

  private Text() {}

  /**
   * {@code s} with lone surrogates and control characters (but tab and line breaks) replaced by
   * U+FFFD, so no writer emits malformed UTF-8 or invisible controls.
   */
  static String clean(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = null;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char ch = s.charAt(i);
      boolean bad;
      if (Character.isHighSurrogate(ch)) {
        bad = i + 1 >= n || !Character.isLowSurrogate(s.charAt(i + 1));
        if (!bad) {
          if (out != null) {
            out.append(ch).append(s.charAt(i + 1));
          }
          i++;
          continue;
        }
      } else {
        bad = Character.isLowSurrogate(ch)
            || (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r')
            || ch == 0x7F || (ch >= 0x80 && ch < 0xA0) || ch == '\uFEFF';
      }
      if (bad && out == null) {
        out = new StringBuilder(n).append(s, 0, i);
      }
      if (out != null) {
        out.append(bad ? '\uFFFD' : ch);
      }
    }
    return out == null ? s : out.toString();
  }

  /** HTML text and attribute escaping (quotes included), after {@link #clean}. */
  static String html(String s) {
    String c = clean(s);
    StringBuilder out = new StringBuilder(c.length() + 16);
    for (int i = 0; i < c.length(); i++) {
      char ch = c.charAt(i);
      switch (ch) {
        case '&': out.append("&amp;"); break;
        case '<': out.append("&lt;"); break;
        case '>': out.append("&gt;"); break;
        case '"': out.append("&quot;"); break;
        case '\'': out.append("&#39;"); break;
        default: out.append(ch);
      }
    }
    return out.toString();
  }

  /**
   * Markdown table-cell escaping: one line, no HTML (GitHub renders some), no table break, no
   * emphasis, link or code syntax from the text.
   */
  /**
   * Appends {@code text} as an HTML {@code <pre>} block indented by {@code indent} (inside a list
   * item), so its lines stay as they are (caret excerpts stay aligned). Everything in it is
   * HTML-escaped, and {@code ]} too, so no Markdown link can form even in a renderer that parses
   * inside HTML blocks.
   */
  static void mdPreBlock(StringBuilder md, String text, String indent) {
    String escaped = html(text.replace("\r\n", "\n").replace('\r', '\n')).replace("]", "&#93;");
    md.append('\n').append(indent).append("<pre>");
    String[] lines = escaped.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      md.append(i == 0 ? "" : indent).append(lines[i].isEmpty() ? "&#8203;" : lines[i])
          .append(i == lines.length - 1 ? "</pre>\n\n" : "\n");
    }
  }

  static String md(String s) {
    String c = clean(s).replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    StringBuilder out = new StringBuilder(c.length() + 16);
    for (int i = 0; i < c.length(); i++) {
      char ch = c.charAt(i);
      switch (ch) {
        case '&': out.append("&amp;"); break;
        case '<': out.append("&lt;"); break;
        case '>': out.append("&gt;"); break;
        case '|': case '\\': case '`': case '*': case '_': case '[': case ']': case '#': case '~': case '!':
          out.append('\\').append(ch);
          break;
        default: out.append(ch);
      }
    }
    return out.toString();
  }

  /** A name from a user's file (case id, prompt id) shortened for display; escape it afterwards. */
  static String name(String s) {
    return console(s, 120);
  }

  /** One line for a terminal: controls and escapes removed (no ANSI injection), abbreviated. */
  static String console(String s, int max) {
    String c = clean(s).replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    if (c.codePointCount(0, c.length()) <= max) {
      return c;
    }
    return c.substring(0, c.offsetByCodePoints(0, max - 1)) + "\u2026";
  }
}
