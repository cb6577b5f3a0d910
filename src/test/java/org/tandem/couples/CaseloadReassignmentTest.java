package org.tandem.couples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.tandem.accounts.AccountService;
import org.tandem.accounts.RefusedException;
import org.tandem.jooq.tables.records.AuditEventRecord;
import org.tandem.sessions.SessionService;
import org.tandem.support.AuditTrail;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Clinic;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;

/** A departing therapist's caseload handed over in one action or couple by couple, with its history kept. */
@IntegrationTest
class CaseloadReassignmentTest {

    @Autowired AssignmentService assignments;
    @Autowired AccountService accounts;
    @Autowired CoupleService couples;
    @Autowired SessionService sessions;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired Fixtures fixtures;
    @Autowired TestClock clock;

    AuditTrail trail;
    Person admin;
    Person jordan;
    Person priya;
    Person sam;
    Couple morgans;
    Couple okafors;
    Couple mensahs;
    Person otherAdmin;
    Person lee;
    Couple harts;
    long session;

    /**
     * Committed: refusals are audited in a transaction of their own. Jordan, who leaves, has the Morgans and the
     * Okafors and is co-therapist of Priya's Mensahs; Sam is a colleague; Lee works in another clinic.
     */
    @BeforeEach
    void a_departing_therapist() {
        fixtures.committed(() -> {
            Clinic clinic = fixtures.clinic("Riverside Counselling");
            admin = fixtures.admin(clinic, "Morgan Ellis");
            jordan = fixtures.therapist(clinic, "Jordan Reyes");
            priya = fixtures.therapist(clinic, "Priya Nair");
            sam = fixtures.therapist(clinic, "Sam Okoro");
            morgans = fixtures.couple(jordan, "Alex Morgan", "Samira Morgan");
            okafors = fixtures.couple(jordan, "Daniel Okafor", "Grace Okafor");
            mensahs = fixtures.couple(priya, "Kwame Mensah", "Ama Mensah");
            fixtures.coTherapist(admin, mensahs, jordan);
            session = fixtures.session(jordan, morgans, TestClock.TODAY.plusDays(3).atTime(11, 0));
            Clinic northside = fixtures.clinic("Northside Counselling");
            otherAdmin = fixtures.admin(northside, "Dana Office");
            lee = fixtures.therapist(northside, "Lee Park");
            harts = fixtures.couple(lee, "Robin Hart", "Casey Hart");
        });
        trail = AuditTrail.from(dsl);
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    @Test
    void a_deactivated_therapists_couples_are_listed_and_handed_to_one_colleague_in_one_action() {
        signIn.as(admin.email());
        accounts.deactivate(jordan.accountId(), accounts.account(jordan.accountId()).version());
        assertThat(assignments.couplesOf(jordan.accountId()))
                .extracting(TherapistCouple::names, TherapistCouple::role)
                .containsExactly(tuple("Alex Morgan & Samira Morgan", TherapistRole.PRIMARY),
                        tuple("Daniel Okafor & Grace Okafor", TherapistRole.PRIMARY),
                        tuple("Kwame Mensah & Ama Mensah", TherapistRole.CO_THERAPIST));
        clock.advance(Duration.ofHours(1));

        assertThat(assignments.reassignAll(jordan.accountId(), sam.accountId())).isEqualTo(3);

        assertThat(assignments.couplesOf(jordan.accountId())).isEmpty();
        assertThat(assignments.couplesOf(sam.accountId()))
                .extracting(TherapistCouple::names, TherapistCouple::role)
                .containsExactly(tuple("Alex Morgan & Samira Morgan", TherapistRole.PRIMARY),
                        tuple("Daniel Okafor & Grace Okafor", TherapistRole.PRIMARY),
                        tuple("Kwame Mensah & Ama Mensah", TherapistRole.CO_THERAPIST));
        assertThat(trail.since("couple.caseload-reassign")).singleElement()
                .satisfies(row -> assertThat(row.getDetail()).isEqualTo("3 couples to account " + sam.accountId()));
        assertThat(trail.since("couple.move")).hasSize(2);
        assertThat(trail.since("couple.co-therapist")).hasSize(1);
    }

    @Test
    void the_history_keeps_who_worked_with_the_couple_and_when() {
        signIn.as(admin.email());
        clock.advance(Duration.ofDays(30));

        assignments.reassign(morgans.id(), jordan.accountId(), priya.accountId());

        assertThat(assignments.history(morgans.id()))
                .extracting(AssignmentPeriod::displayName, AssignmentPeriod::role, AssignmentPeriod::from,
                        AssignmentPeriod::until)
                .containsExactly(
                        tuple("Jordan Reyes", TherapistRole.PRIMARY, TestClock.START, clock.instant()),
                        tuple("Priya Nair", TherapistRole.PRIMARY, clock.instant(), null));
    }

    @Test
    void the_new_therapist_has_the_couple_from_then_on_and_the_former_one_no_longer() {
        signIn.as(admin.email());
        assignments.reassign(morgans.id(), jordan.accountId(), sam.accountId());

        signIn.as(sam.email());
        assertThat(couples.heading(morgans.id()).names()).contains("Alex");
        assertThat(sessions.list(morgans.id())).hasSize(1);
        assertThat(sessions.note(session)).isNotNull();
        signIn.as(jordan.email());
        assertThatThrownBy(() -> sessions.note(session)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> couples.heading(morgans.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sessions.list(morgans.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_co_therapist_place_handed_to_the_couples_primary_therapist_is_simply_ended() {
        signIn.as(admin.email());

        assignments.reassign(mensahs.id(), jordan.accountId(), priya.accountId());

        assertThat(assignments.couplesOf(priya.accountId())).extracting(TherapistCouple::names, TherapistCouple::role)
                .containsExactly(tuple("Kwame Mensah & Ama Mensah", TherapistRole.PRIMARY));
        assertThat(assignments.history(mensahs.id())).extracting(AssignmentPeriod::displayName, AssignmentPeriod::role)
                .contains(tuple("Jordan Reyes", TherapistRole.CO_THERAPIST));
    }

    @Test
    void reassigning_across_clinics_is_refused_and_changes_nothing() {
        signIn.as(admin.email());

        assertThatThrownBy(() -> assignments.reassignAll(jordan.accountId(), lee.accountId()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> assignments.reassignAll(lee.accountId(), sam.accountId()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> assignments.reassign(harts.id(), lee.accountId(), sam.accountId()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> assignments.couplesOf(lee.accountId())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> assignments.history(harts.id())).isInstanceOf(AccessDeniedException.class);
        signIn.as(otherAdmin.email());
        assertThatThrownBy(() -> assignments.reassignAll(jordan.accountId(), lee.accountId()))
                .isInstanceOf(AccessDeniedException.class);

        signIn.as(admin.email());
        assertThat(assignments.couplesOf(jordan.accountId())).hasSize(3);
        assertThat(trail.since("access.denied")).extracting(AuditEventRecord::getDetail)
                .contains("account " + lee.accountId() + ": not in the clinic",
                        "couple " + harts.id() + ": not in the clinic",
                        "account " + jordan.accountId() + ": not in the clinic");
    }

    @Test
    void a_deactivated_or_the_same_therapist_cannot_take_the_couples_and_a_therapist_cannot_reassign() {
        signIn.as(admin.email());
        accounts.deactivate(sam.accountId(), accounts.account(sam.accountId()).version());

        assertThatThrownBy(() -> assignments.reassignAll(jordan.accountId(), sam.accountId()))
                .isInstanceOfSatisfying(RefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("assignments.error.NOT_A_THERAPIST"));
        assertThatThrownBy(() -> assignments.reassign(morgans.id(), jordan.accountId(), jordan.accountId()))
                .isInstanceOfSatisfying(RefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("reassign.error.same-therapist"));
        assertThatThrownBy(() -> assignments.reassign(mensahs.id(), sam.accountId(), priya.accountId()))
                .isInstanceOf(RefusedException.class);
        signIn.as(priya.email());
        assertThatThrownBy(() -> assignments.reassignAll(jordan.accountId(), priya.accountId()))
                .isInstanceOf(AccessDeniedException.class);

        signIn.as(admin.email());
        assertThat(assignments.couplesOf(jordan.accountId())).hasSize(3);
    }
}
