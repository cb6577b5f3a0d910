package org.tandem.couples.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.function.LongConsumer;
import org.tandem.shell.RouteIds;

/** What the views of one couple's page share: reading the couple id from the URL, cards, dates. */
final class CouplePage {

    private CouplePage() {}

    /** Runs {@code show} with the couple id of the URL; see {@link RouteIds#enter}. */
    static void enter(BeforeEnterEvent event, LongConsumer show) {
        RouteIds.enter(event, CoupleTabs.COUPLE_ID, show);
    }

    static Section card(String title, Component... content) {
        H3 heading = new H3(title);
        heading.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.Top.NONE);
        Section card = new Section(heading);
        card.add(content);
        card.addClassNames(LumoUtility.Border.ALL, LumoUtility.BorderColor.CONTRAST_10,
                LumoUtility.BorderRadius.LARGE, LumoUtility.Padding.MEDIUM);
        return card;
    }

    static String date(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
    }

    // Shown in the server's time zone: Tandem has no per-clinic or per-user zone yet.
    static String longDate(OffsetDateTime at, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(local(at));
    }

    static String time(OffsetDateTime at, Locale locale) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(local(at));
    }

    static String dateTime(OffsetDateTime at, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .format(local(at));
    }

    private static java.time.ZonedDateTime local(OffsetDateTime at) {
        return at.atZoneSameInstant(ZoneId.systemDefault());
    }
}
