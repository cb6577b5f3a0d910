package org.tandem.workbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Module text is formatted, and whatever HTML it holds reaches the page as text, never as markup. */
class MarkdownTextTest {

    @Test
    void formatting_becomes_markup() {
        assertThat(MarkdownText.html("Some **bold** and *soft* words.\n\n- one\n- two"))
                .contains("<strong>bold</strong>", "<em>soft</em>", "<ul>", "<li>one</li>");
    }

    @Test
    void a_script_tag_is_shown_as_text() {
        String html = MarkdownText.html("Before <script>alert('x')</script> after\n\n<script>alert(2)</script>");

        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(");
    }

    @Test
    void raw_html_of_any_kind_is_escaped() {
        String html = MarkdownText.html("<img src=x onerror=alert(1)>\n\n<div onclick=\"x()\">hi</div> <b>b</b>");

        assertThat(html).doesNotContain("<img", "<div", "<b>").contains("&lt;img", "&lt;div", "&lt;b&gt;");
    }

    @Test
    void script_links_are_defused_and_other_links_open_apart() {
        String html = MarkdownText.html("[bad](javascript:alert(1)) and [good](https://example.org)");

        assertThat(html).doesNotContain("javascript:")
                .contains("href=\"https://example.org\"", "rel=\"noopener noreferrer nofollow\"");
    }

    @Test
    void images_show_only_their_description() {
        String html = MarkdownText.html("![a *tracking* pixel](https://tracker.example/p.png)");

        assertThat(html).doesNotContain("<img", "tracker.example").contains("a tracking pixel");
    }

    @Test
    void only_web_and_mail_links_keep_their_target() {
        for (String target : new String[] {"data:text/html;base64,PHNjcmlwdD4=", "DATA:text/html,x", "vbscript:x",
                "javascript:alert(1)", "JaVaScRiPt:alert(1)", "file:///etc/passwd", "//evil.example/x", "/users",
                "ftp://files.example"}) {
            assertThat(MarkdownText.html("[x](" + target + ")")).as(target).contains("href=\"\"")
                    .doesNotContainIgnoringCase("data:").doesNotContainIgnoringCase("script:")
                    .doesNotContain("evil.example", "file:", "ftp:");
        }
        assertThat(MarkdownText.html("[a](http://example.org) [b](HTTPS://example.org) [c](mailto:a@b.org)"))
                .contains("href=\"http://example.org\"", "href=\"HTTPS://example.org\"", "href=\"mailto:a@b.org\"");
    }
}
