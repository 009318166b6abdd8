package io.github.evals4j.report;

import io.github.evals4j.internal.Texts;

/** Escaping for every output format: LLM text is hostile until proven otherwise. */
final class Text {

  private Text() {}

  /**
   * {@code s} with control characters (but tab and line breaks), bidi controls, invisible format
   * characters and lone surrogates shown as visible escapes ({@link Texts#printableLines}), so no
   * writer emits malformed UTF-8, invisible controls or reordered text; {@code null} is empty.
   */
  static String clean(String s) {
    return s == null ? "" : Texts.printableLines(s);
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

  /**
   * Markdown escaping for a table cell or a list item: one line; no HTML (GitHub renders some), no
   * table break, no emphasis, link, image or code syntax from the text; and none of what GitHub
   * turns into links, pings or math: bare URLs ({@code https://}, {@code www.}), e-mail
   * addresses and {@code @mentions}, {@code #123} references (a zero-width space is put after
   * {@code ://}, {@code www}, such an {@code @} and {@code #}, as Renovate and Dependabot do), and
   * {@code $…$} ({@code <span>$</span>}, as GitHub's documentation advises).
   */
  static String md(String s) {
    String c = clean(s).replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    StringBuilder out = new StringBuilder(c.length() + 16);
    for (int i = 0; i < c.length(); i++) {
      char ch = c.charAt(i);
      switch (ch) {
        case '&': out.append("&amp;"); break;
        case '<': out.append("&lt;"); break;
        case '>': out.append("&gt;"); break;
        case '$': out.append("<span>$</span>"); break;
        case '@':
          out.append('@');
          if (i == 0 || !isLocalPart(c.charAt(i - 1)) || emailDomainAt(c, i + 1)) {
            out.append(ZWSP); // a mention (@octocat, @org/team) or an e-mail address; not v1@model
          }
          break;
        case '#':
          out.append("\\#");
          if (i + 1 < c.length() && Character.isLetterOrDigit(c.charAt(i + 1))) {
            out.append(ZWSP);
          }
          break;
        case ':':
          out.append(':');
          if (c.startsWith("//", i + 1)) {
            out.append(ZWSP);
          }
          break;
        case 'w': case 'W':
          out.append(ch);
          if (c.regionMatches(true, i, "www.", 0, 4) && (i == 0 || !Character.isLetterOrDigit(c.charAt(i - 1)))) {
            out.append(c, i + 1, i + 3).append(ZWSP);
            i += 2;
          }
          break;
        case '|': case '\\': case '`': case '*': case '_': case '[': case ']': case '~': case '!':
          out.append('\\').append(ch);
          break;
        default: out.append(ch);
      }
    }
    return out.toString();
  }

  private static boolean isLocalPart(char ch) {
    return Character.isLetterOrDigit(ch) || ch == '.' || ch == '_' || ch == '-' || ch == '+';
  }

  /** Whether an e-mail domain ({@code corp.example}: a dot between name characters) starts at {@code i}. */
  private static boolean emailDomainAt(String s, int i) {
    int limit = Math.min(s.length(), i + 255);
    for (int j = i; j < limit; j++) {
      char ch = s.charAt(j);
      if (ch == '.' && j > i && j + 1 < s.length() && Character.isLetterOrDigit(s.charAt(j + 1))) {
        return true;
      }
      if (!(Character.isLetterOrDigit(ch) || ch == '-' || ch == '_')) {
        return false;
      }
    }
    return false;
  }

  /** An invisible break, as an entity: GitHub shows nothing, its autolinkers see no URL or name. */
  private static final String ZWSP = "&#8203;";

  /** A name from a user's file (case id, prompt id) shortened for display; escape it afterwards. */
  static String name(String s) {
    return console(s, 120);
  }

  /** One line for a terminal: {@link Texts#abbreviate}, so controls and escapes are shown, not run. */
  static String console(String s, int max) {
    return Texts.abbreviate(s == null ? "" : s, max);
  }
}
