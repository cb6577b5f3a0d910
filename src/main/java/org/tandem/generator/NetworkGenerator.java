package org.tandem.generator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.balance.BalanceDataWritten;
import org.tandem.database.TenantScope;

/**
 * Fills the database with a clinic network for measuring Tandem at size (issue 15). At scale 1.0: 20 clinics, each
 * with an admin and 10 therapists; 10,000 couples (20,000 partner accounts) spread evenly over the therapists, each
 * with 50 sessions (clinician notes on the held ones), 100 balance check-ins (each partner's answers to the ten items),
 * 500 workbook answers and 200 audit rows. A scale multiplies the couples and the clinics (at least one clinic, always
 * 10 therapists each), so that a caseload stays about 50 couples; every per-couple figure stays as it is.
 *
 * <p>Like the demo, its distributions: couples active (55%), at intake (8%), paused (12%) or closed (25%); each
 * partner's latest zone balanced (45%), distant (20%), fused (20%) or disconnected (15%), two in three partners
 * steady since their baseline and the others coming from anywhere; sessions every one or two weeks over up to three
 * years before the application's clock, mostly held, some cancelled or missed; assignments reviewed, submitted, in
 * progress (overdue for a fifth of the active couples; a paused or closed couple's unfinished work has no due date)
 * and not started. Every sign-in's password is {@link #PASSWORD}.
 *
 * <p>Written as the schema's owner (the embedded database's superuser, which row-level security does not restrict),
 * set-based ({@code insert … select} over {@code generate_series} and small temporary tables), with
 * {@code session_replication_role = replica} so that the foreign-key triggers, whose every key this generator makes
 * itself, do not run per row. Deterministic: {@code setseed} at the start of each run. One transaction per run;
 * afterwards the application recomputes every generated clinic's balance summaries itself and the tables are analysed.
 */
@Component
@Profile("!prod")
public class NetworkGenerator {

    /** The password of every generated account. */
    public static final String PASSWORD = "tandem-network-2026";

    static final int CLINICS = 20;
    static final int THERAPISTS_PER_CLINIC = 10;
    static final int COUPLES = 10_000;
    static final int SESSIONS_PER_COUPLE = 50;
    static final int CHECK_INS_PER_COUPLE = 100;
    static final int ANSWERS_PER_COUPLE = 500;
    static final int AUDIT_ROWS_PER_COUPLE = 200;
    /** Audit rows of a couple added by {@link #generateCaseload}: enough to page, without dwarfing the rest. */
    static final int CASELOAD_AUDIT_ROWS_PER_COUPLE = 20;

    private static final Logger log = LoggerFactory.getLogger(NetworkGenerator.class);

    private final ObjectProvider<DataSource> owner;
    private final Clock clock;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate ownTransaction;
    private @Nullable String passwordHash;
    private volatile Map<String, Long> lastTimings = Map.of();

    NetworkGenerator(@Qualifier("ownerDataSource") ObjectProvider<DataSource> owner, Clock clock,
            PasswordEncoder passwordEncoder, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.owner = owner;
        this.clock = clock;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** What each generated couple gets. */
    record Shape(int couples, int sessions, int checkIns, int answers, int auditRows) {

        Shape {
            if (couples < 0 || sessions < 1 || checkIns < 0 || answers < 0 || auditRows < 0) {
                throw new IllegalArgumentException("Nothing negative, and at least one session per couple");
            }
        }
    }

    /** A network of {@code scale} × (20 clinics, 10,000 couples …), added to whatever the database holds. */
    public GeneratedNetwork generate(double scale) {
        if (!(scale > 0) || scale > 100) {
            throw new IllegalArgumentException("The scale must be above 0 and at most 100, was " + scale);
        }
        int clinics = Math.max(1, (int) Math.round(CLINICS * scale));
        int couples = Math.max(1, (int) Math.round(COUPLES * scale));
        Shape shape = new Shape(couples, SESSIONS_PER_COUPLE, CHECK_INS_PER_COUPLE, ANSWERS_PER_COUPLE,
                AUDIT_ROWS_PER_COUPLE);
        return run(shape, (sql, connection) -> {
            sql.run("clinics", """
                    create temp table gen_clinic on commit drop as
                    select g as ord, nextval('{clinic_seq}') as id from generate_series(0, {C} - 1) g""");
            sql.run(null, """
                    insert into clinic (id, name, created_at) overriding system value
                    select id, (array[{CITIES}])[ord % {CITIES_COUNT} + 1] || ' Couples Practice'
                            || case when ord >= {CITIES_COUNT} then ' ' || (ord / {CITIES_COUNT} + 1) else '' end,
                        {now} - interval '3 years 60 days'
                    from gen_clinic""");
            sql.run("staff", """
                    create temp table gen_staff on commit drop as
                    select c.id as clinic_id, c.ord as clinic_ord, k, nextval('{account_seq}') as id,
                        case when k = 0 then 'admin@c' || c.id || '.network.example'
                            else 'therapist' || k || '@c' || c.id || '.network.example' end as email,
                        (array[{FIRST}])[1 + floor(random() * {FIRST_COUNT})::int] || ' '
                            || (array[{LAST}])[1 + floor(random() * {LAST_COUNT})::int] as name
                    from gen_clinic c cross join generate_series(0, {T}) k""");
            sql.runWithHash("""
                    insert into account (id, clinic_id, email, display_name, password_hash, created_at)
                        overriding system value
                    select id, clinic_id, email, name, ?, {now} - interval '3 years 60 days' from gen_staff""");
            sql.run(null, """
                    insert into account_role (clinic_id, account_id, role)
                    select clinic_id, id, case when k = 0 then 'ADMIN' else 'THERAPIST' end from gen_staff""");
            writeCouples(sql, connection);
            return new Made(sql.longs("select id from gen_clinic order by ord"),
                    sql.longs("select id from gen_staff where k > 0 order by clinic_ord, k"));
        }, Map.of("C", clinics, "T", THERAPISTS_PER_CLINIC));
    }

    /**
     * Adds {@code couples} couples to one therapist's caseload (as primary therapist) in their clinic, each with
     * {@code checkInsPerCouple} check-ins (half each partner; a session for each of a partner's check-ins),
     * {@code answersPerCouple} workbook answers, their assignments and 20 audit rows. For comparing a caseload of 10
     * with one of 10,000.
     */
    public GeneratedNetwork generateCaseload(long clinicId, long therapistAccountId, int couples,
            int checkInsPerCouple, int answersPerCouple) {
        Shape shape = new Shape(couples, Math.max(2, (checkInsPerCouple + 1) / 2), checkInsPerCouple,
                answersPerCouple, CASELOAD_AUDIT_ROWS_PER_COUPLE);
        return run(shape, (sql, connection) -> {
            sql.run("caseload", """
                    create temp table gen_staff on commit drop as
                    select a.clinic_id, 0 as clinic_ord, 1 as k, a.id, a.email, a.display_name as name
                    from account a join account_role r on r.account_id = a.id and r.role = 'THERAPIST'
                    where a.id = {therapist} and a.clinic_id = {clinic}""");
            if (sql.longs("select id from gen_staff").isEmpty()) {
                throw new IllegalArgumentException(
                        "Account " + therapistAccountId + " is no therapist of clinic " + clinicId);
            }
            writeCouples(sql, connection);
            return new Made(List.of(clinicId), List.of(therapistAccountId));
        }, Map.of("C", 1, "T", 1, "clinic", clinicId, "therapist", therapistAccountId));
    }

    private record Made(List<Long> clinicIds, List<Long> therapistIds) {}

    @FunctionalInterface
    private interface Work {
        Made write(Sql sql, Connection connection) throws SQLException;
    }

    private GeneratedNetwork run(Shape shape, Work work, Map<String, Object> values) {
        DataSource dataSource = owner.getIfAvailable();
        if (dataSource == null) {
            throw new IllegalStateException("The network generator writes as the schema's owner, which only the "
                    + "embedded database provides (no spring.datasource.url)");
        }
        long started = System.nanoTime();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String hash = hash();
        Made made;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            Sql sql = new Sql(connection, shape, now, hash, values);
            try {
                sql.prepare();
                made = work.write(sql, connection);
                sql.mark("commit");
                connection.commit();
            } catch (SQLException | RuntimeException failure) {
                connection.rollback();
                throw failure;
            }
            sql.mark("balance summaries");
            refreshSummaries(made.clinicIds());
            connection.setAutoCommit(true);
            sql.run("analyse", "analyze clinic, account, account_role, couple, partner, couple_therapist, "
                    + "couple_status_change, couple_session, session_note, check_in, check_in_answer, "
                    + "module_assignment, assignment_work, answer, feedback, audit_event, balance_summary");
            sql.mark(null);
            lastTimings = Map.copyOf(sql.timings);
        } catch (SQLException failure) {
            throw new IllegalStateException("Could not generate the network: " + failure.getMessage(), failure);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        GeneratedNetwork network = new GeneratedNetwork(made.clinicIds(), made.therapistIds(), shape.couples(),
                (long) shape.couples() * shape.checkIns(), (long) shape.couples() * shape.answers(),
                (long) shape.couples() * shape.auditRows(), took);
        log.info("Generated {} couples in {} clinics: {} check-ins, {} answers, {} audit rows in {} s",
                network.couples(), network.clinicIds().size(), network.checkIns(), network.answers(),
                network.auditRows(), took.toMillis() / 1000.0);
        return network;
    }

    /** How long each step of the latest run took, in milliseconds (for the benchmark's figures). */
    Map<String, Long> lastTimings() {
        return lastTimings;
    }

    /** Whether this database already holds a generated network (its clinics' admins sign in at network.example). */
    boolean generatedBefore() {
        DataSource dataSource = Objects.requireNonNull(owner.getIfAvailable(), "no owner data source");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "select exists (select 1 from account where email like 'admin@c%.network.example')")) {
            return row.next() && row.getBoolean(1);
        } catch (SQLException failure) {
            throw new IllegalStateException("Could not read the database", failure);
        }
    }

    private synchronized String hash() {
        // Hashing is deliberately slow and every generated account has the same password: once per generator.
        if (passwordHash == null) {
            passwordHash = passwordEncoder.encode(PASSWORD);
        }
        return passwordHash;
    }

    /**
     * The application's own computation of each couple's zones, trends and alerts (BalanceSummaries, as the background
     * recompute after a change of the clinic's balance settings does), each clinic in a transaction of its own that commits whatever the
     * caller's transaction does.
     */
    private void refreshSummaries(List<Long> clinicIds) {
        int threads = Math.min(clinicIds.size(), Math.max(2, Runtime.getRuntime().availableProcessors()));
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (long clinicId : clinicIds) {
                done.add(pool.submit(() -> TenantScope.clinic(clinicId, () -> ownTransaction.executeWithoutResult(
                        status -> events.publishEvent(new BalanceDataWritten(clinicId))))));
            }
            for (Future<?> clinic : done) {
                clinic.get();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the balance summaries were recomputed", interrupted);
        } catch (ExecutionException failed) {
            throw new IllegalStateException("Could not recompute the balance summaries", failed.getCause());
        }
    }

    /**
     * Couples of the therapists in {@code gen_staff} (round robin over clinics, then over each clinic's therapists
     * {@code k = 1..T}), with partners and their accounts, sessions and notes, check-ins, workbook and audit trail.
     */
    private static void writeCouples(Sql sql, Connection connection) throws SQLException {
        sql.run("couples", """
                create temp table gen_couple0 on commit drop as
                select g as ord, nextval('{couple_seq}') as id, g % {C} as clinic_ord, (g / {C}) % {T} + 1 as k,
                    random() as r_status, random() as r_every, random() as r_anchor, random() as r_hour,
                    random() as r_min, random() as r_co, random() as r_mod, random() as r_dur, random() as r_since,
                    nextval('{partner_seq}') as p1_id, nextval('{partner_seq}') as p2_id,
                    nextval('{account_seq}') as a1_id, nextval('{account_seq}') as a2_id,
                    1 + floor(random() * {FIRST_COUNT})::int as f1, 1 + floor(random() * {FIRST_COUNT})::int as f2,
                    1 + floor(random() * {LAST_COUNT})::int as l1, 1 + floor(random() * {LAST_COUNT})::int as l2,
                    random() as r_same, random() as pr1, random() as pr2, random() as sh1, random() as sh2,
                    random() as z1, random() as x1, random() as y1, random() as z2, random() as x2, random() as y2,
                    random() as near1, random() as near2,
                    8 + floor(random() * 19)::int as if1, 8 + floor(random() * 19)::int as cf1,
                    8 + floor(random() * 19)::int as if2, 8 + floor(random() * 19)::int as cf2
                from generate_series(0, {N} - 1) g""");
        sql.run(null, """
                create temp table gen_couple on commit drop as
                with base as (
                    select b.*, t.clinic_id, t.id as therapist_id, t.email as therapist_email,
                        co.id as co_therapist_id,
                        case when r_status < 0.55 then 'ACTIVE' when r_status < 0.63 then 'INTAKE'
                            when r_status < 0.75 then 'PAUSED' else 'CLOSED' end as status,
                        least(case when r_every < 0.6 then 7 else 14 end,
                            greatest(1, 1000 / greatest({S} - 1, 1))) as every,
                        make_interval(hours => 8 + floor(r_hour * 9)::int,
                            mins => case when r_min < 0.5 then 0 else 30 end) as at_time,
                        case when r_mod < 0.34 then 'VIDEO' else 'IN_PERSON' end as modality,
                        case when r_dur < 0.25 then 90 else 50 end as duration,
                        (array[{FIRST}])[f1] as p1_first, (array[{FIRST}])[f2] as p2_first,
                        (array[{LAST}])[l1] as p1_last,
                        case when r_same < 0.4 then (array[{LAST}])[l1] else (array[{LAST}])[l2] end as p2_last
                    from gen_couple0 b
                    join gen_staff t on t.clinic_ord = b.clinic_ord and t.k = b.k
                    left join gen_staff co on {T} > 1 and b.r_co < 0.1 and co.clinic_ord = b.clinic_ord
                        and co.k = b.k % {T} + 1
                ), anchored as (
                    select base.*,
                        case status
                            when 'PAUSED' then {today} - 35 - floor(r_anchor * 90)::int
                            when 'CLOSED' then {today} - 56
                                - floor(r_anchor * greatest(0, 1095 - 56 - ({S} - 1) * every))::int
                            else {today} + 1 + floor(r_anchor * 6)::int end as anchor_day
                    from base
                )
                select a.*,
                    (a.anchor_day + a.at_time) at time zone 'UTC' as anchor_at,
                    (a.anchor_day - ({S} - 1) * a.every + a.at_time) at time zone 'UTC' as first_at,
                    a.anchor_day - ({S} - 1) * a.every as first_day,
                    ((a.anchor_day - ({S} - 1) * a.every + a.at_time) at time zone 'UTC') - interval '3 days'
                        as created_at,
                    case when a.status in ('ACTIVE', 'INTAKE') then {today} else a.anchor_day end as ref_day,
                    case when a.status in ('ACTIVE', 'INTAKE') then {S} - 2 else {S} - 1 end as last_past,
                    'partner' || a.p1_id || '@c' || a.clinic_id || '.network.example' as p1_email,
                    'partner' || a.p2_id || '@c' || a.clinic_id || '.network.example' as p2_email
                from anchored a""");
        sql.run(null, """
                insert into couple (id, clinic_id, status, together_since, living_together, created_at, version,
                    presenting_concerns, updated_at, updated_by) overriding system value
                select id, clinic_id, status, first_day - (365 * (1 + floor(r_since * 20)))::int, r_since < 0.85,
                    created_at, 1,
                    string_to_array((array[{CONCERNS}])[ord % {CONCERNS_COUNT} + 1], ','),
                    case status when 'INTAKE' then created_at when 'ACTIVE' then first_at + interval '1 hour'
                        else anchor_at + interval '7 days' end,
                    therapist_id
                from gen_couple""");
        sql.run(null, """
                insert into couple_status_change (clinic_id, couple_id, from_status, to_status, changed_by, changed_at)
                select clinic_id, id, null, 'INTAKE', therapist_id, created_at from gen_couple
                union all
                select clinic_id, id, 'INTAKE', 'ACTIVE', therapist_id, first_at + interval '1 hour'
                from gen_couple where status <> 'INTAKE'
                union all
                select clinic_id, id, 'ACTIVE', status, therapist_id, anchor_at + interval '7 days'
                from gen_couple where status in ('PAUSED', 'CLOSED')""");
        sql.run(null, """
                insert into couple_therapist (clinic_id, couple_id, account_id, role, assigned_at)
                select clinic_id, id, therapist_id, 'PRIMARY', created_at from gen_couple
                union all
                select clinic_id, id, co_therapist_id, 'CO_THERAPIST', created_at + interval '14 days'
                from gen_couple where co_therapist_id is not null""");
        sql.run("partners", """
                create temp table gen_partner on commit drop as
                select c.id as couple_id, c.clinic_id, c.ord, 1 as pos, c.p1_id as id, c.a1_id as account_id,
                    c.p1_first || ' ' || c.p1_last as full_name, c.p1_email as email, c.pr1 as pr, c.sh1 as sh,
                    c.created_at + interval '1 day' as created_at,
                    c.if1 as i_start, c.cf1 as c_start, c.near1 as near,
                    case when c.z1 < 0.65 then 18 + floor(c.x1 * 9)::int else 8 + floor(c.x1 * 10)::int end as i_to,
                    case when c.z1 < 0.45 or (c.z1 >= 0.65 and c.z1 < 0.85) then 18 + floor(c.y1 * 9)::int
                        else 8 + floor(c.y1 * 10)::int end as c_to
                from gen_couple c
                union all
                select c.id, c.clinic_id, c.ord, 2, c.p2_id, c.a2_id, c.p2_first || ' ' || c.p2_last, c.p2_email,
                    c.pr2, c.sh2, c.created_at + interval '1 day', c.if2, c.cf2, c.near2,
                    case when c.z2 < 0.65 then 18 + floor(c.x2 * 9)::int else 8 + floor(c.x2 * 10)::int end,
                    case when c.z2 < 0.45 or (c.z2 >= 0.65 and c.z2 < 0.85) then 18 + floor(c.y2 * 9)::int
                        else 8 + floor(c.y2 * 10)::int end
                from gen_couple c""");
        // Two partners in three start near where they are now (a steady course), the others anywhere (a real change).
        sql.run(null, "alter table gen_partner add column i_from int, add column c_from int");
        sql.run(null, """
                update gen_partner set
                    i_from = case when near < 0.67 then least(30, greatest(0, i_to + i_start % 5 - 2)) else i_start end,
                    c_from = case when near < 0.67 then least(30, greatest(0, c_to + c_start % 5 - 2)) else c_start end""");
        sql.runWithHash("""
                insert into account (id, clinic_id, email, display_name, password_hash, created_at)
                    overriding system value
                select account_id, clinic_id, email, full_name, ?, created_at from gen_partner""");
        sql.run(null, """
                insert into account_role (clinic_id, account_id, role)
                select clinic_id, account_id, 'CLIENT' from gen_partner""");
        sql.run(null, """
                insert into partner (id, clinic_id, couple_id, account_id, position, full_name, pronouns, email,
                    version, shares_scores) overriding system value
                select id, clinic_id, couple_id, account_id, pos, full_name,
                    case when pr < 0.45 then 'she/her' when pr < 0.9 then 'he/him' else 'they/them' end,
                    email, 1, sh < 0.6
                from gen_partner""");
        writeSessions(sql);
        writeCheckIns(sql);
        writeWorkbook(sql, connection);
        writeAudit(sql);
    }

    private static void writeSessions(Sql sql) throws SQLException {
        sql.run("sessions", """
                create temp table gen_session on commit drop as
                select nextval('{session_seq}') as id, x.clinic_id, x.couple_id, x.ord, x.s, x.starts_at,
                    case when x.starts_at >= {now} then 'SCHEDULED'
                        when x.s = 0 or x.s = x.last_past or x.r < 0.84 then 'HELD'
                        when x.r < 0.94 then 'CANCELLED' else 'NO_SHOW' end as status,
                    case when x.r_mod < 0.17 then
                        case x.modality when 'VIDEO' then 'IN_PERSON' else 'VIDEO' end
                        else x.modality end as modality,
                    x.duration, x.therapist_id, x.created_at, x.p1_first, x.p2_first
                from (
                    select c.clinic_id, c.id as couple_id, c.ord, s, c.last_past, c.modality, c.duration,
                        c.therapist_id, c.p1_first, c.p2_first,
                        c.first_at + s * c.every * interval '1 day' as starts_at,
                        greatest(c.created_at, c.first_at + s * c.every * interval '1 day' - interval '14 days')
                            as created_at,
                        random() as r, random() as r_mod
                    from gen_couple c cross join generate_series(0, {S} - 1) s
                ) x""");
        sql.run(null, """
                insert into couple_session (id, clinic_id, couple_id, starts_at, duration_minutes, modality, status,
                    created_by, created_at, version) overriding system value
                select id, clinic_id, couple_id, starts_at, duration, modality, status, therapist_id, created_at,
                    case when status = 'SCHEDULED' then 0 else 1 end
                from gen_session""");
        sql.run("notes", """
                insert into session_note (session_id, clinic_id, body, updated_by, updated_at, version)
                select id, clinic_id,
                    replace(replace((array[{NOTES}])[(ord + s) % {NOTES_COUNT} + 1], '{a}', p1_first), '{b}', p2_first),
                    therapist_id, starts_at + (duration + 30) * interval '1 minute', 1
                from gen_session where status = 'HELD'""");
    }

    private static void writeCheckIns(Sql sql) throws SQLException {
        sql.run("check-ins", """
                create temp table gen_check_in on commit drop as
                select nextval('{check_in_seq}') as id, y.*,
                    least(30, greatest(0, round(y.i_from + (y.i_to - y.i_from) * y.progress)::int + y.noise_i)) as isum,
                    least(30, greatest(0, round(y.c_from + (y.c_to - y.c_from) * y.progress)::int + y.noise_c)) as csum
                from (
                    select x.*,
                        case when x.session_id is not null then x.starts_at - interval '48 hours'
                            else {now} - ({KP} - x.j) * interval '1 day' - interval '3 hours' end as opens_at,
                        case when x.session_id is not null
                            then x.starts_at - (1 + floor(x.r1 * 47)) * interval '1 hour'
                                - floor(x.r2 * 60) * interval '1 minute'
                            else {now} - ({KP} - x.j) * interval '1 day' - interval '1 hour' end as submitted_at
                    from (
                        select p.clinic_id, p.couple_id, p.id as partner_id, p.pos, j, c.therapist_id,
                            s.id as session_id, s.starts_at,
                            j::numeric / greatest({KP} - 1, 1) as progress,
                            p.i_from, p.i_to, p.c_from, p.c_to,
                            case when j = 0 or j = {KP} - 1 then 0 else floor(random() * 5)::int - 2 end as noise_i,
                            case when j = 0 or j = {KP} - 1 then 0 else floor(random() * 5)::int - 2 end as noise_c,
                            random() as r1, random() as r2
                        from gen_partner p
                        join gen_couple c on c.id = p.couple_id
                        cross join generate_series(0, {KP} - 1) j
                        left join gen_session s on s.couple_id = p.couple_id and s.s = j and s.starts_at < {now}
                    ) x
                ) y""");
        sql.run(null, """
                insert into check_in (id, clinic_id, couple_id, partner_id, instrument_number, session_id,
                    requested_by, opens_at, created_at, closeness, submitted_at, version) overriding system value
                select id, clinic_id, couple_id, partner_id, 1, session_id,
                    case when session_id is null then therapist_id end, opens_at, opens_at,
                    least(7, greatest(1, 1 + round(csum / 5.0)))::smallint, submitted_at, 1
                from gen_check_in""");
        sql.run("check-in answers", """
                insert into check_in_answer (clinic_id, check_in_id, item_code, value)
                select ci.clinic_id, ci.id, it.code,
                    (case when it.reversed then 6 - kv.v else kv.v end)::smallint
                from gen_check_in ci
                cross join (values ('I1', 0, true, false), ('I2', 1, true, false), ('I3', 2, true, true),
                    ('I4', 3, true, false), ('I5', 4, true, false), ('C1', 0, false, false),
                    ('C2', 1, false, false), ('C3', 2, false, false), ('C4', 3, false, true),
                    ('C5', 4, false, false)) it(code, idx, independence, reversed)
                cross join lateral (
                    select case when it.independence then ci.isum else ci.csum end / 5
                        + case when ((it.idx - ci.j) % 5 + 5) % 5
                            < case when it.independence then ci.isum else ci.csum end % 5 then 1 else 0 end as v
                ) kv""");
    }

    private static void writeWorkbook(Sql sql, Connection connection) throws SQLException {
        WorkbookPlan plan = WorkbookPlan.read(connection);
        plan.write(connection, sql.shape.answers(), sql.today);
        sql.values.put("NM", plan.offsets());
        sql.values.put("V", WorkbookPlan.VARIANTS);
        sql.run("assignments", """
                create temp table gen_assignment on commit drop as
                select nextval('{assignment_seq}') as id, x.*,
                    (x.assigned_day + time '17:00') at time zone 'UTC' as assigned_at,
                    case when x.kind in ('IN_PROGRESS', 'NOT_STARTED') and x.status in ('PAUSED', 'CLOSED') then null
                        else x.assigned_day + case x.kind when 'IN_PROGRESS' then 14 when 'NOT_STARTED' then 13
                            else 10 end end as due_on,
                    case when x.kind = 'REVIEWED'
                        then least({now} - interval '1 hour', (x.assigned_day + 7 + time '18:30') at time zone 'UTC')
                        end as reviewed_at
                from (
                    select c.clinic_id, c.id as couple_id, c.therapist_id, c.ord, c.status, pl.seq, pl.mv_id, pl.kind,
                        pl.n1, pl.n2,
                        case pl.kind
                            when 'IN_PROGRESS' then c.ref_day - case when c.ord % 5 = 0 then 16 else 6 end
                            when 'NOT_STARTED' then c.ref_day - 1
                            else c.first_day + greatest(0, c.ref_day - 20 - c.first_day) * (pl.seq + 1) / (pl.f + 1)
                            end as assigned_day
                    from gen_couple c join gen_plan pl on pl.o = c.ord % {NM}
                ) x""");
        sql.run(null, """
                insert into module_assignment (id, clinic_id, couple_id, module_version_id, mode, due_on,
                    assigned_by, assigned_at, reviewed_by, reviewed_at, version) overriding system value
                select id, clinic_id, couple_id, mv_id, 'SEPARATE', due_on, therapist_id, assigned_at,
                    case when reviewed_at is not null then therapist_id end, reviewed_at,
                    case when reviewed_at is not null then 1 else 0 end
                from gen_assignment""");
        sql.run("works", """
                create temp table gen_work on commit drop as
                select nextval('{work_seq}') as id, a.clinic_id, a.id as assignment_id, a.seq, a.kind, a.mv_id,
                    a.therapist_id, a.reviewed_at, p.id as partner_id, p.account_id, p.pos,
                    case when p.pos = 1 then a.n1 else a.n2 end as n,
                    case when a.kind in ('REVIEWED', 'SUBMITTED')
                            then least({now} - interval '2 hours', (a.assigned_day + 1 + p.pos + time '20:00')
                                at time zone 'UTC')
                        when a.kind = 'IN_PROGRESS' and case when p.pos = 1 then a.n1 else a.n2 end > 0
                            then least({now} - interval '2 hours', (a.assigned_day + p.pos + time '21:00')
                                at time zone 'UTC')
                        end as started_at,
                    case when a.kind in ('REVIEWED', 'SUBMITTED')
                        then least({now} - interval '1 hour', (a.assigned_day + 2 + p.pos + time '21:15')
                            at time zone 'UTC') end as submitted_at
                from gen_assignment a join gen_partner p on p.couple_id = a.couple_id""");
        sql.run(null, """
                insert into assignment_work (id, clinic_id, assignment_id, partner_id, shared, started_at,
                    submitted_at, submitted_by, version) overriding system value
                select id, clinic_id, assignment_id, partner_id, false, started_at, submitted_at,
                    case when submitted_at is not null then account_id end,
                    case when started_at is not null then 1 else 0 end
                from gen_work""");
        sql.run("answers", """
                insert into answer (clinic_id, work_id, step_id, value, filled, shared, updated_by, updated_at,
                    version)
                select w.clinic_id, w.id, v.step_id, v.value, true, (w.seq + v.step_no + w.pos) % 5 = 0,
                    w.account_id,
                    coalesce(w.submitted_at - interval '10 minutes', w.started_at + interval '20 minutes'), 1
                from gen_work w
                join gen_step_value v on v.mv_id = w.mv_id and v.step_no < w.n
                    and v.variant = (w.seq + w.pos + v.step_no) % {V}""");
        sql.run(null, """
                insert into feedback (clinic_id, work_id, step_id, body, created_by, created_at)
                select clinic_id, id, null, (array[{FEEDBACK}])[seq % {FEEDBACK_COUNT} + 1], therapist_id,
                    reviewed_at - interval '30 minutes'
                from gen_work where kind = 'REVIEWED' and pos = 1""");
    }

    private static void writeAudit(Sql sql) throws SQLException {
        sql.run("audit", """
                insert into audit_event (occurred_at, clinic_id, actor_account_id, actor, action, subject_type,
                    subject_id, outcome, detail, address)
                select x.occurred, x.clinic_id,
                    case k.who when 'T' then x.therapist_id when 'P1' then x.a1_id else x.a2_id end,
                    case k.who when 'T' then x.therapist_email when 'P1' then x.p1_email else x.p2_email end,
                    k.action, k.subject_type,
                    case k.subject_type when 'couple' then x.id
                        when 'account' then case k.who when 'T' then x.therapist_id when 'P1' then x.a1_id
                            else x.a2_id end end,
                    case when k.action = 'auth.sign-in' and x.r2 < 0.03 then 'FAILURE' else 'SUCCESS' end,
                    case when k.action = 'auth.sign-in' and x.r2 < 0.03 then 'bad credentials' else k.detail end,
                    case k.who when 'T' then '192.0.2.' || (x.k + 10) else '198.51.100.' || (x.ord % 200 + 20) end
                from (
                    select c.*, r, c.created_at
                            + random() * (least({now}, c.anchor_at + interval '7 days') - c.created_at) as occurred,
                        random() as r2
                    from gen_couple c cross join generate_series(0, {R} - 1) r
                ) x
                join (values
                    (0, 'T', 'auth.sign-in', 'account', null), (1, 'T', 'caseload.read', null, null),
                    (2, 'T', 'couple.read', 'couple', 'overview'), (3, 'P1', 'auth.sign-in', 'account', null),
                    (4, 'P1', 'couple.read-own', null, null), (5, 'T', 'session.list', 'couple', null),
                    (6, 'P2', 'auth.sign-in', 'account', null), (7, 'P2', 'check_in.submitted', 'couple', null),
                    (8, 'T', 'couple.read', 'couple', 'balance'), (9, 'T', 'session-note.save', 'couple', null),
                    (10, 'P1', 'check_in.submitted', 'couple', null), (11, 'P1', 'answer.saved', 'couple', null),
                    (12, 'P2', 'answer.saved', 'couple', null), (13, 'T', 'assignment.read', 'couple', null),
                    (14, 'T', 'check_in.history_read', 'couple', null), (15, 'P2', 'couple.read-own', null, null),
                    (16, 'T', 'session-note.read', 'couple', null), (17, 'P1', 'work.submitted', 'couple', null),
                    (18, 'T', 'auth.sign-out', 'account', null), (19, 'P2', 'auth.sign-out', 'account', null)
                ) k(no, who, action, subject_type, detail) on k.no = (x.r + x.ord) % 20""");
    }

    /** The statements of one run on the owner's connection, with the run's figures filled into their text. */
    private static final class Sql {

        /** A placeholder left in a statement; {a} and {b} are the notes' own, replaced by the statement. */
        private static final java.util.regex.Pattern UNFILLED = java.util.regex.Pattern.compile(
                "\\{(?![ab]\\})[A-Za-z_]+\\}");

        private final Connection connection;
        private final Shape shape;
        private final LocalDate today;
        private final String hash;
        private final Map<String, Object> values = new java.util.HashMap<>();
        private final Map<String, Long> timings = new java.util.LinkedHashMap<>();
        private long stepStarted = System.nanoTime();
        private @Nullable String step;

        Sql(Connection connection, Shape shape, Instant now, String hash, Map<String, Object> extra) {
            this.connection = connection;
            this.shape = shape;
            this.today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            this.hash = hash;
            values.putAll(extra);
            values.put("now", "timestamptz '" + now + "'");
            values.put("today", "date '" + today + "'");
            values.put("N", shape.couples());
            values.put("S", shape.sessions());
            values.put("KP", (shape.checkIns() + 1) / 2);
            values.put("R", shape.auditRows());
            list("CITIES", Texts.CITIES);
            list("FIRST", Texts.FIRST_NAMES);
            list("LAST", Texts.LAST_NAMES);
            list("CONCERNS", Texts.CONCERNS);
            list("NOTES", Texts.NOTES);
            list("FEEDBACK", Texts.FEEDBACK);
        }

        private void list(String name, List<String> texts) {
            values.put(name, String.join(", ", texts.stream().map(t -> "'" + t.replace("'", "''") + "'").toList()));
            values.put(name + "_COUNT", texts.size());
        }

        /** The session: superuser rights used, a seed, memory for the joins; the identity sequences' names. */
        void prepare() throws SQLException {
            try (Statement statement = connection.createStatement()) {
                boolean superuser;
                try (ResultSet row = statement.executeQuery(
                        "select rolsuper from pg_roles where rolname = current_user")) {
                    superuser = row.next() && row.getBoolean(1);
                }
                if (superuser) {
                    statement.execute("set local session_replication_role = replica");
                }
                statement.execute("set local tandem.scope = 'installation'");
                statement.execute("set local work_mem = '256MB'");
                statement.execute("set local synchronous_commit = off");
                statement.execute("select setseed(0.15)");
            }
            for (String table : List.of("clinic", "account", "couple", "partner", "couple_session", "check_in",
                    "module_assignment", "assignment_work")) {
                String key = switch (table) {
                    case "couple_session" -> "session_seq";
                    case "module_assignment" -> "assignment_seq";
                    case "assignment_work" -> "work_seq";
                    default -> table + "_seq";
                };
                try (PreparedStatement query = connection.prepareStatement("select pg_get_serial_sequence(?, 'id')")) {
                    query.setString(1, "public." + table);
                    try (ResultSet row = query.executeQuery()) {
                        row.next();
                        values.put(key, row.getString(1));
                    }
                }
            }
        }

        void run(@Nullable String progress, String template) throws SQLException {
            if (progress != null) {
                mark(progress);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute(fill(template));
            }
        }

        void runWithHash(String template) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(fill(template))) {
                statement.setString(1, hash);
                statement.execute();
            }
        }

        List<Long> longs(String query) throws SQLException {
            List<Long> result = new ArrayList<>();
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
                while (rows.next()) {
                    result.add(rows.getLong(1));
                }
            }
            return result;
        }

        /** Ends the step under way (if any) and starts {@code progress} (unless null: then none is under way). */
        void mark(@Nullable String progress) {
            long at = System.nanoTime();
            if (step != null) {
                long took = (at - stepStarted) / 1_000_000;
                timings.merge(step, took, Long::sum);
                log.info("Generator: {} took {} ms", step, took);
            }
            step = progress;
            stepStarted = at;
        }

        private String fill(String template) {
            String text = template;
            for (var value : values.entrySet()) {
                text = text.replace("{" + value.getKey() + "}", String.valueOf(value.getValue()));
            }
            var left = UNFILLED.matcher(text);
            if (left.find()) {
                throw new IllegalStateException("Nothing to fill in " + left.group() + ": " + template);
            }
            return text;
        }
    }
}
