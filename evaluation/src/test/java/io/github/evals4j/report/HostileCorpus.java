package io.github.evals4j.report;

import java.util.List;

/** LLM outputs that would run code, break markup or break encodings if written unescaped. */
final class HostileCorpus {

  /** The marker a successful injection would leave in the page. */
  static final String MARKER = "PWNED";

  static final List<String> OUTPUTS = List.of(
      "<script>document.title='PWNED';document.body.setAttribute('data-pwned','1')</script>",
      "<img src=x onerror=\"document.title='PWNED';var d=document.createElement('div');d.id='PWNED';document.body.appendChild(d)\">",
      "<svg onload=\"document.title='PWNED'\"><circle r=\"5\"/></svg>",
      "<a href=\"javascript:document.title='PWNED'\" id=\"PWNED-link\">click</a>",
      "</textarea></pre></code></td></tr></table></svg><script>document.title='PWNED'</script>",
      "\"><script>document.title='PWNED'</script><div title=\"",
      "'; document.title='PWNED'; //",
      "<iframe srcdoc=\"<script>parent.document.title='PWNED'</script>\"></iframe>",
      "<style>body{display:none}</style><link rel=stylesheet href=https://example.invalid/x.css>",
      "<meta http-equiv=\"refresh\" content=\"0;url=javascript:document.title='PWNED'\">",
      "lone surrogates \uD800 and \uDFFF, NUL \u0000, BEL \u0007, ESC \u001B[31mred\u001B[0m, BOM \uFEFF",
      "broken UTF-8 decoded as replacement \uFFFD\uFFFD and CJK \u4E2D\u6587, Arabic \u0627\u0644\u0639\u0631\u0628\u064A\u0629, emoji \uD83D\uDE00",
      "| table | break |\n# heading\n[link](javascript:alert(1)) ![img](https://example.invalid/p.png) `code` *em* _em_",
      "<!-- comment --><![CDATA[ x ]]>&amp;&lt;script&gt;document.title='PWNED'&lt;/script&gt;");

  private HostileCorpus() {}
}
