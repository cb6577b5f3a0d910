package org.tandem.workbook.ui;

import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.LongConsumer;

/** Reading the id of what a workbook page shows (a module, an assignment) from its URL. */
final class RouteId {

    private RouteId() {}

    /**
     * Runs {@code show} with the id in the URL's {@code parameter}. A malformed id, one that does not exist and
     * one the signed-in person may not open all end on the same access-denied page, so that the page does not
     * reveal which exist.
     */
    static void enter(BeforeEnterEvent event, String parameter, LongConsumer show) {
        Optional<Long> id;
        try {
            id = event.getRouteParameters().getLong(parameter);
        } catch (IllegalArgumentException notANumber) {
            id = Optional.empty();
        }
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
