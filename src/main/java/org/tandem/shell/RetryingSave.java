package org.tandem.shell;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * A save as the user types that survives the database being away for a while (restarted, or every connection
 * busy): the text stays in the field, the editor says "not saved yet — retrying", and the page tries again after
 * 1 s, 2 s, then every 5 s (the browser polls only while something waits) until the save goes through. Only an
 * unreachable database is retried; any other failure is thrown as before (decision 015), and a save that raced
 * another edit stays the editor's conflict. See docs/decisions/033-surviving-faults.md.
 *
 * <p>The save given to {@link #run} reads the field's value when it runs, so a retry saves what is typed by then.
 */
public final class RetryingSave {

    /** How long the page waits before each further try: 1 s, 2 s, then 5 s for as long as it takes. */
    static final List<Integer> BACKOFF_MILLIS = List.of(1000, 2000, 5000);

    /** What the editor shows while a save waits, and once it went through. */
    public interface Status {
        void retrying();

        /** The waiting save went through (the save itself has shown its own outcome). */
        default void recovered() {}
    }

    private final Status status;
    private @Nullable Runnable pending;
    private int failures;
    private @Nullable UI ui;

    public RetryingSave(Status status) {
        this.status = status;
    }

    /**
     * Runs {@code save}; when the database cannot be reached, keeps it to try again and returns false. Every other
     * failure is thrown to the caller.
     */
    public boolean run(Runnable save) {
        boolean wasPending = pending != null;
        try {
            save.run();
        } catch (RuntimeException failure) {
            if (!isUnreachableDatabase(failure)) {
                stop();
                throw failure;
            }
            pending = save;
            failures++;
            status.retrying();
            schedule();
            return false;
        }
        stop();
        if (wasPending) {
            status.recovered();
        }
        return true;
    }

    /** Whether a save waits for the database. */
    public boolean isPending() {
        return pending != null;
    }

    /** True when {@code failure} says the database could not be reached or was busy, not that the save was wrong. */
    public static boolean isUnreachableDatabase(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException || cause instanceof SQLTransientException) {
                return true;
            }
            // 08: connection exception; 57P01-03: the server shut down or is starting up.
            // A statement failed on a connection the restart broke, and so did the rollback: the first failure counts.
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && isUnreachableDatabase(rollback.getApplicationException())) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    private void retry() {
        Runnable save = pending;
        if (save != null) {
            run(save);
        }
    }

    private void schedule() {
        UI current = UI.getCurrent();
        if (current == null) {
            return;
        }
        ui = current;
        Waiting waiting = Waiting.of(current);
        waiting.add(this);
        waiting.poll();
    }

    private void stop() {
        pending = null;
        failures = 0;
        UI current = ui;
        if (current != null) {
            Waiting.of(current).remove(this);
            ui = null;
        }
    }

    private int delay() {
        return BACKOFF_MILLIS.get(Math.min(failures, BACKOFF_MILLIS.size()) - 1);
    }

    /** The saves of one page that wait: the page polls while there is one, as often as the most urgent needs. */
    private static final class Waiting {
        private final UI ui;
        private final Set<RetryingSave> saves = new LinkedHashSet<>();
        private @Nullable Registration listener;

        private Waiting(UI ui) {
            this.ui = ui;
        }

        static Waiting of(UI ui) {
            Waiting waiting = ComponentUtil.getData(ui, Waiting.class);
            if (waiting == null) {
                waiting = new Waiting(ui);
                ComponentUtil.setData(ui, Waiting.class, waiting);
            }
            return waiting;
        }

        void add(RetryingSave save) {
            saves.add(save);
            if (listener == null) {
                listener = ui.addPollListener(this::polled);
            }
        }

        void remove(RetryingSave save) {
            saves.remove(save);
            poll();
        }

        /** Polls as often as the waiting save with the shortest delay needs, or stops polling. */
        void poll() {
            int interval = saves.stream().mapToInt(RetryingSave::delay).min().orElse(-1);
            ui.setPollInterval(interval);
            if (interval < 0 && listener != null) {
                listener.remove();
                listener = null;
            }
        }

        private void polled(PollEvent event) {
            List.copyOf(saves).forEach(RetryingSave::retry);
        }
    }
}
