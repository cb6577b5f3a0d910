package org.tandem.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.jooq.Tables.CHECK_IN;
import static org.tandem.jooq.Tables.COUPLE;
import static org.tandem.jooq.Tables.COUPLE_SESSION;
import static org.tandem.jooq.Tables.INVITATION;
import static org.tandem.jooq.Tables.PARTNER;

import java.time.Duration;
import java.time.LocalTime;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.accounts.RefusedException;
import org.tandem.balance.CheckInService;
import org.tandem.balance.Item;
import org.tandem.couples.CoupleData;
import org.tandem.couples.CoupleService;
import org.tandem.couples.CoupleStatus;
import org.tandem.couples.LivingTogether;
import org.tandem.couples.PartnerData;
import org.tandem.invitations.InvitationService;
import org.tandem.sessions.Modality;
import org.tandem.sessions.SessionData;
import org.tandem.sessions.SessionService;
import org.tandem.support.AuditTrail;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Clinic;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;

/**
 * A form sent twice in a row (a double click that got through, a re-sent request, a second tab) is applied once: the
 * second call is a no-op that answers like the first, or a clear refusal; the rows in the database say so
 * (docs/decisions/015-errors.md). The buttons themselves are disabled from the click: DoubleClickButtonsTest.
 */
@IntegrationTest
class DoubleSubmitTest {

    @Autowired CoupleService couples;
    @Autowired InvitationService invitations;
    @Autowired SessionService sessions;
    @Autowired CheckInService checkIns;
    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;
    @Autowired TestClock clock;
    @Autowired DSLContext dsl;
    Person jordan;
    Person priya;
    Couple alexAndSam;

    /** Committed: a refusal is audited in a transaction of its own, which must see the clinic and the accounts. */
    @BeforeEach
    void a_clinic() {
        fixtures.committed(() -> {
            Clinic clinic = fixtures.clinic("Riverside Counselling");
            jordan = fixtures.therapist(clinic, "Dr. Jordan Reyes");
            priya = fixtures.therapist(clinic, "Priya Nair");
            alexAndSam = fixtures.couple(jordan, "Alex Morgan", "Samira Patel");
        });
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    private static CoupleData couple(String one, String oneEmail, String two) {
        return new CoupleData(new PartnerData(one, null, null, oneEmail), new PartnerData(two, null, null, null), null,
                LivingTogether.UNKNOWN, null, CoupleStatus.ACTIVE);
    }

    private int couplesNamed(String partnerOne) {
        return dsl.fetchCount(dsl.select(COUPLE.ID).from(COUPLE).where(COUPLE.CLINIC_ID.eq(jordan.clinicId()),
                COUPLE.ID.in(dsl.select(PARTNER.COUPLE_ID).from(PARTNER)
                        .where(PARTNER.FULL_NAME.eq(partnerOne)))));
    }

    @Test
    void the_same_new_couple_sent_twice_is_created_once_and_both_answers_name_it() {
        signIn.as(jordan.email());
        AuditTrail trail = AuditTrail.from(dsl);
        CoupleData withoutEmails = couple("Lucía Torres", null, "Ben Okafor");
        CoupleData withAnEmail = couple("Mei Chen", "mei.chen@double.example", "Tom Berg");

        long first = couples.create(withoutEmails);
        long second = couples.create(withoutEmails);
        long third = couples.create(withAnEmail);
        long fourth = couples.create(withAnEmail);

        assertThat(second).isEqualTo(first);
        assertThat(fourth).as("not refused for its own e-mail: the answer of the first submit").isEqualTo(third);
        assertThat(couplesNamed("Lucía Torres")).isEqualTo(1);
        assertThat(couplesNamed("Mei Chen")).isEqualTo(1);
        assertThat(trail.since("couple.create")).hasSize(2);
    }

    @Test
    void the_same_names_later_or_from_a_colleague_are_a_new_couple() {
        CoupleData same = couple("Lucía Torres", null, "Ben Okafor");
        long first = signIn.during(jordan.email(), () -> couples.create(same));
        long colleagues = signIn.during(priya.email(), () -> couples.create(same));
        clock.advance(Duration.ofMinutes(3));
        long later = signIn.during(jordan.email(), () -> couples.create(same));

        assertThat(colleagues).isNotEqualTo(first);
        assertThat(later).isNotIn(first, colleagues);
        assertThat(couplesNamed("Lucía Torres")).isEqualTo(3);
    }

    @Test
    void a_partners_link_sent_twice_is_issued_once_and_the_first_link_stays_valid() {
        signIn.as(jordan.email());
        long lucias = couples.create(couple("Lucía Torres", "lucia.torres@double.example", "Ben Okafor"));
        long partner = dsl.select(PARTNER.ID).from(PARTNER).where(PARTNER.COUPLE_ID.eq(lucias),
                PARTNER.POSITION.eq((short) 1)).fetchSingle().value1();
        AuditTrail trail = AuditTrail.from(dsl);

        invitations.issueForPartner(lucias, 1);
        assertThatThrownBy(() -> invitations.issueForPartner(lucias, 1))
                .isInstanceOfSatisfying(RefusedException.class, refused ->
                        assertThat(refused.messageKey()).isEqualTo("invitations.panel.error.JUST_ISSUED"));

        assertThat(dsl.fetchCount(INVITATION, INVITATION.PARTNER_ID.eq(partner))).isEqualTo(1);
        assertThat(dsl.fetchCount(INVITATION, INVITATION.PARTNER_ID.eq(partner), INVITATION.VOIDED_AT.isNull()))
                .as("the link that was shown (and mailed) is not voided by the second click").isEqualTo(1);
        assertThat(trail.since("invitation.issue")).extracting(row -> row.getDetail())
                .containsExactly("couple " + lucias + ", partner 1, e-mailed", "couple " + lucias + ": JUST_ISSUED");

        clock.advance(Duration.ofMinutes(2));
        invitations.issueForPartner(lucias, 1);
        assertThat(dsl.fetchCount(INVITATION, INVITATION.PARTNER_ID.eq(partner), INVITATION.VOIDED_AT.isNull()))
                .as("a minute later a new link replaces it, as before").isEqualTo(1);
        assertThat(dsl.fetchCount(INVITATION, INVITATION.PARTNER_ID.eq(partner))).isEqualTo(2);
    }

    @Test
    void a_session_scheduled_twice_is_scheduled_once() {
        signIn.as(jordan.email());
        SessionData data = new SessionData(TestClock.TODAY.plusDays(2), LocalTime.of(17, 0), 50, Modality.VIDEO);

        long id = sessions.schedule(alexAndSam.id(), data);
        assertThatThrownBy(() -> sessions.schedule(alexAndSam.id(), data))
                .isInstanceOfSatisfying(RefusedException.class, refused ->
                        assertThat(refused.messageKey()).isEqualTo("sessions.error.same-time"));

        assertThat(dsl.fetchCount(COUPLE_SESSION, COUPLE_SESSION.COUPLE_ID.eq(alexAndSam.id()))).isEqualTo(1);
        sessions.mark(id, 0, org.tandem.sessions.SessionStatus.CANCELLED);
        assertThat(sessions.schedule(alexAndSam.id(), data)).as("a cancelled one frees the time").isNotEqualTo(id);
    }

    @Test
    void a_check_in_submitted_twice_is_submitted_once() {
        signIn.during(jordan.email(), () -> checkIns.request(alexAndSam.id()));
        signIn.as(alexAndSam.one().email());
        long id = checkIns.myOpenCheckIns().getFirst().checkInId();
        checkIns.answer(id, Item.C1, 3);
        AuditTrail trail = AuditTrail.from(dsl);

        checkIns.submit(id);
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> checkIns.submit(id)).isInstanceOfSatisfying(RefusedException.class, refused ->
                assertThat(refused.messageKey()).isEqualTo("balance.check-in.submitted-elsewhere"));

        assertThat(dsl.select(CHECK_IN.SUBMITTED_AT).from(CHECK_IN).where(CHECK_IN.ID.eq(id)).fetchSingle().value1()
                .toInstant()).as("the first submit's instant").isEqualTo(TestClock.START);
        assertThat(trail.since("check_in.submitted")).hasSize(1);
    }
}
