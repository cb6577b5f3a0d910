package org.tandem.invitations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.jooq.Tables.ACCOUNT;
import static org.tandem.jooq.Tables.AUDIT_EVENT;
import static org.tandem.jooq.Tables.COUPLE;
import static org.tandem.jooq.Tables.INVITATION;
import static org.tandem.jooq.Tables.MAIL_OUTBOX;
import static org.tandem.jooq.Tables.PARTNER;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.accounts.AuditEvent.Outcome;
import org.tandem.accounts.RefusedException;
import org.tandem.accounts.Role;
import org.tandem.accounts.UserFilter;
import org.tandem.couples.CoupleData;
import org.tandem.couples.CoupleService;
import org.tandem.couples.CoupleStatus;
import org.tandem.couples.LivingTogether;
import org.tandem.couples.PartnerData;
import org.tandem.couples.PartnerEmailTakenException;
import org.tandem.invitations.InvitationRefusedException.Reason;
import org.tandem.jooq.tables.records.AuditEventRecord;
import org.tandem.mail.TestOutbox;
import org.tandem.support.AuditTrail;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.InvitationFixtures;
import org.tandem.support.SignIn;
import org.tandem.support.TestMail;

/**
 * Issue 12, no e-mail oracle (docs/decisions/028-no-e-mail-oracle.md): creating a couple or an invitation tells a
 * therapist or an admin nothing about addresses they cannot see (another therapist's caseload, another clinic's
 * accounts); an invitation to an address that already signs in is stopped at acceptance, in neutral words, and the
 * inviting clinic is told.
 */
@IntegrationTest
class NoEmailOracleTest {

    static final String STRONG = "river kettle moss lantern";
    private static final AtomicInteger SERIAL = new AtomicInteger();

    @Autowired CoupleService couples;
    @Autowired InvitationService invitations;
    @Autowired StaffInvitationService staff;
    @Autowired Fixtures fixtures;
    @Autowired InvitationFixtures invitees;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired TestOutbox outbox;
    @Autowired TestMail mail;
    @Autowired PlatformTransactionManager transactions;

    AuditTrail trail;
    Fixtures.Clinic riverside;
    Person admin;
    Person jordan;
    Person sam;
    /** A therapist of another clinic: their address signs in there. */
    Person lee;

    /** Committed: refusals and failures are recorded in a transaction of their own, which must see the clinics. */
    @BeforeEach
    void two_clinics_and_two_therapists() {
        fixtures.committed(() -> {
            riverside = fixtures.clinic("Riverside Counselling");
            admin = fixtures.admin(riverside, "Morgan Ellis");
            jordan = fixtures.therapist(riverside, "Jordan Reyes");
            sam = fixtures.therapist(riverside, "Sam Okafor");
            lee = fixtures.therapist(fixtures.clinic("Northside Counselling"), "Lee Park");
        });
        trail = AuditTrail.from(dsl);
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    private static String fresh() {
        return "partner." + SERIAL.incrementAndGet() + "." + System.nanoTime() + "@oracle.example";
    }

    private static CoupleData couple(String one, String emailOne, String two, String emailTwo) {
        return new CoupleData(new PartnerData(one, null, null, emailOne), new PartnerData(two, null, null, emailTwo),
                null, LivingTogether.UNKNOWN, List.of(), CoupleStatus.ACTIVE);
    }

    private long coupleOf(Person therapist, String emailOne, String emailTwo) {
        return signIn.during(therapist.email(), () -> couples.create(couple("Jo Rivera", emailOne, "Kim Rivera", emailTwo)));
    }

    private List<AuditEventRecord> notSucceeded() {
        return trail.since().stream().filter(row -> row.getOutcome() != Outcome.SUCCESS).toList();
    }

    // --- couples ---

    @Test
    void a_couple_may_use_an_address_of_another_therapists_couple_and_the_therapist_is_told_nothing() {
        String shared = fresh();
        long sams = coupleOf(sam, shared, fresh());

        signIn.as(jordan.email());
        long jordans = couples.create(couple("Alex Brook", fresh(), "Jo Elsewhere", shared.toUpperCase()));

        assertThat(couples.partners(jordans).get(1).email()).isEqualTo(shared);
        assertThat(dsl.fetchCount(PARTNER, PARTNER.EMAIL.eq(shared))).isEqualTo(2);
        assertThat(trail.since("couple.create")).extracting(AuditEventRecord::getSubjectId, AuditEventRecord::getDetail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(sams, "status ACTIVE"),
                        org.assertj.core.groups.Tuple.tuple(jordans, "status ACTIVE"));
        assertThat(notSucceeded()).isEmpty();
    }

    @Test
    void an_address_on_the_therapists_own_caseload_is_refused_beside_that_partner_and_nothing_is_written() {
        String own = fresh();
        coupleOf(jordan, own, fresh());
        int before = dsl.fetchCount(COUPLE);

        signIn.as(jordan.email());
        assertThatThrownBy(() -> couples.create(couple("Alex Brook", fresh(), "Jo Again", own)))
                .isInstanceOfSatisfying(PartnerEmailTakenException.class,
                        taken -> assertThat(taken.position()).isEqualTo(2));

        assertThat(dsl.fetchCount(COUPLE)).isEqualTo(before);
        assertThat(dsl.fetchCount(PARTNER, PARTNER.EMAIL.eq(own))).isEqualTo(1);
    }

    @Test
    void a_co_therapist_sees_the_couple_so_its_address_is_refused_to_them_too() {
        String shared = fresh();
        long sams = coupleOf(sam, shared, fresh());
        invitees.coTherapist(admin, sams, jordan);

        signIn.as(jordan.email());
        assertThatThrownBy(() -> couples.create(couple("Jo Again", shared, "Alex Brook", fresh())))
                .isInstanceOfSatisfying(PartnerEmailTakenException.class,
                        taken -> assertThat(taken.position()).isEqualTo(1));
    }

    // --- partner invitations ---

    @Test
    void inviting_an_address_that_signs_in_elsewhere_gets_the_same_answer_as_a_fresh_address() {
        long jordans = coupleOf(jordan, lee.email(), fresh());
        long other = coupleOf(jordan, sam.email(), fresh());
        signIn.as(jordan.email());

        IssuedInvitation otherClinicsAccount = invitations.issueForPartner(jordans, 1);
        IssuedInvitation freshAddress = invitations.issueForPartner(jordans, 2);
        IssuedInvitation colleaguesAccount = invitations.issueForPartner(other, 1);

        for (IssuedInvitation taken : List.of(otherClinicsAccount, colleaguesAccount)) {
            assertThat(taken.position()).isEqualTo(1);
            assertThat(taken.expiresAt()).isEqualTo(freshAddress.expiresAt());
            assertThat(taken.mailed()).isEqualTo(freshAddress.mailed()).isTrue();
            assertThat(taken.path()).startsWith(InvitationService.ACCEPT_ROUTE_PREFIX)
                    .hasSameSizeAs(freshAddress.path());
        }
        assertThat(invitations.stateForPartners(jordans)).extracting(PartnerInvitation::state)
                .containsExactly(InvitationState.PENDING, InvitationState.PENDING);
        assertThat(trail.since("invitation.issue")).extracting(AuditEventRecord::getOutcome, AuditEventRecord::getDetail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Outcome.SUCCESS, "couple " + jordans + ", partner 1, e-mailed"),
                        org.assertj.core.groups.Tuple.tuple(Outcome.SUCCESS, "couple " + jordans + ", partner 2, e-mailed"),
                        org.assertj.core.groups.Tuple.tuple(Outcome.SUCCESS, "couple " + other + ", partner 1, e-mailed"));
        assertThat(notSucceeded()).isEmpty();
        assertThat(dsl.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.RECIPIENT.eq(lee.email()),
                MAIL_OUTBOX.SUBJECT_KEY.eq("mail.invitation.subject"))).isEqualTo(1);
    }

    @Test
    void the_page_of_such_a_link_looks_like_any_other() {
        long jordans = coupleOf(jordan, lee.email(), fresh());
        signIn.as(jordan.email());
        String taken = token(invitations.issueForPartner(jordans, 1));
        String free = token(invitations.issueForPartner(jordans, 2));
        signIn.anonymous();

        InvitationPreview takenPreview = invitations.preview(taken);
        InvitationPreview freePreview = invitations.preview(free);

        assertThat(takenPreview.firstName()).isEqualTo("Jo");
        assertThat(freePreview.firstName()).isEqualTo("Kim");
        assertThat(takenPreview.clinicName()).isEqualTo(freePreview.clinicName()).isEqualTo(riverside.name());
        assertThat(takenPreview.expiresAt()).isEqualTo(freePreview.expiresAt());
        assertThat(trail.since("invitation.open")).extracting(AuditEventRecord::getOutcome)
                .containsExactly(Outcome.SUCCESS, Outcome.SUCCESS);
    }

    @Test
    void accepting_it_creates_nothing_refuses_in_neutral_words_marks_the_invitation_and_tells_the_admins() {
        long jordans = coupleOf(jordan, lee.email(), fresh());
        signIn.as(jordan.email());
        String token = token(invitations.issueForPartner(jordans, 1));
        long invitationId = dsl.select(INVITATION.ID).from(INVITATION)
                .where(INVITATION.EMAIL.eq(lee.email()), INVITATION.CLINIC_ID.eq(riverside.id())).fetchSingle().value1();
        signIn.anonymous();

        assertThatThrownBy(() -> invitations.accept(token, STRONG))
                .isInstanceOfSatisfying(InvitationRefusedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.NEEDS_CLINIC));

        assertThat(dsl.fetchCount(ACCOUNT, ACCOUNT.EMAIL.eq(lee.email()))).as("only Lee's own account").isEqualTo(1);
        assertThat(dsl.select(PARTNER.ACCOUNT_ID).from(PARTNER)
                .where(PARTNER.COUPLE_ID.eq(jordans), PARTNER.POSITION.eq((short) 1)).fetchSingle().value1()).isNull();
        assertThat(dsl.select(INVITATION.ACCEPTED_AT, INVITATION.NEEDS_ATTENTION_AT).from(INVITATION)
                .where(INVITATION.ID.eq(invitationId)).fetchSingle())
                .satisfies(row -> {
                    assertThat(row.value1()).isNull();
                    assertThat(row.value2()).isNotNull();
                });
        assertThat(dsl.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.ACTION.eq("invitation.needs-attention"),
                        AUDIT_EVENT.SUBJECT_ID.eq(invitationId)).fetch())
                .singleElement().satisfies(row -> {
                    assertThat(row.getClinicId()).isEqualTo(riverside.id());
                    assertThat(row.getOutcome()).isEqualTo(Outcome.FAILURE);
                    assertThat(row.getSubjectType()).isEqualTo("invitation");
                    assertThat(row.getDetail()).doesNotContain(lee.email(), "Northside");
                });
        assertThat(dsl.select(MAIL_OUTBOX.RECIPIENT).from(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.SUBJECT_KEY.eq("mail.invitation-attention.subject"),
                        MAIL_OUTBOX.CLINIC_ID.eq(riverside.id()))
                .fetch(MAIL_OUTBOX.RECIPIENT)).containsExactly(admin.email());

        // The link stays unusable for a new account, and says the same again.
        assertThatThrownBy(() -> invitations.accept(token, STRONG))
                .isInstanceOfSatisfying(InvitationRefusedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.NEEDS_CLINIC));
        assertThat(dsl.fetchCount(ACCOUNT, ACCOUNT.EMAIL.eq(lee.email()))).isEqualTo(1);

        // The therapist who invited sees that it needs the clinic's attention.
        signIn.as(jordan.email());
        assertThat(invitations.stateForPartners(jordans)).extracting(PartnerInvitation::state)
                .containsExactly(InvitationState.NEEDS_ATTENTION, InvitationState.NONE);
    }

    @Test
    void the_admins_mail_arrives_and_names_neither_the_address_nor_anyone() {
        long[] couple = new long[1];
        String[] token = new String[1];
        fixtures.committed(() -> {
            couple[0] = coupleOf(jordan, lee.email(), fresh());
            token[0] = signIn.during(jordan.email(), () -> token(invitations.issueForPartner(couple[0], 1)));
        });
        TransactionTemplate own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        signIn.anonymous();

        // As the accept page calls it: in a transaction of its own, which commits the mark and the mail.
        InvitationRefusedException[] refused = new InvitationRefusedException[1];
        own.executeWithoutResult(accepting -> {
            try {
                invitations.accept(token[0], STRONG);
            } catch (InvitationRefusedException expected) {
                refused[0] = expected;
            }
        });
        assertThat(refused[0]).isNotNull().extracting(InvitationRefusedException::reason).isEqualTo(Reason.NEEDS_CLINIC);
        outbox.sendDue();

        List<MimeMessage> received = mail.receivedBy(admin.email());
        assertThat(received).hasSize(1);
        String text = TestMail.text(received.getFirst());
        assertThat(text).contains("could not be completed", "http://localhost:8080/")
                .doesNotContain(lee.email(), "Jo", "Rivera", "Riverside", "Northside", "Lee", "Jordan");
        assertThat(mail.receivedBy(jordan.email())).as("the clinic's admins are told, not every therapist").isEmpty();
    }

    // --- staff invitations ---

    @Test
    void an_admin_inviting_an_address_that_signs_in_in_another_clinic_gets_the_answer_of_a_fresh_address() {
        signIn.as(admin.email());

        IssuedStaffInvitation otherClinics = staff.invite(new StaffInvitationData("Lee Park", lee.email(),
                Set.of(Role.THERAPIST)));
        IssuedStaffInvitation fresh = staff.invite(new StaffInvitationData("Ari Fresh", fresh(), Set.of(Role.THERAPIST)));

        assertThat(otherClinics.expiresAt()).isEqualTo(fresh.expiresAt());
        assertThat(otherClinics.mailed()).isEqualTo(fresh.mailed());
        assertThat(otherClinics.path()).hasSameSizeAs(fresh.path());
        assertThat(trail.since("staff-invitation.issue")).extracting(AuditEventRecord::getOutcome,
                        AuditEventRecord::getDetail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Outcome.SUCCESS, "roles [THERAPIST], e-mailed"),
                        org.assertj.core.groups.Tuple.tuple(Outcome.SUCCESS, "roles [THERAPIST], e-mailed"));

        signIn.anonymous();
        assertThat(invitations.preview(otherClinics.path().substring(InvitationService.ACCEPT_ROUTE_PREFIX.length()))
                .firstName()).isEqualTo("Lee");
        assertThatThrownBy(() -> invitations.accept(
                otherClinics.path().substring(InvitationService.ACCEPT_ROUTE_PREFIX.length()), STRONG))
                .isInstanceOfSatisfying(InvitationRefusedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.NEEDS_CLINIC));
        assertThat(dsl.fetchCount(ACCOUNT, ACCOUNT.EMAIL.eq(lee.email()), ACCOUNT.CLINIC_ID.eq(riverside.id())))
                .isZero();

        signIn.as(admin.email());
        assertThat(staff.pending(UserFilter.ALL)).filteredOn(invitation -> invitation.id() == otherClinics.invitationId())
                .singleElement().satisfies(invitation -> assertThat(invitation.needsAttention()).isTrue());
        assertThat(staff.pending(UserFilter.ALL)).filteredOn(invitation -> invitation.id() != otherClinics.invitationId())
                .allSatisfy(invitation -> assertThat(invitation.needsAttention()).isFalse());
    }

    @Test
    void an_address_of_the_admins_own_clinic_is_refused_in_words_about_their_own_users() {
        signIn.as(admin.email());

        assertThatThrownBy(() -> staff.invite(new StaffInvitationData("Sam", sam.email().toUpperCase(),
                Set.of(Role.ADMIN))))
                .isInstanceOfSatisfying(RefusedException.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo(StaffInvitationService.EMAIL_IN_CLINIC));
        assertThat(dsl.fetchExists(INVITATION, INVITATION.EMAIL.eq(sam.email()))).isFalse();
        assertThat(trail.since("staff-invitation.issue")).extracting(AuditEventRecord::getOutcome,
                        AuditEventRecord::getDetail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Outcome.FAILURE, "address of a user"));
    }

    private static String token(IssuedInvitation issued) {
        return issued.path().substring(InvitationService.ACCEPT_ROUTE_PREFIX.length());
    }
}
