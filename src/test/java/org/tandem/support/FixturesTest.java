package org.tandem.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.LocalTime;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.balance.CheckInService;
import org.tandem.clinic.ClinicService;
import org.tandem.caseload.CaseloadEntry;
import org.tandem.caseload.CaseloadService;
import org.tandem.goals.GoalService;
import org.tandem.sessions.SessionService;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.workbook.WorkbookService;

/** The fixtures make what they say, through the services, in a context without the demo. */
@IntegrationTest
class FixturesTest {

    @Autowired Fixtures fixtures;
    @Autowired DSLContext dsl;
    @Autowired SignIn signIn;
    @Autowired ClinicService clinics;
    @Autowired CaseloadService caseload;
    @Autowired SessionService sessions;
    @Autowired CheckInService checkIns;
    @Autowired GoalService goals;
    @Autowired WorkbookService workbook;

    @Test
    void a_therapist_sees_her_couple_with_its_session_check_in_goal_and_assignment() {
        Fixtures.Clinic clinic = fixtures.clinic("Riverside Counselling");
        Person admin = fixtures.admin(clinic, "Morgan Office");
        Person therapist = fixtures.therapist(clinic, "Jo Therapist");
        Person colleague = fixtures.therapist(clinic, "Kim Colleague");
        Couple couple = fixtures.couple(therapist, "Ann Able", "Ben Able");
        fixtures.coTherapist(admin, couple, colleague);
        long session = fixtures.session(therapist, couple, LocalDateTime.of(TestClock.TODAY.plusDays(7), LocalTime.of(9, 0)));
        long checkIn = fixtures.checkIn(therapist, couple, couple.one(), 3, 3, 3, 3, 3, 3, 3, 3, 3, 3);
        long goal = fixtures.goal(therapist, couple, "Eat together twice a week");
        long module = TestModules.publish(dsl, therapist.email(),
                TestModules.everyKind("Fixture module"));
        Fixtures.Assignment assignment = fixtures.assignment(therapist, couple, module, couple.one(), "feel",
                "Better");

        assertThat(clinics.isSetUp()).isTrue();
        signIn.as(colleague.email());
        assertThat(caseload.page(0, 10)).extracting(CaseloadEntry::coupleId).containsExactly(couple.id());
        signIn.as(therapist.email());
        assertThat(sessions.list(couple.id())).extracting(s -> s.id()).containsExactly(session);
        assertThat(checkIns.history(couple.id())).extracting(c -> c.checkInId()).containsExactly(checkIn);
        assertThat(goals.ofCouple(couple.id()).coupleGoals()).extracting(g -> g.id()).containsExactly(goal);
        assertThat(workbook.assignments(couple.id())).extracting(a -> a.assignmentId())
                .containsExactly(assignment.id());
        signIn.as(couple.two().email());
        // the request opened one for each partner; the other partner's is still open
        assertThat(checkIns.myOpenCheckIns()).extracting(open -> open.requested()).containsExactly(true);
    }
}
