package org.tandem.performance;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SecuredBrowserlessApplicationContext;
import com.vaadin.browserless.SpringBrowserlessApplicationContext;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.couples.ui.CoupleRoutes;
import org.tandem.performance.LoadNetwork.Couple;
import org.tandem.performance.LoadNetwork.Therapist;
import org.tandem.support.SignIn;
import org.tandem.support.StrictTenancy;

/**
 * The live heap one signed-in session holds, printed per screen: {@code benchmark.memory-sessions} (50) sessions of a
 * therapist with that many couples (twelve weeks of sessions and check-ins each), every session a browserless user of
 * its own (its own {@code VaadinSession}, HTTP session, UI and sign-in), all open at once on the caseload (its first
 * 50 rows fetched, as the browser asks for them), then on a couple's Overview with its charts (each session a
 * different couple). Heap after full collections with the sessions open, less the heap before they were opened, over
 * their number; a few sessions are opened and closed first so that what every session shares (classes, caches,
 * templates) is not counted. As in production: without development mode's record of where each component was made
 * ({@link LoadWindows#asInProduction}), and with each round trip's queued browser calls handed over as a response
 * would ({@link LoadWindows#respond}); {@code -Dbenchmark.histogram=true} prints what grew, by class. Budgets from issue 15: 250 KB on the caseload, 1 MB on the Overview. Not part of
 * {@code ./mvnw verify}: run {@code ./mvnw -Pbenchmark test -Dtest=SessionMemoryBenchmark}.
 */
@SpringBootTest
@ActiveProfiles("test")
@StrictTenancy
class SessionMemoryBenchmark {

    static {
        LoadWindows.asInProduction();
    }

    private static final int SESSIONS = Integer.getInteger("benchmark.memory-sessions", 50);
    private static final int WARM_UP = 3;
    private static final double CASELOAD_BUDGET_KB = 250;
    private static final double OVERVIEW_BUDGET_KB = 1024;

    @Autowired ApplicationContext context;
    @Autowired SignIn signIn;

    @Test
    void a_session_holds_at_most_250_kb_on_the_caseload_and_1_mb_on_the_overview_with_its_charts() {
        LoadNetwork network = LoadNetwork.build(context, 1, SESSIONS + WARM_UP, 12);
        Therapist therapist = network.therapists().getFirst();
        List<Couple> couples = therapist.couples();
        Authentication who = signIn.authentication(therapist.person().email());
        double caseload;
        double overview;
        try (SecuredBrowserlessApplicationContext<Authentication> app =
                SpringBrowserlessApplicationContext.createSecured(context, "org.tandem")) {
            LoadWindows sessions = new LoadWindows(app);
            caseload = sessions.kilobytesEach(SESSIONS, WARM_UP, who, n -> "caseload");
            overview = sessions.kilobytesEach(SESSIONS, WARM_UP, who,
                    n -> CoupleRoutes.href(couples.get(n).id(), CoupleRoutes.Tab.OVERVIEW));
        }
        System.out.printf(Locale.ROOT, "BENCH memory screen=caseload sessions=%d per_session_kb=%.0f budget_kb=%.0f%n",
                SESSIONS, caseload, CASELOAD_BUDGET_KB);
        System.out.printf(Locale.ROOT, "BENCH memory screen=overview sessions=%d per_session_kb=%.0f budget_kb=%.0f%n",
                SESSIONS, overview, OVERVIEW_BUDGET_KB);
        assertThat(caseload).as("KB a caseload session holds").isLessThanOrEqualTo(CASELOAD_BUDGET_KB);
        assertThat(overview).as("KB an Overview session holds").isLessThanOrEqualTo(OVERVIEW_BUDGET_KB);
    }
}
