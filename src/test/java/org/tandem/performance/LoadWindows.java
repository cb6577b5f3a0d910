package org.tandem.performance;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.browserless.BrowserlessUserContext;
import com.vaadin.browserless.SecuredBrowserlessApplicationContext;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.router.HasErrorParameter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.springframework.security.core.Authentication;

/**
 * Signed-in browser sessions without a browser, for the memory and load benchmarks: each a browserless user of its own
 * (a {@code VaadinSession} in an HTTP session of its own, with its sign-in) with one window (a {@code UI}) open on a
 * page, as a browser would have it after the page's first round trip.
 */
final class LoadWindows {

    /** The rows a browser asks a grid for first (Vaadin's page size). */
    static final int FIRST_ROWS = 50;

    private final SecuredBrowserlessApplicationContext<Authentication> app;

    LoadWindows(SecuredBrowserlessApplicationContext<Authentication> app) {
        this.app = app;
    }

    /** A new session of this person with a window open at the location (a route's URL). */
    BrowserlessUIContext open(Authentication who, String location) {
        BrowserlessUIContext window = app.newUser(who).newWindow();
        show(window, location);
        return window;
    }

    /** Navigates the window as a click on a link does, and lets its grids fetch their first rows. */
    static void show(BrowserlessUIContext window, String location) {
        window.activate();
        window.navigate(location, Component.class);
        // a failure while navigating shows the error page (with its reference) instead of throwing
        if (window.getCurrentView() instanceof HasErrorParameter<?> error) {
            throw new IllegalStateException("error page " + error.getClass().getSimpleName() + " at " + location);
        }
        firstRows(window);
    }

    /** What the browser asks of every grid on the page once it is shown: its first rows. */
    @SuppressWarnings("rawtypes")
    static void firstRows(BrowserlessUIContext window) {
        for (Grid grid : window.find(Grid.class).all()) {
            grid.getDataCommunicator().setViewportRange(0, FIRST_ROWS);
        }
        window.roundTrip();
    }

    /**
     * The live heap each of {@code sessions} sessions holds when all are open at once: the heap after full
     * collections with them open less the heap before, over their number. {@code warmUp} sessions are opened and
     * closed first, so that what all sessions share (classes, caches, templates) is not counted.
     */
    double kilobytesEach(int sessions, int warmUp, Authentication who, IntFunction<String> location) {
        for (int n = 0; n < warmUp; n++) {
            open(who, location.apply(sessions + n)).getUser().close();
        }
        long before = liveHeap();
        List<BrowserlessUserContext> open = new ArrayList<>();
        for (int n = 0; n < sessions; n++) {
            open.add(open(who, location.apply(n)).getUser());
        }
        long after = liveHeap();
        open.forEach(BrowserlessUserContext::close);
        return (after - before) / 1024.0 / sessions;
    }

    /** The heap in use after full collections (what is live). */
    static long liveHeap() {
        for (int n = 0; n < 4; n++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
