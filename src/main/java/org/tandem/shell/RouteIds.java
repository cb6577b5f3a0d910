package org.tandem.shell;

import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Reading the id of what a page shows (a couple, a module, an assignment, a check-in) from its URL, the
 * same way on every page.
 */
public final class RouteIds {

    private RouteIds() {}

    /** The numeric route parameter, or empty when it is missing or not a number. */
    public static Optional<Long> parameter(BeforeEnterEvent event, String name) {
        try {
            return event.getRouteParameters().getLong(name);
        } catch (IllegalArgumentException notANumber) {
            return Optional.empty();
        }
    }

    /**
     * Runs {@code show} with the id in the URL's {@code parameter}. A malformed id, one that does not exist and
     * one the signed-in person may not open all end on the same access-denied page, so that the page does not
     * reveal which exist.
     */
    public static void enter(BeforeEnterEvent event, String parameter, LongConsumer show) {
        Optional<Long> id = parameter(event, parameter);
        if (id.isEmpty()) {
            event.rerouteToError(AccessDeniedException.class);
            return;
        }
        try {
            show.accept(id.get());
        } catch (org.springframework.security.access.AccessDeniedException | NoSuchElementException notTheirs) {
            event.rerouteToError(AccessDeniedException.class);
        }
    }
}
