package org.tandem.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.inline;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.accounts.AuditAction;
import org.tandem.accounts.AuditEvent.Outcome;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Clinic;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;

/**
 * The audit log at scale, printed: {@code benchmark.audit-rows} rows (2 million by default) over a year in one clinic
 * beside a second clinic's; the time of the first page and of the page 1,000 pages in (reached by keyset), without a
 * filter and with each filter; and the CSV export of the whole year: time, size and heap while it streams. Not part
 * of {@code ./mvnw verify}: run {@code ./mvnw -Pbenchmark test -Dtest=AuditLogBenchmark}.
 */
@IntegrationTest
class AuditLogBenchmark {

    private static final int ROWS = Integer.getInteger("benchmark.audit-rows", 2_000_000);
    private static final int PAGE = 50;
    private static final int DEEP = 1000;
    private static final int RUNS = 5;

    @Autowired AuditLogService log;
    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    @Test
    void first_and_deep_pages_with_and_without_filters_and_the_export_of_a_year() {
        Clinic clinic = fixtures.clinic("Riverside Counselling");
        Person admin = fixtures.admin(clinic, "Morgan Ellis");
        List<Person> staff = new ArrayList<>(List.of(admin));
        for (String name : List.of("Dr. Jordan Reyes", "Priya Nair", "Sam Lee", "Alex Kim")) {
            staff.add(fixtures.therapist(clinic, name));
        }
        List<Couple> couples = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            couples.add(fixtures.couple(staff.get(1 + i % 4), "Partner A" + i, "Partner B" + i));
        }
        Person other = fixtures.admin(fixtures.clinic("Northside Counselling"), "Dana Office");
        long started = System.nanoTime();
        generate(clinic.id(), staff.stream().map(Person::accountId).toList(),
                couples.stream().map(Couple::id).toList(), ROWS);
        generate(other.clinicId(), List.of(other.accountId()), List.of(), ROWS / 10);
        System.out.printf(Locale.ROOT, "BENCHMARK audit rows: %,d in the clinic, %,d in another, written in %.1f s%n",
                ROWS, ROWS / 10, (System.nanoTime() - started) / 1e9);

        signIn.as(admin.email());
        Person jordan = staff.get(1);
        measure("no filter", AuditFilter.NONE);
        measure("person (a fifth of the rows)", new AuditFilter(jordan.accountId(), null, null, null, null, null));
        measure("kind of event (a tenth)", new AuditFilter(null, null, AuditAction.NOTE_READ, null, null, null));
        measure("outcome refused (1 in 500)", new AuditFilter(null, null, null, Outcome.DENIED, null, null));
        measure("couple (1 in 60)", new AuditFilter(null, couples.getFirst().id(), null, null, null, null));
        measure("last 30 days", new AuditFilter(null, null, null, null, TestClock.TODAY.minusDays(30), null));
        measure("person + kind + 90 days", new AuditFilter(jordan.accountId(), null, AuditAction.COUPLE_READ, null,
                TestClock.TODAY.minusDays(90), TestClock.TODAY));
        export();
    }

    /** The first page, and the page {@link #DEEP} pages in (or the last, if there are fewer). */
    private void measure(String what, AuditFilter filter) {
        double first = median(() -> log.page(filter, null, PAGE));
        AuditCursor cursor = null;
        int pages = 0;
        long walk = System.nanoTime();
        while (pages < DEEP - 1) {
            AuditPage page = log.page(filter, cursor, PAGE);
            if (page.next() == null) {
                break;
            }
            cursor = page.next();
            pages++;
        }
        double walked = (System.nanoTime() - walk) / 1e6;
        AuditCursor deepest = cursor;
        double deep = median(() -> log.page(filter, deepest, PAGE));
        System.out.printf(Locale.ROOT,
                "BENCHMARK audit log, %-30s first page %7.2f ms, page %4d %7.2f ms (walking there: %6.0f ms)%n", what,
                first, pages + 1, deep, walked);
    }

    private static double median(Supplier<AuditPage> page) {
        List<Double> millis = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            long started = System.nanoTime();
            assertThat(page.get().rows()).isNotEmpty();
            millis.add((System.nanoTime() - started) / 1e6);
        }
        return millis.stream().sorted().toList().get(RUNS / 2);
    }

    private void export() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        long[] peak = {before};
        long[] bytes = {0};
        OutputStream browser = new OutputStream() {
            @Override
            public void write(int b) {
                bytes[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                if ((bytes[0] >> 20) != ((bytes[0] + len) >> 20)) {
                    peak[0] = Math.max(peak[0], memory.getHeapMemoryUsage().getUsed());
                }
                bytes[0] += len;
            }
        };
        long started = System.nanoTime();
        long rows;
        try {
            rows = log.export(AuditFilter.NONE, browser);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(rows).isGreaterThanOrEqualTo(ROWS);
        System.out.printf(Locale.ROOT,
                "BENCHMARK audit export of the whole clinic: %,d rows, %,d MB of CSV in %.1f s; heap in use %d MB "
                        + "before, at most %d MB while streaming (of %d MB max)%n",
                rows, bytes[0] >> 20, seconds, before >> 20, peak[0] >> 20,
                memory.getHeapMemoryUsage().getMax() >> 20);
    }

    /**
     * {@code count} rows over the year before the test clock, two at each instant (equal timestamps page by id): the
     * actors in turn, ten kinds of event, one refusal in 500 and one failure in 997, a third about a couple.
     */
    private void generate(long clinicId, List<Long> actors, List<Long> coupleIds, int count) {
        String[] actions = {"caseload.read", "couple.read", "session-note.read", "session.list", "assignment.read",
                "goal.list", "check_in.history_read", "invitation.read", "session-note.save", "assignment.listed"};
        dsl.execute("""
                insert into audit_event (occurred_at, clinic_id, actor_account_id, actor, action, subject_type,
                        subject_id, outcome, detail, address)
                select {0} - make_interval(secs => (n / 2) * 31.5),
                       {1},
                       (a.ids)[1 + n % array_length(a.ids, 1)],
                       'staff' || (n % array_length(a.ids, 1)) || '@bench.example',
                       case when n % 500 = 0 then 'access.denied'
                            else ({2}::text[])[1 + (n / 7) % 10] end,
                       case when n % 500 = 0 then null
                            when n % 3 = 0 and array_length(c.ids, 1) > 0 then 'couple' else 'account' end,
                       case when n % 500 = 0 then null
                            when n % 3 = 0 and array_length(c.ids, 1) > 0 then (c.ids)[1 + (n / 3) % array_length(c.ids, 1)]
                            else (a.ids)[1 + n % array_length(a.ids, 1)] end,
                       case when n % 500 = 0 then 'DENIED' when n % 997 = 0 then 'FAILURE' else 'SUCCESS' end,
                       'offset 0, ' || (n % 40) || ' couples',
                       '10.0.' || (n % 250) || '.' || (n % 199)
                from generate_series(1, {3}) n,
                     (select {4}::bigint[] ids) a,
                     (select {5}::bigint[] ids) c
                """, inline(TestClock.START_AT), inline(clinicId), inline(actions), inline(count),
                inline(actors.toArray(Long[]::new)), inline(coupleIds.toArray(Long[]::new)));
    }
}
