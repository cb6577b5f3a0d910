package org.tandem.performance;

import static org.jooq.impl.DSL.inline;
import static org.tandem.jooq.Tables.ACCOUNT;
import static org.tandem.jooq.Tables.COUPLE_THERAPIST;
import static org.tandem.jooq.Tables.PARTNER;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationContext;
import javax.sql.DataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.database.TenantScope;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.Statistics;
import org.tandem.caseload.GeneratedCouples;
import org.tandem.support.TestClock;

/**
 * A clinic of the size the memory and load benchmarks need, committed, made with set-based SQL (as
 * {@code BalanceBenchmark} makes its couples) so that thousands of couples take seconds: {@code therapists}
 * therapists of {@code couplesEach} active couples each, every partner with an account (role CLIENT) they sign in
 * with, {@code weeks} weekly held sessions and submitted check-ins per partner (every statement answered), one
 * session next week, and the balance summaries the caseload shows computed as the startup sweep computes them.
 */
final class LoadNetwork {

    /** A couple of the network and its partners' sign-in addresses. */
    record Couple(long id, String partnerOne, String partnerTwo) {}

    /** A therapist of the network and the couples they are primary therapist of, in the order they were made. */
    record Therapist(Person person, List<Couple> couples) {}

    private final long clinicId;
    private final List<Therapist> therapists;

    private LoadNetwork(long clinicId, List<Therapist> therapists) {
        this.clinicId = clinicId;
        this.therapists = therapists;
    }

    long clinicId() {
        return clinicId;
    }

    List<Therapist> therapists() {
        return therapists;
    }

    static LoadNetwork build(ApplicationContext context, int therapistCount, int couplesEach, int weeks) {
        Fixtures fixtures = context.getBean(Fixtures.class);
        DSLContext dsl = context.getBean(DSLContext.class);
        TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        String run = Long.toString(System.nanoTime(), 36);
        List<Person> people = new ArrayList<>();
        fixtures.committed(() -> {
            Fixtures.Clinic clinic = fixtures.clinic("Load " + run);
            for (int i = 0; i < therapistCount; i++) {
                people.add(fixtures.therapist(clinic, "Load Therapist " + i + " " + run));
            }
        });
        long clinicId = people.getFirst().clinicId();
        transaction.executeWithoutResult(status -> TenantScope.clinic(clinicId,
                () -> insertCouples(dsl, clinicId, people, couplesEach, weeks, run)));
        transaction.executeWithoutResult(status -> refreshSummaries(context, clinicId));
        Statistics.analyzeCommitted(context.getBean("ownerDataSource", DataSource.class));
        List<Therapist> therapists = new ArrayList<>();
        transaction.executeWithoutResult(status -> TenantScope.clinic(clinicId, () -> {
            for (Person person : people) {
                therapists.add(new Therapist(person, couplesOf(dsl, person.accountId())));
            }
        }));
        return new LoadNetwork(clinicId, therapists);
    }

    private static List<Couple> couplesOf(DSLContext dsl, long therapistId) {
        var one = PARTNER.as("one");
        var two = PARTNER.as("two");
        var accountOne = ACCOUNT.as("account_one");
        var accountTwo = ACCOUNT.as("account_two");
        return dsl.select(COUPLE_THERAPIST.COUPLE_ID, accountOne.EMAIL, accountTwo.EMAIL)
                .from(COUPLE_THERAPIST)
                .join(one).on(one.COUPLE_ID.eq(COUPLE_THERAPIST.COUPLE_ID), one.POSITION.eq((short) 1))
                .join(two).on(two.COUPLE_ID.eq(COUPLE_THERAPIST.COUPLE_ID), two.POSITION.eq((short) 2))
                .join(accountOne).on(accountOne.ID.eq(one.ACCOUNT_ID))
                .join(accountTwo).on(accountTwo.ID.eq(two.ACCOUNT_ID))
                .where(COUPLE_THERAPIST.ACCOUNT_ID.eq(therapistId))
                .orderBy(COUPLE_THERAPIST.COUPLE_ID)
                .fetch(row -> new Couple(row.value1(), row.value2(), row.value3()));
    }

    private static void insertCouples(DSLContext dsl, long clinicId, List<Person> therapists, int couplesEach,
            int weeks, String run) {
        dsl.execute("create temporary table load_therapist (n int, account_id bigint) on commit drop");
        for (int i = 0; i < therapists.size(); i++) {
            dsl.execute("insert into load_therapist values ({0}, {1})", inline(i),
                    inline(therapists.get(i).accountId()));
        }
        dsl.execute("""
                create temporary table load_couple on commit drop as
                with made as (
                    insert into couple (clinic_id, status, created_at, updated_at)
                    select {0}, 'ACTIVE', {2}, {2} from generate_series(1, {1})
                    returning id
                )
                select id, (row_number() over (order by id) - 1) / {3} as therapist from made
                """, inline(clinicId), inline(therapists.size() * couplesEach),
                inline(TestClock.START_AT.minusWeeks(weeks + 1)), inline(couplesEach));
        dsl.execute("""
                insert into couple_therapist (clinic_id, couple_id, account_id, role, assigned_at)
                select {0}, c.id, t.account_id, 'PRIMARY', {1}
                from load_couple c join load_therapist t on t.n = c.therapist
                """, inline(clinicId), inline(TestClock.START_AT.minusWeeks(weeks + 1)));
        dsl.execute("""
                insert into couple_status_change (clinic_id, couple_id, to_status, changed_by, changed_at)
                select {0}, c.id, 'ACTIVE', t.account_id, {1}
                from load_couple c join load_therapist t on t.n = c.therapist
                """, inline(clinicId), inline(TestClock.START_AT.minusWeeks(weeks + 1)));
        dsl.execute("""
                create temporary table load_partner on commit drop as
                with made as (
                    insert into account (clinic_id, email, display_name, created_at)
                    select {0}, 'load.' || {1} || '.' || c.id || '.' || pos || '@load.example',
                           'Load Partner ' || c.id || '.' || pos, {2}
                    from load_couple c, generate_series(1, 2) pos
                    returning id, email
                )
                select id as account_id, split_part(email, '.', 3)::bigint as couple_id,
                       split_part(split_part(email, '.', 4), '@', 1)::smallint as position, email
                from made
                """, inline(clinicId), inline(run), inline(TestClock.START_AT.minusWeeks(weeks + 1)));
        dsl.execute("""
                insert into account_role (clinic_id, account_id, role) select {0}, account_id, 'CLIENT' from load_partner
                """, inline(clinicId));
        dsl.execute("""
                insert into partner (clinic_id, couple_id, account_id, position, full_name, email)
                select {0}, couple_id, account_id, position, 'Load Partner ' || couple_id || '.' || position, email
                from load_partner
                """, inline(clinicId));
        dsl.execute("""
                insert into couple_session (clinic_id, couple_id, starts_at, duration_minutes, modality, status,
                        created_by, created_at)
                select {0}, c.id, {1} - make_interval(days => 7 * week) + make_interval(mins => 10 * (c.id % 48)::int),
                       50, 'IN_PERSON', case when week > 0 then 'HELD' else 'SCHEDULED' end, t.account_id, {2}
                from load_couple c join load_therapist t on t.n = c.therapist, generate_series(-1, {3}) week
                """, inline(clinicId), inline(TestClock.START_AT.plusHours(3)),
                inline(TestClock.START_AT.minusWeeks(weeks + 1)), inline(weeks));
        GeneratedCouples.checkIns(dsl, "load_couple", 1, weeks);
    }

    /**
     * The balance summaries, as the startup sweep computes them (the caseload shows them): {@code BalanceSummaries}
     * is the balance feature's own, reached here by its name.
     */
    private static void refreshSummaries(ApplicationContext context, long clinicId) {
        try {
            Class<?> type = Class.forName("org.tandem.balance.BalanceSummaries");
            Object summaries = context.getBean(type);
            Method refresh = type.getMethod("refreshClinic", long.class);
            refresh.setAccessible(true);
            TenantScope.clinic(clinicId, () -> {
                try {
                    refresh.invoke(summaries, clinicId);
                } catch (ReflectiveOperationException failure) {
                    throw new IllegalStateException(failure);
                }
            });
        } catch (ReflectiveOperationException failure) {
            throw new IllegalStateException(failure);
        }
    }
}
