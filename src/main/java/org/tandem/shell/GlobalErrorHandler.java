package org.tandem.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.tandem.accounts.RefusedException;
import org.tandem.accounts.StaleVersionException;

/**
 * What the user is told when an action fails and the view did not handle it: someone else's save, a rule's
 * refusal, an access denial, a database that is busy or away ("try again in a moment"), or, for anything else, "something went wrong" with a reference to the logged detail.
 * Installed on every Vaadin session, so views catch an exception only where they do something particular with it.
 */
@Component
class GlobalErrorHandler implements ErrorHandler, VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(GlobalErrorHandler.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        Throwable error = event.getThrowable();
        UI ui = UI.getCurrent();
        String message = message(ui, error);
        if (ui != null) {
            Notification.show(message, 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private static String message(@Nullable UI ui, Throwable error) {
        if (find(error, StaleVersionException.class) instanceof StaleVersionException stale) {
            log.info("Refused a stale save: {}", stale.getMessage());
            return translate(ui, "error.stale-version");
        }
        if (find(error, RefusedException.class) instanceof RefusedException refused) {
            log.info("Refused: {}", refused.getMessage());
            return translate(ui, refused.messageKey(), refused.args());
        }
        if (find(error, AccessDeniedException.class) != null) {
            log.info("Access denied", error);
            return translate(ui, "error.access-denied");
        }
        if (RetryingSave.isUnreachableDatabase(error)) {
            // Every connection busy (the pool gave up waiting) or the database restarting: nothing was done.
            log.warn("The database could not be reached in time: {}", error.toString());
            return translate(ui, "error.busy");
        }
        return translate(ui, "error.unexpected", ErrorReference.logged("a user's action", error));
    }

    private static @Nullable Throwable find(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return cause;
            }
        }
        return null;
    }

    private static String translate(@Nullable UI ui, String key, Object... args) {
        return ui == null ? key : ui.getTranslation(key, args);
    }
}
