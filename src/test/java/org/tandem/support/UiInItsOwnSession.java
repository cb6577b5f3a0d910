package org.tandem.support;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.VaadinSession;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A page as a browser would have it open, without a browser: a {@link UI} in a {@link VaadinSession} of its own, with
 * its own lock, so that updates pushed to it from other threads (shell's LiveUpdates) queue and run as in production.
 */
public final class UiInItsOwnSession {

    private UiInItsOwnSession() {}

    /** A new page; what its listeners throw goes to {@code errors}. */
    public static UI open(VaadinServletService service, ErrorHandler errors) {
        VaadinSession session = new VaadinSession(service) {
            private final ReentrantLock lock = new ReentrantLock();

            @Override
            public Lock getLockInstance() {
                return lock;
            }
        };
        UI ui = new UI();
        session.lock();
        try {
            ui.getInternals().setSession(session);
            session.setErrorHandler(errors);
        } finally {
            session.unlock();
        }
        return ui;
    }
}
