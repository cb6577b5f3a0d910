package org.tandem.workbook.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * Text of a module (a step, a purpose) written in Markdown, shown formatted. Any HTML in it is escaped,
 * so a {@code <script>} shows as text; link targets are sanitised and open apart from the workbook; images
 * are shown as their description only, so that a module never makes a partner's browser fetch from elsewhere.
 */
class MarkdownText extends Div {

    // Both are immutable and safe to share between threads (commonmark's documentation).
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new WebLinksOnly())
            .attributeProviderFactory(context -> (node, tag, attributes) -> {
                if (node instanceof Link) {
                    attributes.put("rel", "noopener noreferrer nofollow");
                    attributes.put("target", "_blank");
                }
            })
            .nodeRendererFactory(ImageAsText::new)
            .build();

    private String markdown = "";

    MarkdownText(String markdown) {
        addClassNames("markdown-text", LumoUtility.TextColor.BODY);
        setMarkdown(markdown);
    }

    void setMarkdown(String markdown) {
        this.markdown = markdown;
        getElement().setProperty("innerHTML", html(markdown));
    }

    String getMarkdown() {
        return markdown;
    }

    /** The HTML this component shows. */
    String getHtml() {
        return getElement().getProperty("innerHTML", "");
    }

    static String html(String markdown) {
        return RENDERER.render(PARSER.parse(markdown));
    }

    /**
     * Keeps a link to a web page or an e-mail address only: commonmark's default also lets {@code data:} through
     * (a page made of the link itself) and leaves relative and scheme-less targets alone. Anything else becomes
     * an empty target.
     */
    static final class WebLinksOnly implements UrlSanitizer {

        private final DefaultUrlSanitizer schemes = new DefaultUrlSanitizer(List.of("http", "https", "mailto"));

        @Override
        public String sanitizeLinkUrl(String url) {
            String kept = schemes.sanitizeLinkUrl(url).strip();
            String lower = kept.toLowerCase(Locale.ROOT);
            return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("mailto:")
                    ? kept : "";
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return "";
        }
    }

    /** Writes an image's description as plain text instead of an {@code <img>}. */
    private record ImageAsText(HtmlNodeRendererContext context) implements NodeRenderer {

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node image) {
            StringBuilder description = new StringBuilder();
            collect(image, description);
            context.getWriter().text(description.toString());
        }

        private static void collect(Node node, StringBuilder into) {
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof Text text) {
                    into.append(text.getLiteral());
                }
                collect(child, into);
            }
        }
    }
}
