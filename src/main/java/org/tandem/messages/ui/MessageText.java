package org.tandem.messages.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message's text as components: plain text nodes, and an anchor for each http or https address in it. Never HTML:
 * markup and Markdown show as typed; line breaks stay because the body is shown with {@code white-space: pre-wrap}.
 */
final class MessageText {

    /** An http(s) address up to the next blank or a character that cannot be part of one as typed. */
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+", Pattern.CASE_INSENSITIVE);
    /** Punctuation that ends a sentence rather than the address ("see https://example.org.") */
    private static final String TRAILING = ".,;:!?)]}'";

    private MessageText() {}

    static List<Component> of(String body) {
        List<Component> parts = new ArrayList<>();
        Matcher link = LINK.matcher(body);
        int shown = 0;
        while (link.find()) {
            int end = link.end();
            while (end > link.start() && TRAILING.indexOf(body.charAt(end - 1)) >= 0) {
                end--;
            }
            String address = body.substring(link.start(), end);
            if (address.length() <= "https://".length()) {
                continue;
            }
            if (link.start() > shown) {
                parts.add(new Text(body.substring(shown, link.start())));
            }
            Anchor anchor = new Anchor(address, address, AnchorTarget.BLANK);
            anchor.getElement().setAttribute("rel", "noopener noreferrer nofollow");
            parts.add(anchor);
            shown = end;
        }
        if (shown < body.length()) {
            parts.add(new Text(body.substring(shown)));
        }
        return parts;
    }
}
