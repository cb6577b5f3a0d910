package org.tandem.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.tandem.e2e.BrowserSupport.DEMO_PASSWORD;

import com.microsoft.playwright.Page;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.support.DemoTest;
import org.tandem.sessions.NextSession;
import org.tandem.sessions.SessionService;
import org.tandem.support.SignIn;

/**
 * Dates read as the reader's browser asks, within the language of Tandem's texts: a browser set to British English
 * sees "Tuesday 8 December 2026", one set to American English "Tuesday, December 8, 2026", one set to German the
 * English texts' own dates, never a German month name inside an English sentence. Times are the clinic's in all
 * three (ReaderLocale, ClinicFormat).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"vaadin.devmode.devTools.enabled=false", DemoTest.DEMO})
@ActiveProfiles("test")
class ReaderLocaleIT {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @Autowired SessionService sessions;
    @Autowired SignIn signIn;

    private String nextSessionDate(Locale locale) {
        NextSession next = signIn.during("alex@example.com", () -> sessions.myNextSession()).orElseThrow();
        ZonedDateTime startsAt = next.startsAt();
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(startsAt);
    }

    private Page myWorkbookIn(String browserLocale) {
        browser.openContext(options -> options.setLocale(browserLocale).setViewportSize(390, 844));
        browser.signIn(port, "alex@example.com", DEMO_PASSWORD);
        Page page = browser.page();
        assertThat(page).hasURL(Pattern.compile(".*/workbook$"));
        return page;
    }

    @Test
    @DisplayName("a British browser reads British dates, an American one American dates, a German one the texts' dates")
    void dates_follow_the_browsers_region_within_the_texts_language() {
        Page british = myWorkbookIn("en-GB");
        assertThat(british.getByText(nextSessionDate(Locale.UK)).first()).isVisible();

        Page american = myWorkbookIn("en-US");
        assertThat(american.getByText(nextSessionDate(Locale.US)).first()).isVisible();

        Page german = myWorkbookIn("de-DE");
        assertThat(german.getByText(nextSessionDate(Locale.ENGLISH)).first()).isVisible();
    }
}
