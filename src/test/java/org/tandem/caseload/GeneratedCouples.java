package org.tandem.caseload;

import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;

import org.jooq.DSLContext;
import org.tandem.support.TestClock;

/** A therapist's caseload of any size made set-based, for the tests that count what a page costs. */
public final class GeneratedCouples {

    private GeneratedCouples() {}

    /**
     * Couples numbered from {@code from} on, each with partners "Given{n} Family{n}" and "Other{n}
     * Family{n}", a held session 1–4 weeks ago, a cancelled one and one scheduled 1–3 weeks ahead;
     * the balance summary the balance feature keeps (every third couple needs attention) and, when asked, six weekly
     * check-ins of each partner with their answers; a few set-based statements, whatever the number.
     */
    public static void generate(DSLContext dsl, long clinicId, long therapistId, int from, int to,
            boolean withCheckIns) {
        dsl.execute("""
                create temporary table generated_couple on commit drop as
                with made as (
                    insert into couple (clinic_id, status, created_at, updated_at)
                    select {0}, (array['INTAKE','ACTIVE','ACTIVE','PAUSED','CLOSED'])[1 + n % 5], {3}, {3}
                    from generate_series({1}, {2}) n
                    returning id
                )
                select id, {1} - 1 + row_number() over (order by id) as n from made
                """, inline(clinicId), inline(from), inline(to), inline(TestClock.START_AT));
        dsl.execute("""
                insert into partner (clinic_id, couple_id, position, full_name, preferred_name)
                select {0}, id, 1, 'Given' || n || ' Family' || n, case when n % 7 = 0 then 'Nick' || n end
                from generated_couple
                union all
                select {0}, id, 2, 'Other' || n || ' Family' || n, null from generated_couple
                """, inline(clinicId));
        dsl.execute("""
                insert into couple_therapist (clinic_id, couple_id, account_id, role, assigned_at)
                select {0}, id, {1}, 'PRIMARY', {2} from generated_couple
                """, inline(clinicId), inline(therapistId), inline(TestClock.START_AT));
        dsl.execute("""
                insert into couple_session (clinic_id, couple_id, starts_at, duration_minutes, modality, status, created_by,
                        created_at)
                select {0}, id, {2} - make_interval(days => 7 + (n % 21)::int), 50, 'IN_PERSON', 'HELD', {1}, {2}
                from generated_couple
                union all
                select {0}, id, {2} - make_interval(days => 3), 50, 'VIDEO', 'CANCELLED', {1}, {2} from generated_couple
                union all
                select {0}, id, {2} + make_interval(days => 7 + (n % 14)::int), 50, 'VIDEO', 'SCHEDULED', {1}, {2}
                from generated_couple
                """, inline(clinicId), inline(therapistId), inline(TestClock.START_AT));
        // The balance summary the balance feature keeps: every third couple needs attention.
        dsl.execute("""
                insert into balance_summary (clinic_id, couple_id, partner_one_zone, partner_one_trend,
                        partner_two_zone, partner_two_trend, alerts, refreshed_at)
                select {0}, id, 'BALANCED', 'UP', 'DISTANT', 'FLAT', case when n % 3 = 0 then 1 + n % 4 else 0 end, {1}
                from generated_couple
                """, inline(clinicId), inline(TestClock.START_AT));
        if (withCheckIns) {
            checkIns(dsl, "generated_couple", 0, 5);
        }
        dsl.execute("drop table generated_couple");
    }

    /**
     * Both partners ("Bench{id} Partner1" and "…2") of the couples whose ids are in table {@code couples}, with the
     * therapist as each couple's primary.
     */
    public static void partnersAndTherapist(DSLContext dsl, String couples, long clinicId, long therapistId) {
        dsl.execute("""
                insert into partner (clinic_id, couple_id, position, full_name)
                select {0}, id, pos, 'Bench' || id || ' Partner' || pos
                from {1}, generate_series(1, 2) pos
                """, inline(clinicId), name(couples));
        dsl.execute("""
                insert into couple_therapist (clinic_id, couple_id, account_id, role, assigned_at)
                select {0}, id, {1}, 'PRIMARY', {2} from {3}
                """, inline(clinicId), inline(therapistId), inline(TestClock.START_AT), name(couples));
    }

    /**
     * Weekly check-ins of each partner of the couples whose ids are in table {@code couples}, submitted {@code first}
     * to {@code last} weeks (and a day) ago, each with its ten answers.
     */
    public static void checkIns(DSLContext dsl, String couples, int first, int last) {
        dsl.execute("""
                insert into check_in (clinic_id, couple_id, partner_id, instrument_number, opens_at, created_at,
                        closeness, submitted_at)
                select p.clinic_id, p.couple_id, p.id, 1, {0} - make_interval(days => 7 * week + 2),
                       {0} - make_interval(days => 7 * week + 2), 1 + (p.id + week) % 7,
                       {0} - make_interval(days => 7 * week + 1)
                from partner p join {1} c on c.id = p.couple_id, generate_series({2}, {3}) week
                """, inline(TestClock.START_AT), name(couples), inline(first), inline(last));
        dsl.execute("""
                insert into check_in_answer (clinic_id, check_in_id, item_code, value)
                select c.clinic_id, c.id, code, (c.id * 31 + ascii(code) * 7 + ascii(substr(code, 2, 1))) % 7
                from check_in c join {0} g on g.id = c.couple_id,
                     unnest(array['I1','I2','I3','I4','I5','C1','C2','C3','C4','C5']) code
                where not exists (select 1 from check_in_answer a where a.check_in_id = c.id)
                """, name(couples));
    }
}
