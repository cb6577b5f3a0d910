package org.tandem.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tandem.support.UiInItsOwnSession;

/**
 * The fan-out behind every live page (decision 034): pages hear of an update after the commit and never after a
 * rollback, only the accounts told, with the security context of the person who opened the page, and a page that is
 * behind takes equal updates once.
 */
class LiveUpdatesTest {

    private final LiveUpdates live = new LiveUpdates();
    private final VaadinServletService service = new VaadinServletService(new VaadinServlet(), null);
    private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();

    /** What a page's listener saw: the update and who was signed in on its thread. */
    record Seen(Object update, String user) {}

    @AfterEach
    void clear() {
        assertThat(failures).as("what the pages' listeners threw").isEmpty();
        SecurityContextHolder.clearContext();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    /** A page of its own session (its own lock), opened by {@code user}, recording what it is told. */
    private Registration page(UI ui, long account, String user, Queue<Seen> seen) {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(user, null));
        try {
            return live.register(ui, account, update -> seen.add(new Seen(update,
                    SecurityContextHolder.getContext().getAuthentication().getName())));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private UI ui() {
        return UiInItsOwnSession.open(service, error -> failures.add(error.getThrowable()));
    }

    private static void waitFor(Queue<Seen> seen, int count) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (seen.size() < count && System.nanoTime() < until) {
            Thread.sleep(5);
        }
    }

    record Changed(long id) {}

    @Test
    void only_the_accounts_told_hear_of_it_with_the_sign_in_of_whoever_opened_the_page() throws Exception {
        Queue<Seen> alex = new ConcurrentLinkedQueue<>();
        Queue<Seen> sam = new ConcurrentLinkedQueue<>();
        page(ui(), 1, "alex", alex);
        page(ui(), 2, "sam", sam);

        live.tell(List.of(1L), new Changed(7));
        waitFor(alex, 1);
        Thread.sleep(100);

        assertThat(alex).containsExactly(new Seen(new Changed(7), "alex"));
        assertThat(sam).isEmpty();
        assertThat(SecurityContextHolder.getContext().getAuthentication()).as("the caller's thread is untouched")
                .isNull();
    }

    @Test
    void inside_a_transaction_pages_hear_after_the_commit_and_never_after_a_rollback() throws Exception {
        Queue<Seen> seen = new ConcurrentLinkedQueue<>();
        page(ui(), 1, "alex", seen);

        TransactionSynchronizationManager.initSynchronization();
        live.tell(List.of(1L), new Changed(1));
        List<TransactionSynchronization> rolledBack = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        rolledBack.forEach(sync -> sync.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));
        Thread.sleep(100);
        assertThat(seen).as("rolled back").isEmpty();

        TransactionSynchronizationManager.initSynchronization();
        live.tell(List.of(1L), new Changed(2));
        Thread.sleep(100);
        assertThat(seen).as("not committed yet").isEmpty();
        List<TransactionSynchronization> committed = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        committed.forEach(TransactionSynchronization::afterCommit);
        waitFor(seen, 1);
        assertThat(seen).extracting(Seen::update).containsExactly(new Changed(2));
    }

    @Test
    void a_busy_page_takes_equal_updates_once_and_different_ones_each() throws Exception {
        Queue<Seen> seen = new ConcurrentLinkedQueue<>();
        UI ui = ui();
        page(ui, 1, "alex", seen);

        ui.getSession().lock(); // the page is busy with a request of its own
        try {
            for (int i = 0; i < 10; i++) {
                live.tell(List.of(1L), new Changed(1));
            }
            live.tell(List.of(1L), new Changed(2));
            Thread.sleep(200);
            assertThat(seen).as("nothing runs while the page's session is locked").isEmpty();
        } finally {
            ui.getSession().unlock(); // Vaadin runs what waited for the lock
        }
        waitFor(seen, 2);
        Thread.sleep(100);
        assertThat(seen).extracting(Seen::update).containsExactlyInAnyOrder(new Changed(1), new Changed(2));

        live.tell(List.of(1L), new Changed(1));
        waitFor(seen, 3);
        assertThat(seen).as("taken again once the earlier one ran").hasSize(3);
    }

    @Test
    void a_closed_page_hears_nothing_more() throws Exception {
        Queue<Seen> seen = new ConcurrentLinkedQueue<>();
        Registration registration = page(ui(), 1, "alex", seen);
        assertThat(live.openPages()).isEqualTo(1);

        registration.remove();
        live.tell(List.of(1L), new Changed(1));
        Thread.sleep(100);

        assertThat(seen).isEmpty();
        assertThat(live.openPages()).isZero();
    }
}
