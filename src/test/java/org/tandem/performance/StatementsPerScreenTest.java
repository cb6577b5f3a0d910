package org.tandem.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.inline;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.tandem.audit.AuditFilter;
import org.tandem.audit.AuditLogService;
import org.tandem.audit.AuditPage;
import org.tandem.balance.AlertService;
import org.tandem.balance.BalanceService;
import org.tandem.balance.SuggestionService;
import org.tandem.caseload.CaseloadKey;
import org.tandem.caseload.GeneratedCouples;
import org.tandem.caseload.CaseloadPage;
import org.tandem.caseload.CaseloadService;
import org.tandem.caseload.CaseloadSort;
import org.tandem.couples.CoupleFilter;
import org.tandem.couples.CoupleService;
import org.tandem.sessions.SessionService;
import org.tandem.support.BalanceFixtures;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.StatementCounter;
import org.tandem.support.TestModules;
import org.tandem.workbook.MyWorkbookService;

/**
 * How many SQL statements each main screen's data path executes, counted by {@link StatementCounter} on this
 * thread: the same with 10 couples on the therapist's caseload as with 200 (and a longer history of the couple
 * shown), at most 5 for a caseload page and 10 for a couple's Overview. In {@code verify} at 200, the small generated
 * scale; at issue 15's 10,000 couples with {@code -Dbenchmark.statements-couples=10000} (37 s instead of 2). The
 * couple's pages are driven through their views (the layout's heading and every section of the Overview: figures,
 * charts, alerts, suggestions); the grids' pages and the partner's workbook through the service calls their views
 * make. A second visit is counted: the main layout around the page is built on the first
 * (docs/decisions/036-statements-per-screen.md).
 */
@IntegrationTest
@Import(StatementCounter.Counting.class)
@ViewPackages(packages = "org.tandem")
class StatementsPerScreenTest extends SpringBrowserlessTest {

    static final int SMALL = 10;
    static final int LARGE = Integer.getInteger("benchmark.statements-couples", 200);

    @Autowired StatementCounter counter;
    @Autowired DSLContext dsl;
    @Autowired SignIn signIn;
    @Autowired Fixtures fixtures;
    @Autowired BalanceFixtures balanceFixtures;
    @Autowired CaseloadService caseload;
    @Autowired CoupleService couples;
    @Autowired SessionService sessions;
    @Autowired AuditLogService auditLog;
    @Autowired MyWorkbookService myWorkbook;
    @Autowired AlertService alerts;
    @Autowired BalanceService balance;
    @Autowired SuggestionService suggestions;

    /** See SuggestionsSectionTest: browserless reads the static holder; put back this context's strategy. */
    @BeforeAll
    static void use_this_contexts_security_strategy(@Autowired SecurityContextHolderStrategy strategy) {
        SecurityContextHolder.setContextHolderStrategy(strategy);
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    Person therapist;
    Person admin;
    Couple shown;
    Fixtures.Assignment assignment;

    /** Each screen's statements, in the order measured. */
    private Map<String, List<String>> measure() {
        Map<String, List<String>> counts = new LinkedHashMap<>();
        signIn.as(therapist.email());
        CoupleFilter search = new CoupleFilter("family1", Set.of());
        List<CaseloadSort> byNextSession = List.of(CaseloadSort.ascending(CaseloadSort.Column.NEXT_SESSION));
        counts.put("caseload first page", count(() -> {
            caseload.page(CoupleFilter.NONE, List.of(), 0, 50);
            return caseload.count(CoupleFilter.NONE);
        }));
        counts.put("caseload filtered page", count(() -> {
            caseload.page(search, List.of(), 0, 50);
            return caseload.count(search);
        }));
        counts.put("caseload sorted page", count(() -> {
            caseload.page(CoupleFilter.NONE, byNextSession, 0, 50);
            return caseload.count(CoupleFilter.NONE);
        }));
        // As the grid goes deep: from the key of a page it has fetched, skipping to the last rows.
        CaseloadPage first = caseload.page(CoupleFilter.NONE, List.of(), CaseloadKey.START, 0, 1);
        int size = caseload.count(CoupleFilter.NONE);
        CaseloadKey key = java.util.Objects.requireNonNull(first.next());
        counts.put("caseload deep page", count(() -> {
            CaseloadPage deep = caseload.page(CoupleFilter.NONE, List.of(), key, size - 6, 5);
            assertThat(deep.entries()).hasSize(5);
            return caseload.count(CoupleFilter.NONE);
        }));
        counts.put("caseload next page (keyset)", count(() -> {
            caseload.page(CoupleFilter.NONE, List.of(), key, 0, 50);
            return caseload.count(CoupleFilter.NONE);
        }));

        // The layout and its menu are built by the first visit; the second one is the screen's own.
        navigate("couples/" + shown.id(), Component.class);
        counts.put("couple overview", count(() -> {
            navigate("couples/" + shown.id(), Component.class);
            assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("CoupleOverviewView");
            return 0;
        }));
        // For comparison, what the sections read when each read for itself (before decision 036): the same heading
        // and facts, then alerts, figures and suggestions each with the couple's history.
        counts.put("couple overview, sections reading apart (before)", count(() -> {
            couples.heading(shown.id());
            couples.overview(shown.id());
            alerts.alerts(shown.id());
            balance.overview(shown.id());
            return suggestions.suggestions(shown.id());
        }));
        counts.put("couple workbook", count(() -> {
            navigate("couples/" + shown.id() + "/workbook", Component.class);
            assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("CoupleWorkbookView");
            return 0;
        }));
        counts.put("assignment review", count(() -> {
            navigate("couples/" + shown.id() + "/workbook/" + assignment.id(), Component.class);
            assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("AssignmentReviewView");
            return 0;
        }));
        counts.put("schedule", count(() -> sessions.upcoming(0, 50)));
        signIn.out();

        signIn.as(shown.one().email());
        counts.put("my workbook", count(() -> {
            couples.myCouple();
            sessions.myNextSession();
            return myWorkbook.myAssignments().size();
        }));
        signIn.out();

        signIn.as(admin.email());
        counts.put("audit log first page", count(() -> {
            auditLog.people();
            auditLog.couples();
            return auditLog.page(AuditFilter.NONE, null, 50).rows().size();
        }));
        AuditPage firstAudit = auditLog.page(AuditFilter.NONE, null, 5);
        counts.put("audit log next page", count(() -> auditLog.page(AuditFilter.NONE, firstAudit.next(), 50)
                .rows().size()));
        signIn.out();
        return counts;
    }

    private List<String> count(Supplier<Object> screen) {
        counter.start();
        try {
            screen.get();
        } catch (RuntimeException e) {
            counter.stop();
            throw e;
        }
        return counter.stop();
    }

    @Test
    void every_screen_takes_as_many_statements_with_many_couples_as_with_10() {
        Fixtures.Clinic clinic = fixtures.clinic("Statements Counselling");
        therapist = fixtures.therapist(clinic, "Dr. Count Statements");
        admin = fixtures.admin(clinic, "Ada Admin");
        shown = fixtures.couple(therapist, "Family0 Shown", "Other0 Shown");
        long moduleId = TestModules.publish(dsl, therapist.email(), TestModules.everyKind("Counted module"));
        assignment = fixtures.assignment(therapist, shown, moduleId, shown.one(), "feel", "Seen");
        balanceFixtures.heldSession(therapist, shown, Duration.ofDays(14), BalanceFixtures.WORKED_EXAMPLE,
                BalanceFixtures.BALANCED);
        balanceFixtures.heldSession(therapist, shown, Duration.ofDays(7), BalanceFixtures.MIDDLE,
                BalanceFixtures.FUSED);
        generateCouples(clinic.id(), 1, SMALL - 1);
        // Warm what is read once and kept (the clinic's zone, the translations), not part of a screen's cost.
        measure();
        Map<String, List<String>> small = measure();

        generateCouples(clinic.id(), SMALL, LARGE - 1);
        longerHistory(shown, 40);
        Map<String, List<String>> large = measure();

        List<String> lines = new ArrayList<>();
        small.forEach((screen, statements) -> lines.add(String.format(Locale.ROOT,
                "BENCH statements screen=\"%s\" couples_%d=%d couples_%d=%d", screen, SMALL, statements.size(), LARGE,
                large.get(screen).size())));
        lines.forEach(System.out::println);

        for (String screen : small.keySet()) {
            assertThat(large.get(screen)).as(screen + ": " + String.join("\n", large.get(screen)))
                    .hasSameSizeAs(small.get(screen));
        }
        small.forEach((screen, statements) -> {
            if (screen.startsWith("caseload")) {
                assertThat(statements).as(screen).hasSizeLessThanOrEqualTo(5);
            }
        });
        assertThat(small.get("couple overview")).as(String.join("\n", small.get("couple overview")))
                .hasSizeLessThanOrEqualTo(10);
        assertThat(large.get("couple overview")).hasSizeLessThanOrEqualTo(10);
        // The Overview reads the couple's check-in history once, and the clinic's baselines at most once (none when
        // the clinic's figures are kept: ClinicFiguresCache; here the test's own uncommitted check-ins have them read).
        assertThat(large.get("couple overview")).filteredOn(StatementsPerScreenTest::readsHistory).hasSize(1);
        assertThat(large.get("couple overview")).filteredOn(StatementsPerScreenTest::readsBaselines)
                .hasSizeLessThanOrEqualTo(1);
        // No page of the caseload skips rows with an OFFSET beyond 1,000 (here: none after a key).
        assertThat(large.get("caseload deep page")).noneMatch(sql -> sql.toLowerCase(Locale.ROOT).contains(" offset "));
    }

    /** The history statement of CheckInRepository: the couple's submitted check-ins with their answers. */
    private static boolean readsHistory(String sql) {
        String lower = sql.toLowerCase(Locale.ROOT);
        return lower.contains("from \"check_in\" join \"partner\"") && lower.contains("\"check_in\".\"couple_id\" = ?")
                && lower.contains("\"check_in\".\"submitted_at\" is not null") && !readsBaselines(sql);
    }

    /** The clinic's baselines: the first scored check-in of every partner of the clinic. */
    private static boolean readsBaselines(String sql) {
        String lower = sql.toLowerCase(Locale.ROOT);
        return lower.contains("\"clinic\".\"balance_threshold\"") && lower.contains("from \"partner\" cross join lateral");
    }

    private void generateCouples(long clinicId, int from, int to) {
        GeneratedCouples.generate(dsl, clinicId, therapist.accountId(), from, to, true);
    }

    /** {@code weeks} more weekly check-ins of each partner of the couple shown, before the ones it has. */
    private void longerHistory(Couple couple, int weeks) {
        dsl.execute("create temporary table longer_couple on commit drop as select {0}::bigint as id",
                inline(couple.id()));
        GeneratedCouples.checkIns(dsl, "longer_couple", 3, 2 + weeks);
        dsl.execute("drop table longer_couple");
    }
}
