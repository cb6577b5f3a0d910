package org.tandem.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.jooq.Tables.MESSAGE;
import static org.tandem.jooq.Tables.MESSAGE_THREAD;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.database.TenantScope;
import org.tandem.shell.LiveUpdates;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.SignIn;
import org.tandem.support.StrictTenancy;
import org.tandem.support.TestClock;
import org.tandem.support.UiInItsOwnSession;

/**
 * Server push of new messages, printed: a clinic of {@code benchmark.push-couples} couples (100 by default), one open
 * messages page per partner (200), each a real {@link UI} in a session of its own registered with {@link LiveUpdates}
 * under its partner's sign-in, whose listener does what a messages page does on an update: reads its thread again,
 * newest last, under the partner's clinic (row-level security, as in production: {@link StrictTenancy}). Messages are
 * sent as a service sends them (the row and {@code LiveUpdates.tell} in one transaction), one every
 * {@code benchmark.push-gap-ms} ms, and each delivery is timed from the send's commit to the page having read the new
 * message: to the couple's two partners (the joint thread), and, the worst case, to all 200 pages of the clinic. Data
 * is committed, in a clinic of its own. Not part of {@code ./mvnw verify}: run
 * {@code ./mvnw -Pbenchmark test -Dtest=MessagePushBenchmark}.
 */
@SpringBootTest
@ActiveProfiles("test")
@StrictTenancy
class MessagePushBenchmark {

    private static final int COUPLES = Integer.getInteger("benchmark.push-couples", 100);
    private static final int MESSAGES = Integer.getInteger("benchmark.push-messages", 100);
    private static final int GAP_MILLIS = Integer.getInteger("benchmark.push-gap-ms", 50);
    /** Messages already in each joint thread, which a page reads again with the new one. */
    private static final int EARLIER = 20;

    /** What a service tells the open pages of a thread's participants (ids only, as LiveUpdates asks). */
    record NewMessage(long threadId, long messageId) {}

    /** An open messages page: its partner's account and their couple's joint thread. */
    record Page(int number, long accountId, long threadId) {}

    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired LiveUpdates live;
    @Autowired MessageService messages;
    @Autowired PlatformTransactionManager transactions;

    private final List<Registration> registrations = new ArrayList<>();
    private final Map<Long, Long> committedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
    /** The newest message id before a measurement: pages count only what is newer. */
    private volatile long lastBefore;
    private volatile CountDownLatch arrivals = new CountDownLatch(0);
    /** What went wrong in a page's listener (reported by its session's error handler), by kind. */
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private long clinic;
    private Person therapist;
    private final List<Couple> couples = new ArrayList<>();
    private final List<Long> jointThreads = new ArrayList<>();
    private final List<Page> pages = new ArrayList<>();

    @BeforeEach
    void a_clinic_of_couples_each_partner_with_an_open_messages_page() {
        long started = System.nanoTime();
        String run = Long.toString(System.nanoTime(), 36);
        fixtures.committed(() -> {
            therapist = fixtures.therapist(fixtures.clinic("Push benchmark " + run), "Push Therapist " + run);
            for (int i = 0; i < COUPLES; i++) {
                couples.add(fixtures.couple(therapist, "Push One " + i + " " + run, "Push Two " + i + " " + run));
            }
        });
        clinic = therapist.clinicId();
        new TransactionTemplate(transactions).executeWithoutResult(status -> TenantScope.clinic(clinic, () -> {
            for (Couple couple : couples) {
                long thread = dsl.insertInto(MESSAGE_THREAD).set(MESSAGE_THREAD.CLINIC_ID, clinic)
                        .set(MESSAGE_THREAD.COUPLE_ID, couple.id()).set(MESSAGE_THREAD.CREATED_AT, TestClock.START_AT)
                        .returning(MESSAGE_THREAD.ID).fetchSingle().getId();
                jointThreads.add(thread);
                var earlier = dsl.insertInto(MESSAGE, MESSAGE.CLINIC_ID, MESSAGE.THREAD_ID, MESSAGE.SENDER_ACCOUNT_ID,
                        MESSAGE.BODY, MESSAGE.SENT_AT);
                for (int k = 0; k < EARLIER; k++) {
                    earlier = earlier.values(clinic, thread, k % 2 == 0 ? couple.one().accountId()
                            : therapist.accountId(), "An earlier message, number " + k + ".",
                            TestClock.START_AT.minusDays(EARLIER - k));
                }
                earlier.execute();
            }
        }));
        VaadinServletService service = new VaadinServletService(new VaadinServlet(), null);
        for (int i = 0; i < couples.size(); i++) {
            Couple couple = couples.get(i);
            for (Fixtures.Partner partner : List.of(couple.one(), couple.two())) {
                Page page = new Page(pages.size(), partner.accountId(), jointThreads.get(i));
                pages.add(page);
                signIn.as(partner.email()); // the page's request thread, signed in as its partner
                registrations.add(live.register(openPage(service), partner.accountId(),
                        update -> onUpdate(update, page)));
            }
        }
        signIn.out();
        assertThat(live.openPages()).isEqualTo(pages.size());
        System.out.printf(Locale.ROOT, "BENCHMARK push: %d couples, %d open pages, set up in %.1f s%n", couples.size(),
                live.openPages(), (System.nanoTime() - started) / 1e9);
    }

    @AfterEach
    void close_the_pages() {
        registrations.forEach(Registration::remove);
        signIn.out();
    }

    /**
     * What an open messages page does when told of an update: reads its thread again, newest last, and shows it (here:
     * notes when the new message has arrived). The integrator may swap this for the real page's reload.
     */
    private void onUpdate(Object update, Page page) {
        if (update instanceof ThreadChanged changed && changed.threadId() == page.threadId()) {
            // the real page's reload: MessageService.read under the partner's sign-in (audited, marks it read)
            for (ShownMessage shown : messages.read(changed.threadId()).messages()) {
                if (shown.id() > lastBefore
                        && arrivedAt.putIfAbsent(shown.id() + "/" + page.number(), System.nanoTime()) == null) {
                    arrivals.countDown();
                }
            }
        } else if (update instanceof NewMessage message) {
            List<Long> shown = dsl.select(MESSAGE.ID, MESSAGE.SENDER_ACCOUNT_ID, MESSAGE.BODY, MESSAGE.SENT_AT,
                            MESSAGE.WITHDRAWN_AT)
                    .from(MESSAGE).join(MESSAGE_THREAD).on(MESSAGE_THREAD.ID.eq(MESSAGE.THREAD_ID))
                    .where(MESSAGE.THREAD_ID.eq(message.threadId()))
                    .orderBy(MESSAGE.SENT_AT, MESSAGE.ID)
                    .fetch(MESSAGE.ID);
            if (shown.contains(message.messageId())) {
                arrivedAt.put(message.messageId() + "/" + page.number(), System.nanoTime());
                arrivals.countDown();
            }
        }
    }

    @Test
    void a_message_reaches_every_open_page_of_its_participants_within_a_second_at_p95() throws InterruptedException {
        List<Integer> delivered = new ArrayList<>();
        delivered.add(measure("joint thread, the couple's 2 pages", false, false));
        delivered.add(measure("joint thread through MessageService.send and .read, the couple's 2 pages", false,
                true));
        delivered.add(measure("clinic-wide fan-out, all " + pages.size() + " pages (worst case)", true, false));
        assertThat(delivered).as("every page told read its message")
                .containsExactly(MESSAGES * 2, MESSAGES * 2, MESSAGES * pages.size());
    }

    /** Sends the messages, prints the figures and returns how many deliveries arrived. */
    private int measure(String what, boolean everyPage, boolean throughTheService) throws InterruptedException {
        committedAt.clear();
        arrivedAt.clear();
        lastBefore = new TransactionTemplate(transactions).execute(status -> TenantScope.clinic(clinic,
                () -> dsl.select(DSL.max(MESSAGE.ID)).from(MESSAGE).fetchSingle().value1()));
        failures.clear();
        int perMessage = everyPage ? pages.size() : 2;
        arrivals = new CountDownLatch(MESSAGES * perMessage);
        List<Long> sent = new ArrayList<>();
        Map<Long, List<Page>> expected = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        for (int n = 0; n < MESSAGES; n++) {
            int couple = (n * 37) % couples.size(); // spread over the clinic's couples
            long thread = jointThreads.get(couple);
            List<Page> told = everyPage ? pages : pages.subList(2 * couple, 2 * couple + 2);
            long id = throughTheService ? sendAsPartner(thread, couples.get(couple).one().email())
                    : send(thread, couples.get(couple).one().accountId(), told.stream().map(Page::accountId).toList());
            sent.add(id);
            expected.put(id, told);
            Thread.sleep(GAP_MILLIS);
        }
        boolean all = arrivals.await(120, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Double> millis = new ArrayList<>();
        for (long id : sent) {
            for (Page page : expected.get(id)) {
                Long arrived = arrivedAt.get(id + "/" + page.number());
                if (arrived != null) {
                    millis.add((arrived - committedAt.get(id)) / 1e6);
                }
            }
        }
        List<Double> sorted = millis.stream().sorted().toList();
        double p95 = percentile(sorted, 95);
        System.out.printf(Locale.ROOT,
                "BENCHMARK push, %s: %d messages, one every %d ms, %d of %d deliveries in %.1f s: p50 %.0f ms, "
                        + "p95 %.0f ms, max %.0f ms; p95 <= 1 s: %s%n",
                what, MESSAGES, GAP_MILLIS, sorted.size(), MESSAGES * perMessage, seconds, percentile(sorted, 50), p95,
                sorted.isEmpty() ? Double.NaN : sorted.getLast(), all && p95 <= 1000 ? "yes" : "NO");
        if (!failures.isEmpty()) {
            System.out.printf(Locale.ROOT, "BENCHMARK push, %s: failed deliveries %s%n", what, failures);
        }
        return sorted.size();
    }

    /**
     * The partner sends through MessageService, which tells the thread's participants after its commit; timed from
     * just before the call (so the send itself is counted too).
     */
    private long sendAsPartner(long thread, String email) {
        signIn.as(email);
        try {
            long before = System.nanoTime();
            long id = messages.send(thread, "See you on Thursday!\nBoth of us.");
            committedAt.put(id, before);
            return id;
        } finally {
            signIn.out();
        }
    }

    /** As a service sends a message: the row, and the participants' pages told, in one transaction. */
    private long send(long thread, long sender, List<Long> participants) {
        return Objects.requireNonNull(new TransactionTemplate(transactions).execute(status -> TenantScope.clinic(clinic, () -> {
            long id = dsl.insertInto(MESSAGE).set(MESSAGE.CLINIC_ID, clinic).set(MESSAGE.THREAD_ID, thread)
                    .set(MESSAGE.SENDER_ACCOUNT_ID, sender).set(MESSAGE.BODY, "See you on Thursday!\nBoth of us.")
                    .set(MESSAGE.SENT_AT, TestClock.START_AT)
                    .returning(MESSAGE.ID).fetchSingle().getId();
            // registered before LiveUpdates' own, so it runs first after the commit
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    committedAt.put(id, System.nanoTime());
                }
            });
            List<Long> told = new ArrayList<>(participants);
            told.add(therapist.accountId());
            live.tell(told, new NewMessage(thread, id));
            return id;
        })));
    }

    private static double percentile(List<Double> sorted, int percent) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** A page open in a browser: a UI in a session of its own (its own lock), as a real request would make. */
    private UI openPage(VaadinServletService service) {
        return UiInItsOwnSession.open(service,
                error -> failures.merge(rootCause(error.getThrowable()), 1, Integer::sum));
    }
}
