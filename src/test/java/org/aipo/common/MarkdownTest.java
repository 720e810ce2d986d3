package org.aipo.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

  @Test
  void applicantTextNeverBecomesMarkupLinksOrHeadings() {
    assertThat(Markdown.escape("<script>alert(1)</script>")).isEqualTo("&lt;script&gt;alert\\(1\\)&lt;/script&gt;");
    assertThat(Markdown.escape("[点我](http://evil.example)")).isEqualTo("\\[点我\\]\\(http\\://evil\\.example\\)");
    assertThat(Markdown.escape("见 http://x 或 a@b")).as("no autolinks").isEqualTo("见 http\\://x 或 a\\@b");
    assertThat(Markdown.escape("# 标题\n**粗体** | 表格")).isEqualTo("\\# 标题  \n\\*\\*粗体\\*\\* \\| 表格");
    assertThat(Markdown.escape(null)).isEmpty();
  }
}
