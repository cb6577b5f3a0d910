package org.tandem.messages.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.shared.Registration;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;
import org.tandem.accounts.CurrentUser;
import org.tandem.messages.ThreadChanged;
import org.tandem.shell.LiveUpdates;

/**
 * Keeps a page's threads live: while the page is attached, each {@link ThreadChanged} told to the signed-in account
 * reaches {@code onChange} (in the page's UI lock, as the person who opened it).
 */
final class LiveThreads {

    private @Nullable Registration registration;

    LiveThreads(Component page, LiveUpdates live, LongConsumer onChange) {
        page.addAttachListener(attach -> listen(attach, live, onChange));
        page.addDetachListener(detach -> stop());
    }

    private void listen(AttachEvent attach, LiveUpdates live, LongConsumer onChange) {
        stop();
        registration = live.register(attach.getUI(), CurrentUser.require().accountId(), update -> {
            if (update instanceof ThreadChanged changed) {
                onChange.accept(changed.threadId());
            }
        });
    }

    private void stop() {
        Registration listening = registration;
        if (listening != null) {
            listening.remove();
            registration = null;
        }
    }
}
