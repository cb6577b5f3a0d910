package org.tandem.performance;

import static org.jooq.impl.DSL.inline;
import static org.tandem.jooq.Tables.ANSWER;
import static org.tandem.jooq.Tables.AUDIT_EVENT;
import static org.tandem.jooq.Tables.MODULE_VERSION;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import javax.sql.DataSource;
import org.jooq.JSONB;
import org.springframework.beans.factory.annotation.Qualifier;
import org.tandem.audit.AuditCursor;
import org.tandem.audit.AuditFilter;
import org.tandem.audit.AuditLogService;
import org.tandem.balance.BalanceService;
import org.tandem.caseload.CaseloadService;
import org.tandem.caseload.CaseloadSort;
import org.tandem.caseload.GeneratedCouples;
import org.tandem.couples.CoupleFilter;
import org.tandem.couples.CoupleService;
import org.tandem.couples.CoupleStatus;
import org.tandem.database.TenantScope;
import org.tandem.sessions.SessionService;
import org.tandem.support.Fixtures;
import org.tandem.support.Statistics;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;
import org.tandem.support.TestModules;
import org.tandem.workbook.Category;
import org.tandem.workbook.ModuleContent;
import org.tandem.workbook.MyWorkbookService;
import org.tandem.workbook.Step;
import org.tandem.workbook.WorkbookService;

/**
 * The main screens' data paths (the service calls each screen makes to show itself) over a clinic network built
 * set-based at a chosen volume, for the plan checks and the data-path and growth benchmarks. Bring it in with
 * {@code @Import(DataPathCapture.class)} in an {@code @IntegrationTest} (the data rolls back with the test).
 *
 * <p>The network: a clinic whose therapist ("Jordan") has a caseload of {@link Volume#caseload} couples, among them
 * "Alex &amp; Sam" who have partner accounts, a published module, an answered assignment and a session ahead; then
 * {@link Volume#otherCouples} couples of another therapist, half in the same clinic and half in a second clinic. Every
 * couple has {@link Volume#checkInsPerPartner} weekly check-ins per partner (ten answers each), sessions with notes,
 * assignments of a ten-prompt module with both partners' answers, and a balance summary; each clinic has audit rows.
 */
public class DataPathCapture {

    /** How much data: couples, and per couple what they have; audit rows of the first clinic. */
    public record Volume(int caseload, int otherCouples, int checkInsPerPartner, int sessionsPerCouple,
            int assignmentsPerCouple, int auditRows) {

        /**
         * The network at this scale (1.0: 10,000 couples, 1,000,000 check-ins, 500,000 sessions with notes,
         * 5,000,000 workbook answers, 2,000,000 audit rows), of which Jordan's caseload is 1,100 couples (a deep
         * page of the caseload exists) and the rest another therapist's, half in a second clinic.
         */
        public static Volume atScale(double scale) {
            int couples = (int) Math.round(10_000 * scale);
            return new Volume(CASELOAD, Math.max(0, couples - CASELOAD), 50, 50, 25,
                    (int) Math.round(2_000_000 * scale));
        }

        public long couples() {
            return caseload + otherCouples;
        }

        public long checkIns() {
            return couples() * 2 * checkInsPerPartner;
        }

        /** Workbook answers: two partners' works per assignment, ten prompts each. */
        public long answers() {
            return couples() * assignmentsPerCouple * 2 * PROMPTS;
        }
    }

    /** One screen's data path: who calls (and in which clinic), and what. */
    public record DataPath(String name, String email, long clinicId, Supplier<?> call) {}

    /** What the paths need to know of the network built. */
    public record World(Person therapist, Person admin, Couple couple, long assignmentId, AuditCursor deepAudit,
            Volume volume, Duration took) {}

    static final int PROMPTS = 10;
    static final int CASELOAD = 1100;
    static final int PAGE = 50;
    /** The caseload's deep page, and how many audit pages in the deep audit page is. */
    static final int DEEP_OFFSET = 1000;
    static final int DEEP_AUDIT_PAGES = 1000;

    private final Fixtures fixtures;
    private final SignIn signIn;
    private final DSLContext dsl;
    private final CaseloadService caseload;
    private final CoupleService couples;
    private final BalanceService balance;
    private final WorkbookService workbook;
    private final MyWorkbookService myWorkbook;
    private final SessionService sessions;
    private final AuditLogService auditLog;
    private final DataSource owner;

    DataPathCapture(@Qualifier("ownerDataSource") DataSource owner, Fixtures fixtures, SignIn signIn, DSLContext dsl, CaseloadService caseload, CoupleService couples,
            BalanceService balance, WorkbookService workbook,
            MyWorkbookService myWorkbook, SessionService sessions, AuditLogService auditLog) {
        this.fixtures = fixtures;
        this.signIn = signIn;
        this.dsl = dsl;
        this.caseload = caseload;
        this.couples = couples;
        this.balance = balance;
        this.workbook = workbook;
        this.myWorkbook = myWorkbook;
        this.sessions = sessions;
        this.auditLog = auditLog;
        this.owner = owner;
    }

    /** The data paths of the main screens over this world. */
    public List<DataPath> paths(World world) {
        String therapist = world.therapist().email();
        long clinic = world.therapist().clinicId();
        long coupleId = world.couple().id();
        List<CaseloadSort> byName = List.of();
        return List.of(
                new DataPath("caseload-first", therapist, clinic, () -> caseload.page(CoupleFilter.NONE, byName, 0, PAGE)),
                new DataPath("caseload-filtered", therapist, clinic, () -> caseload.page(
                        new CoupleFilter("bench12", Set.of(CoupleStatus.ACTIVE)), byName, 0, PAGE)),
                new DataPath("caseload-sorted", therapist, clinic, () -> caseload.page(CoupleFilter.NONE,
                        List.of(CaseloadSort.NEEDS_ATTENTION_FIRST, CaseloadSort.descending(
                                CaseloadSort.Column.LAST_SESSION)), 0, PAGE)),
                new DataPath("caseload-deep", therapist, clinic,
                        () -> caseload.page(CoupleFilter.NONE, byName, DEEP_OFFSET, PAGE)),
                new DataPath("couple-overview", therapist, clinic, () -> List.of(couples.heading(coupleId),
                        couples.overview(coupleId), balance.overviewSnapshot(coupleId))),
                new DataPath("couple-workbook", therapist, clinic, () -> workbook.assignments(coupleId)),
                new DataPath("assignment-review", therapist, clinic, () -> workbook.review(coupleId, world.assignmentId())),
                new DataPath("my-workbook", world.couple().one().email(), clinic, () -> List.of(couples.myCouple(),
                        sessions.myNextSession(), myWorkbook.myAssignments())),
                new DataPath("audit-first", world.admin().email(), clinic, () -> auditLog.page(AuditFilter.NONE, null, PAGE)),
                new DataPath("audit-deep", world.admin().email(), clinic,
                        () -> auditLog.page(AuditFilter.NONE, world.deepAudit(), PAGE)),
                new DataPath("schedule", therapist, clinic, () -> sessions.upcoming(0, PAGE)));
    }

    /** Runs the path as its person. */
    public Object run(DataPath path) {
        signIn.as(path.email());
        return path.call().get();
    }

    /**
     * Builds the network in a transaction of its own that commits (so that the owner can analyze the tables: the
     * planner then sees the real sizes and distributions), then vacuums, analyzes and checkpoints as the owner and
     * collects this JVM's garbage, so that neither the database's nor the JVM's clean-up of the build falls into the
     * measurements after it. Each test class that builds one has an application context, and so a database, of its
     * own.
     */
    public World build(Volume volume) {
        long started = System.nanoTime();
        World[] built = new World[1];
        // Every clinic's rows at once: the benchmarks run as production does (StrictTenancy), the build does not.
        fixtures.committed(() -> built[0] = TenantScope.installation(() -> buildCommitted(volume)));
        // The build's dirty pages are written now too, not by the checkpointer spread over the measurements after it.
        Statistics.analyzeCommitted(owner);
        // The build's garbage (millions of rows' worth, in this JVM) is collected now, not in the first measured calls.
        System.gc();
        World world = built[0];
        return new World(world.therapist(), world.admin(), world.couple(), world.assignmentId(), world.deepAudit(),
                volume, Duration.ofNanos(System.nanoTime() - started));
    }

    private World buildCommitted(Volume volume) {
        var clinic = fixtures.clinic("Bench Clinic");
        Person admin = fixtures.admin(clinic, "Morgan Bench");
        Person jordan = fixtures.therapist(clinic, "Jordan Bench");
        Person priya = fixtures.therapist(clinic, "Priya Bench");
        Couple alexAndSam = fixtures.couple(jordan, "Alex Bench", "Sam Bench");
        long moduleId = TestModules.publish(dsl, jordan.email(), tenPrompts());
        Fixtures.Assignment answered = fixtures.assignment(jordan, alexAndSam, moduleId, alexAndSam.one(), "p1",
                "We walked together twice.");
        fixtures.session(jordan, alexAndSam, LocalDateTime.of(TestClock.TODAY.plusDays(3), java.time.LocalTime.NOON));
        long versionId = TenantScope.installation(() -> dsl.select(MODULE_VERSION.ID).from(MODULE_VERSION)
                .where(MODULE_VERSION.MODULE_ID.eq(moduleId)).fetchSingle(MODULE_VERSION.ID));
        JSONB answer = TenantScope.clinic(clinic.id(), () -> dsl.select(ANSWER.VALUE).from(ANSWER)
                .where(ANSWER.WORK_ID.eq(answered.workId())).fetchSingle(ANSWER.VALUE));

        var other = fixtures.clinic("Bench Clinic Two");
        Person dana = fixtures.therapist(other, "Dana Bench");
        int elsewhere = volume.otherCouples() / 2;
        TenantScope.clinic(clinic.id(), () -> {
            couples(clinic.id(), jordan.accountId(), volume.caseload() - 1, alexAndSam.id());
            history(clinic.id(), jordan.accountId(), volume, versionId, answer);
            couples(clinic.id(), priya.accountId(), volume.otherCouples() - elsewhere, null);
            history(clinic.id(), priya.accountId(), volume, versionId, answer);
            audit(clinic.id(), List.of(admin.accountId(), jordan.accountId(), priya.accountId()),
                    alexAndSam.id(), volume.auditRows());
        });
        long otherVersion = TestModules.publish(dsl, dana.email(), tenPrompts());
        long otherVersionId = TenantScope.installation(() -> dsl.select(MODULE_VERSION.ID).from(MODULE_VERSION)
                .where(MODULE_VERSION.MODULE_ID.eq(otherVersion)).fetchSingle(MODULE_VERSION.ID));
        TenantScope.clinic(other.id(), () -> {
            couples(other.id(), dana.accountId(), elsewhere, null);
            history(other.id(), dana.accountId(), volume, otherVersionId, answer);
            audit(other.id(), List.of(dana.accountId()), null, volume.auditRows() / 10);
        });
        AuditCursor deep = TenantScope.clinic(clinic.id(), () -> dsl.select(AUDIT_EVENT.OCCURRED_AT, AUDIT_EVENT.ID)
                .from(AUDIT_EVENT).where(AUDIT_EVENT.CLINIC_ID.eq(clinic.id()))
                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc())
                .offset(Math.min(volume.auditRows() / 2, PAGE * DEEP_AUDIT_PAGES)).limit(1)
                .fetchOne(record -> new AuditCursor(record.value1(), record.value2())));
        return new World(jordan, admin, alexAndSam, answered.id(), deep, volume, Duration.ZERO);
    }

    /** Row counts of the big tables, for the figures. */
    public String counts() {
        return TenantScope.installation(() -> String.join(", ", List.of("couple", "check_in", "check_in_answer",
                "couple_session", "session_note", "module_assignment", "answer", "audit_event").stream()
                .map(table -> table + "=" + dsl.fetchValue("select count(*) from " + table))
                .toList()));
    }

    private static ModuleContent tenPrompts() {
        List<Step> steps = new ArrayList<>();
        IntStream.rangeClosed(1, PROMPTS).forEach(n -> steps.add(new Step.Prompt("p" + n, "Prompt " + n,
                "What happened this week (" + n + ")?", false)));
        return new ModuleContent("Ten prompts", Category.REFLECTIVE_EXERCISES, "A module for the benchmarks.", 20,
                steps);
    }

    /** {@code count} active couples of the therapist into a temporary table {@code bench_couple} (with one more). */
    private void couples(long clinicId, long therapistId, int count, Long alsoCouple) {
        dsl.execute("drop table if exists bench_couple");
        dsl.execute("""
                create temporary table bench_couple as
                with made as (
                    insert into couple (clinic_id, status, created_at, updated_at)
                    select {0}, case when n % 10 = 0 then 'PAUSED' when n % 17 = 0 then 'INTAKE' else 'ACTIVE' end,
                           {2} - make_interval(days => n % 1000), {2} - make_interval(days => n % 1000)
                    from generate_series(1, {1}) n
                    returning id
                )
                select id from made
                """, inline(clinicId), inline(count), inline(TestClock.START_AT));
        GeneratedCouples.partnersAndTherapist(dsl, "bench_couple", clinicId, therapistId);
        dsl.execute("""
                insert into balance_summary (clinic_id, couple_id, partner_one_zone, partner_one_trend,
                        partner_two_zone, partner_two_trend, alerts, refreshed_at)
                select {0}, id, (array['BALANCED','DISTANT','FUSED','DISCONNECTED'])[1 + id % 4], 'FLAT',
                       (array['BALANCED','DISTANT','FUSED','DISCONNECTED'])[1 + (id / 4) % 4], 'UP', (id % 7 = 0)::int,
                       {1}
                from bench_couple
                """, inline(clinicId), inline(TestClock.START_AT));
        if (alsoCouple != null) {
            dsl.execute("insert into bench_couple values ({0})", inline(alsoCouple));
        }
    }

    /**
     * The history of the couples in {@code bench_couple}: weekly check-ins with their answers, weekly sessions (the
     * last quarter ahead of the clock) with notes on those held, assignments with both partners' answers.
     */
    private void history(long clinicId, long therapistId, Volume volume, long versionId, JSONB answer) {
        GeneratedCouples.checkIns(dsl, "bench_couple", 0, volume.checkInsPerPartner() - 1);
        int ahead = volume.sessionsPerCouple() / 4;
        dsl.execute("""
                insert into couple_session (clinic_id, couple_id, starts_at, duration_minutes, modality, status,
                        created_by, created_at)
                select {0}, b.id, {2} + make_interval(days => 7 * (week - {4}) + (b.id % 5)::int, hours => (b.id % 8)::int),
                       50, case when b.id % 3 = 0 then 'VIDEO' else 'IN_PERSON' end,
                       case when week >= {4} then 'SCHEDULED' when (b.id + week) % 11 = 0 then 'NO_SHOW' else 'HELD' end,
                       {1}, {2} - make_interval(days => 400)
                from bench_couple b, generate_series(1, {3}) week
                """, inline(clinicId), inline(therapistId), inline(TestClock.START_AT),
                inline(volume.sessionsPerCouple()), inline(volume.sessionsPerCouple() - ahead));
        dsl.execute("""
                insert into session_note (session_id, clinic_id, body, updated_by, updated_at)
                select s.id, s.clinic_id, 'Worked on listening; homework: ten minutes a day. Session ' || s.id,
                       {0}, s.starts_at + interval '1 hour'
                from couple_session s join bench_couple b on b.id = s.couple_id
                where s.status = 'HELD'
                on conflict do nothing
                """, inline(therapistId));
        dsl.execute("drop table if exists bench_assignment");
        dsl.execute("""
                create temporary table bench_assignment as
                with made as (
                    insert into module_assignment (clinic_id, couple_id, module_version_id, mode, due_on, note,
                            assigned_by, assigned_at, reviewed_by, reviewed_at)
                    select {0}, b.id, {2}, 'SEPARATE', ({3} - make_interval(days => 14 * n - 30))::date, '',
                           {1}, {3} - make_interval(days => 14 * n),
                           case when n > 2 then {1} end, case when n > 2 then {3} - make_interval(days => 14 * n - 20) end
                    from bench_couple b, generate_series(1, {4}) n
                    returning id, couple_id, assigned_at
                )
                select * from made
                """, inline(clinicId), inline(therapistId), inline(versionId), inline(TestClock.START_AT),
                inline(volume.assignmentsPerCouple()));
        dsl.execute("""
                insert into assignment_work (clinic_id, assignment_id, partner_id, started_at, submitted_at, submitted_by)
                select {0}, a.id, p.id, a.assigned_at + interval '1 day',
                       case when p.account_id is not null and a.assigned_at < {1} - interval '30 days'
                            then a.assigned_at + interval '3 days' end,
                       case when p.account_id is not null and a.assigned_at < {1} - interval '30 days'
                            then p.account_id end
                from bench_assignment a join partner p on p.couple_id = a.couple_id
                """, inline(clinicId), inline(TestClock.START_AT));
        dsl.execute("""
                insert into answer (clinic_id, work_id, step_id, value, filled, shared, updated_by, updated_at)
                select w.clinic_id, w.id, 'p' || step, {1}, true, step % 2 = 0, coalesce(p.account_id, {0}),
                       w.started_at + make_interval(mins => step)
                from assignment_work w join bench_assignment a on a.id = w.assignment_id
                     join partner p on p.id = w.partner_id, generate_series(1, {2}) step
                """, inline(therapistId), inline(answer), inline(PROMPTS));
        dsl.execute("drop table bench_assignment");
        dsl.execute("drop table bench_couple");
    }

    /** Audit rows over the year before the clock, as {@code AuditLogBenchmark} writes them. */
    private void audit(long clinicId, List<Long> actors, Long coupleId, int count) {
        String[] actions = {"caseload.read", "couple.read", "session-note.read", "session.list", "assignment.read",
                "goal.list", "check_in.history_read", "invitation.read", "session-note.save", "assignment.listed"};
        dsl.execute("""
                insert into audit_event (occurred_at, clinic_id, actor_account_id, actor, action, subject_type,
                        subject_id, outcome, detail, address)
                select {0} - make_interval(secs => (n / 2) * (31536000.0 / {3})),
                       {1},
                       (a.ids)[1 + n % array_length(a.ids, 1)],
                       'staff' || (n % array_length(a.ids, 1)) || '@bench.example',
                       ({2}::text[])[1 + (n / 7) % 10],
                       case when n % 3 = 0 and {5}::bigint is not null then 'couple' else 'account' end,
                       case when n % 3 = 0 and {5}::bigint is not null then {5}::bigint
                            else (a.ids)[1 + n % array_length(a.ids, 1)] end,
                       case when n % 997 = 0 then 'FAILURE' else 'SUCCESS' end,
                       'offset 0, ' || (n % 40) || ' couples',
                       '10.0.' || (n % 250) || '.' || (n % 199)
                from generate_series(1, {3}) n, (select {4}::bigint[] ids) a
                """, inline(TestClock.START_AT), inline(clinicId), inline(actions), inline(count),
                inline(actors.toArray(Long[]::new)), inline(coupleId));
    }

    /** Each path is warmed up for at least this long: the JIT compiles jOOQ's and Spring's paths after thousands of calls. */
    static final long WARMUP_NANOS = TimeUnit.SECONDS.toNanos(Integer.getInteger("benchmark.warmup-seconds", 5));

    /** At least {@code runs} calls, and for at least {@code benchmark.warmup-seconds} (5). */
    static void warmUp(int runs, Runnable call) {
        long until = System.nanoTime() + WARMUP_NANOS;
        for (int run = 0; run < runs || System.nanoTime() < until; run++) {
            call.run();
        }
    }

    /** The milliseconds of each of {@code runs} calls, sorted. */
    static double[] timings(int runs, Runnable call) {
        double[] millis = new double[runs];
        for (int run = 0; run < runs; run++) {
            long started = System.nanoTime();
            call.run();
            millis[run] = (System.nanoTime() - started) / 1e6;
        }
        java.util.Arrays.sort(millis);
        return millis;
    }

    /** The value below which this share of the sorted figures lies (nearest rank). */
    static double percentile(double[] sorted, double share) {
        int rank = (int) Math.ceil(share * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static String millis(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static final String APPLY =
            "select set_config('tandem.clinic_id', ?, true), set_config('tandem.scope', '', true)";

    /** A connection in a transaction of the clinic, as the application sets it (the caller closes it). */
    static Connection inClinic(DataSource dataSource, long clinicId) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            try (java.sql.PreparedStatement apply = connection.prepareStatement(APPLY)) {
                apply.setString(1, Long.toString(clinicId));
                apply.execute();
            }
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    /** A read prepared with its parameters typed, and the {@code EXPLAIN ANALYZE EXECUTE} of it with its values. */
    private record GenericExplain(String prepare, String explain) {}

    /** The read's {@link GenericExplain}; null for a statement that is not a read or binds a value of another kind. */
    private static @org.jspecify.annotations.Nullable GenericExplain genericExplain(SqlCapture.Statement statement) {
        if (!statement.isSelect() || statement.binds().isEmpty()) {
            return null;
        }
        List<String> types = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (SqlCapture.Bind bind : statement.binds()) {
            Object value = bind.arguments()[1];
            switch (bind.setter().getName()) {
                case "setLong" -> types.add("bigint");
                case "setInt" -> types.add("integer");
                case "setBoolean" -> types.add("boolean");
                case "setString" -> types.add("text");
                default -> {
                    return null;
                }
            }
            values.add(value instanceof String text ? "'" + text.replace("'", "''") + "'" : String.valueOf(value));
        }
        return new GenericExplain("prepare tandem_generic (" + String.join(", ", types) + ") as " + numbered(statement),
                "explain (analyze, buffers) execute tandem_generic (" + String.join(", ", values) + ")");
    }

    /** The statement's SQL with its parameters numbered ({@code $1}, {@code $2}, …), as the driver sends it. */
    private static String numbered(SqlCapture.Statement statement) {
        StringBuilder numbered = new StringBuilder();
        int next = 1;
        for (char c : statement.sql().toCharArray()) {
            numbered.append(c == '?' ? "$" + next++ : String.valueOf(c));
        }
        return numbered.toString();
    }

    /**
     * Prints the plan of each of the path's reads as PostgreSQL ran it ({@code EXPLAIN (ANALYZE, BUFFERS)}), in a
     * transaction of the clinic that rolls back: where a path's time goes once the tables have grown; then
     * the generic plan of each read, run, and how often the plan cache planned each statement generically or for its
     * values.
     */
    static void printPlans(DataSource dataSource, String label, long clinicId, List<SqlCapture.Statement> statements) {
        try (Connection connection = inClinic(dataSource, clinicId);
                java.sql.Statement explain = connection.createStatement()) {
            for (SqlCapture.Statement statement : statements) {
                if (!statement.isSelect()) {
                    continue;
                }
                StringBuilder plan = new StringBuilder();
                try (java.sql.ResultSet lines = explain.executeQuery(
                        "explain (analyze, buffers) " + statement.inlined())) {
                    while (lines.next()) {
                        plan.append("\n  ").append(lines.getString(1));
                    }
                }
                String flat = statement.sql().replaceAll("\\s+", " ");
                System.out.printf(Locale.ROOT, "BENCH plan %s sql=%s%s%n", label,
                        flat.substring(0, Math.min(160, flat.length())), plan);
            }
            // The generic plan of each read, run: prepared with its parameters typed as the driver types them, then
            // executed with the recorded values under force_generic_plan (what the plan cache runs once it is kept).
            for (SqlCapture.Statement statement : statements) {
                GenericExplain generic = genericExplain(statement);
                if (generic == null) {
                    continue;
                }
                StringBuilder plan = new StringBuilder();
                explain.execute("set local plan_cache_mode = force_generic_plan");
                explain.execute(generic.prepare());
                try (java.sql.ResultSet lines = explain.executeQuery(generic.explain())) {
                    while (lines.next()) {
                        plan.append("\n  ").append(lines.getString(1));
                    }
                }
                explain.execute("deallocate tandem_generic");
                explain.execute("set local plan_cache_mode = auto");
                String flat = statement.sql().replaceAll("\\s+", " ");
                System.out.printf(Locale.ROOT, "BENCH genericplan %s sql=%s%s%n", label,
                        flat.substring(0, Math.min(160, flat.length())), plan);
            }
            // What PostgreSQL's plan cache makes of each statement prepared as the application prepares it (the
            // driver's server-side statement from the fifth execution): a custom plan is planned on every execution.
            for (SqlCapture.Statement statement : statements) {
                for (int i = 0; i < 12; i++) {
                    statement.replay(connection);
                }
            }
            // The driver sends a statement with its parameters numbered: only this path's statements are printed.
            String[] prepared = statements.stream().map(DataPathCapture::numbered).distinct().toArray(String[]::new);
            try (java.sql.PreparedStatement cache = connection.prepareStatement("""
                    select generic_plans, custom_plans, left(regexp_replace(statement, '\\s+', ' ', 'g'), 100)
                    from pg_prepared_statements where from_sql = false and statement = any(?)
                    order by prepare_time""")) {
                cache.setArray(1, connection.createArrayOf("text", prepared));
                try (java.sql.ResultSet cached = cache.executeQuery()) {
                    while (cached.next()) {
                        System.out.printf(Locale.ROOT, "BENCH plancache %s generic=%d custom=%d sql=%s%n", label,
                                cached.getLong(1), cached.getLong(2), cached.getString(3));
                    }
                }
            }
            connection.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not explain the path's statements", e);
        }
    }
}
