package org.tandem.messages.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageTextTest {

    static List<String> parts(String body) {
        return MessageText.of(body).stream().map(MessageTextTest::describe).toList();
    }

    static String describe(Component part) {
        return part instanceof Anchor anchor ? "link:" + anchor.getHref() : "text:" + ((Text) part).getText();
    }

    @Test
    void http_and_https_addresses_become_links_and_the_rest_stays_text() {
        assertThat(parts("See https://example.org/a?b=1 and http://x.test/.\nBye"))
                .containsExactly("text:See ", "link:https://example.org/a?b=1", "text: and ",
                        "link:http://x.test/", "text:.\nBye");
    }

    @Test
    void markup_and_other_schemes_are_shown_as_typed() {
        assertThat(parts("<a href=\"javascript:alert(1)\">x</a> **bold** javascript:alert(1) ftp://x"))
                .containsExactly("text:<a href=\"javascript:alert(1)\">x</a> **bold** javascript:alert(1) ftp://x");
        assertThat(parts("https://")).containsExactly("text:https://");
    }

    @Test
    void a_link_ends_before_a_quote_or_an_angle_bracket() {
        assertThat(parts("<https://example.org>")).containsExactly("text:<", "link:https://example.org", "text:>");
        assertThat(MessageText.of("(https://example.org)").get(1)).isInstanceOf(Anchor.class)
                .extracting(part -> ((Anchor) part).getElement().getAttribute("rel")).asString()
                .contains("noopener");
    }
}
