package org.tandem.shell;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Dates and numbers read as the person's browser asks for them. Vaadin gives each UI the closest locale Tandem has
 * texts in ("en" for a browser set to en-GB), and every view formats with the UI's locale, so a reader in London or
 * Sydney would see American dates. When the browser's own locale is in the same language as the chosen texts, the UI
 * takes the browser's locale instead: the texts stay the same (the bundle falls back to its language), and dates
 * follow the reader's region ("30/11/2026", "Tuesday 8 December 2026"). A browser in a language Tandem has no texts
 * for keeps the texts' locale, so a sentence never mixes two languages.
 */
@Component
class ReaderLocale implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            VaadinRequest request = VaadinRequest.getCurrent();
            if (request == null || request.getHeader("Accept-Language") == null) {
                return;
            }
            Locale browser = request.getLocale();
            Locale texts = init.getUI().getLocale();
            if (browser != null && !browser.getCountry().isEmpty()
                    && browser.getLanguage().equals(texts.getLanguage())) {
                init.getUI().setLocale(browser);
            }
        });
    }
}
