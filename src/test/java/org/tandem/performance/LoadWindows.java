package org.tandem.performance;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.browserless.BrowserlessUserContext;
import com.vaadin.browserless.SecuredBrowserlessApplicationContext;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.router.HasErrorParameter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import javax.management.JMException;
import javax.management.ObjectName;
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

    /**
     * Has the sessions hold what they hold in production: in development mode (which the browserless sessions run
     * in) Vaadin keeps, for its dev tools, the stack trace of where every component was created and attached, which
     * is most of a session's heap. Call before the application starts.
     */
    static void asInProduction() {
        System.setProperty("vaadin.devmode.componentTracker.enabled", "false");
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
        respond(window);
    }

    /**
     * The end of a round trip as the server writes its response: the changes collected, and the JavaScript calls
     * queued for the browser (the grids' rows among them) handed over, as Vaadin's UIDL writer does; a browserless
     * round trip alone leaves those queued in the session.
     */
    static void respond(BrowserlessUIContext window) {
        window.roundTrip();
        window.getUI().getInternals().dumpPendingJavaScriptInvocations();
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
        Map<String, long[]> histogramBefore = histogram();
        List<BrowserlessUserContext> open = new ArrayList<>();
        for (int n = 0; n < sessions; n++) {
            open.add(open(who, location.apply(n)).getUser());
        }
        long after = liveHeap();
        printGrowth(histogramBefore, histogram(), sessions);
        open.forEach(BrowserlessUserContext::close);
        long closed = liveHeap();
        // what closing the sessions gave back: near the figure when nothing else moved meanwhile
        System.out.printf(Locale.ROOT, "BENCH memory-check heap_before_kb=%d heap_open_kb=%d heap_closed_kb=%d "
                        + "held_kb=%.0f released_kb=%.0f%n", before / 1024, after / 1024, closed / 1024,
                (after - before) / 1024.0 / sessions, (after - closed) / 1024.0 / sessions);
        return (after - before) / 1024.0 / sessions;
    }

    /**
     * With {@code -Dbenchmark.histogram=true}, the live objects by class (count and bytes) from the JVM's class
     * histogram, to see what a session holds; otherwise nothing.
     */
    static Map<String, long[]> histogram() {
        Map<String, long[]> result = new HashMap<>();
        if (!Boolean.getBoolean("benchmark.histogram")) {
            return result;
        }
        try {
            String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            for (String line : text.split("\n")) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length >= 4 && parts[0].endsWith(":")) {
                    result.put(parts[3], new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
                }
            }
        } catch (JMException e) {
            throw new IllegalStateException("Could not read the class histogram", e);
        }
        return result;
    }

    /** The 40 classes whose live bytes grew most between the histograms, per session. */
    private static void printGrowth(Map<String, long[]> before, Map<String, long[]> after, int sessions) {
        after.entrySet().stream()
                .map(entry -> Map.entry(entry.getKey(), new long[] {
                        entry.getValue()[0] - before.getOrDefault(entry.getKey(), new long[2])[0],
                        entry.getValue()[1] - before.getOrDefault(entry.getKey(), new long[2])[1]}))
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .limit(40)
                .forEach(entry -> System.out.printf(Locale.ROOT, "BENCH memory-class objects=%d bytes=%d %s%n",
                        entry.getValue()[0] / sessions, entry.getValue()[1] / sessions, entry.getKey()));
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
