package org.tandem.workbook.ui;

import org.tandem.shell.RouteIds;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/** What the library's pages share: reading the module from the URL, and the module's badges. */
final class Library {

    private Library() {}

    /**
     * Runs {@code show} with the module id of the URL. A malformed id, a module that does not exist and one
     * of another clinic all end on the same access-denied page, so that the page does not reveal which exist.
     */
    static void enter(BeforeEnterEvent event, LongConsumer show) {
        RouteIds.enter(event, WorkbookRoutes.MODULE_ID, show);
    }

    /** The column a module's page and its editor share, narrow enough to read like a partner's screen. */
    static void layOut(Main page) {
        page.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Padding.MEDIUM,
                LumoUtility.Gap.MEDIUM, LumoUtility.MaxWidth.SCREEN_MEDIUM, LumoUtility.BoxSizing.BORDER);
    }

    /** "Built-in" or "Your clinic". */
    static Span source(Component host, boolean builtIn) {
        return badge(host.getTranslation(builtIn ? "library.source.built-in" : "library.source.clinic"),
                builtIn ? "badge contrast" : "badge");
    }

    /** "Published v2", "Unpublished changes" (after v2) or "Draft — not published". */
    static Span status(Component host, @Nullable Integer publishedNumber, boolean changedSincePublished) {
        if (publishedNumber == null) {
            return badge(host.getTranslation("library.status.draft"), "badge warning");
        }
        if (changedSincePublished) {
            return badge(host.getTranslation("library.status.changed", publishedNumber), "badge warning");
        }
        return badge(host.getTranslation("library.status.published", publishedNumber), "badge success");
    }

    /** A Lumo badge; {@code theme} is "badge" and its variants, e.g. "badge success". */
    static Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().addAll(List.of(theme.split(" ")));
        return badge;
    }
}
