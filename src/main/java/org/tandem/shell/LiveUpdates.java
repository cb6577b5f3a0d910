package org.tandem.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.shared.Registration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
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
 * after a rollback. Each page is told on a shared pool of virtual threads, so one slow page holds up no other.
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

    private final Map<Long, Set<Listener>> byAccount = new ConcurrentHashMap<>();
    private final ExecutorService pages = Executors.newVirtualThreadPerTaskExecutor();

    private record Listener(UI ui, SecurityContext security, Consumer<Object> onUpdate) {

        void tell(Object update) {
            ui.access((Command) () -> {
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

    /** Tells every open page of these accounts about the update: after the commit when a transaction is running. */
    public void tell(Collection<Long> accountIds, Object update) {
        List<Long> accounts = List.copyOf(accountIds);
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

    private void tellNow(List<Long> accounts, Object update) {
        for (long account : accounts) {
            for (Listener listener : byAccount.getOrDefault(account, Set.of())) {
                pages.execute(() -> listener.tell(update));
            }
        }
    }
}
