package org.tandem.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.component.UIDetachedException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.tandem.database.InstanceChannel;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the open pages of some people that something of theirs changed, without a reload (Vaadin server push,
 * switched on in {@link AppShell}). A page registers a listener for its signed-in account while attached; a service
 * calls {@link #tell} with the accounts concerned and an update object of its own kind (a record naming, for example,
 * the thread that has a new message). Listeners run inside their own UI's lock and with the security context of the
 * person who opened the page, so they may call services (which read the data again, guarded as usual: the update
 * itself carries ids, never content).
 *
 * <p>Told inside a transaction, the pages hear of it after the commit (so they read what was written) and never
 * after a rollback. Each page is told on a virtual thread of its own, so one slow page holds up no other; at most
 * {@link #AT_ONCE} pages read again at the same time, well under the database pool (ten connections), so that a
 * burst of updates to hundreds of pages waits its turn instead of failing for want of a connection (the push
 * benchmark, decision 034, lost deliveries that way before).
 *
 * <pre>{@code
 * Registration r = liveUpdates.register(ui, user.accountId(), update -> {
 *     if (update instanceof NewMessage m && m.threadId() == threadId) { reload(); }
 * });
 * // in onDetach: r.remove();
 * }</pre>
 */
@Component
public class LiveUpdates {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final Map<Long, Set<Listener>> byAccount = new ConcurrentHashMap<>();
    /** How many pages may run their listeners at the same time. */
    static final int AT_ONCE = 4;

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    private final ExecutorService pages = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore turns = new Semaphore(AT_ONCE, true);
    private final @Nullable InstanceChannel channel;

    static final String TOPIC = "live-updates";

    /** Pages of this instance only (tests). */
    public LiveUpdates() {
        this.channel = null;
    }

    /** Pages of this instance and, through the channel, of every other instance on the same database. */
    @Autowired
    public LiveUpdates(InstanceChannel channel) {
        this.channel = channel;
        channel.subscribe(TOPIC, body -> UpdateCodec.decode(body)
                .ifPresent(told -> tellNow(told.accounts(), told.update())));
    }

    /** One open page. Equal updates waiting for it are taken once (a page behind by ten messages reads once). */
    private static final class Listener {

        private final UI ui;
        private final SecurityContext security;
        private final Consumer<Object> onUpdate;
        private final Set<Object> waiting = ConcurrentHashMap.newKeySet();

        Listener(UI ui, SecurityContext security, Consumer<Object> onUpdate) {
            this.ui = ui;
            this.security = security;
            this.onUpdate = onUpdate;
        }

        /** False when an equal update is already waiting for this page: that one will do. */
        boolean await(Object update) {
            return waiting.add(update);
        }

        Future<Void> tell(Object update) {
            return ui.access((Command) () -> {
                waiting.remove(update); // an equal update told from here on is taken again
                SecurityContext before = SecurityContextHolder.getContext();
                SecurityContextHolder.setContext(security);
                try {
                    onUpdate.accept(update);
                } finally {
                    SecurityContextHolder.setContext(before);
                }
            });
        }
    }

    /**
     * Registers a page of one account; remove the registration when the page detaches. Call it on the page's request
     * thread: the listener runs with the security context seen there.
     */
    public Registration register(UI ui, long accountId, Consumer<Object> onUpdate) {
        SecurityContext security = SecurityContextHolder.createEmptyContext();
        security.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        Listener listener = new Listener(ui, security, onUpdate);
        byAccount.computeIfAbsent(accountId, id -> new CopyOnWriteArraySet<>()).add(listener);
        return () -> byAccount.computeIfPresent(accountId, (id, listeners) -> {
            listeners.remove(listener);
            return listeners.isEmpty() ? null : listeners;
        });
    }

    /**
     * Tells every open page of these accounts about the update, on this instance and on the others (through the
     * {@link InstanceChannel}): after the commit when a transaction is running. An update that crosses instances is
     * a record of ids, numbers, flags and short texts (see {@link UpdateCodec}); any other stays on this instance.
     */
    public void tell(Collection<Long> accountIds, Object update) {
        List<Long> accounts = List.copyOf(accountIds);
        if (channel != null && !accounts.isEmpty()) {
            UpdateCodec.encode(accounts, update).ifPresent(body -> channel.publish(TOPIC, body));
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    tellNow(accounts, update);
                }
            });
        } else {
            tellNow(accounts, update);
        }
    }

    /** How many pages are registered (for the benchmark and the tests). */
    public int openPages() {
        return byAccount.values().stream().mapToInt(Set::size).sum();
    }

    /**
     * Waits for a turn, then for the page to have run its listener: a page whose session is busy runs it when its
     * request ends (Vaadin's access queue), and holds its turn until then, up to a few seconds.
     */
    private void deliver(Listener listener, Object update) {
        try {
            turns.acquire();
            try {
                listener.tell(update).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } finally {
                turns.release();
            }
        } catch (InterruptedException interrupted) {
            listener.waiting.remove(update);
            Thread.currentThread().interrupt();
        } catch (TimeoutException slow) {
            log.debug("A page took more than {} to take an update; it runs when its session is free", WAIT);
        } catch (ExecutionException | UIDetachedException failed) {
            listener.waiting.remove(update);
            log.debug("A page could not take an update", failed);
        }
    }

    private void tellNow(List<Long> accounts, Object update) {
        for (long account : accounts) {
            for (Listener listener : byAccount.getOrDefault(account, Set.of())) {
                if (listener.await(update)) {
                    pages.execute(() -> deliver(listener, update));
                }
            }
        }
    }
}
