package org.tandem.invitations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.jooq.Tables.ACCOUNT;
import static org.tandem.jooq.Tables.CLINIC;
import static org.tandem.jooq.Tables.INVITATION;

import jakarta.validation.ConstraintViolationException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.accounts.AuditEvent.Outcome;
import org.tandem.accounts.PasswordCheck;
import org.tandem.accounts.PasswordRejectedException;
import org.tandem.accounts.RefusedException;
import org.tandem.accounts.Role;
import org.tandem.accounts.TandemUser;
import org.tandem.accounts.UserFilter;
import org.tandem.accounts.UserState;
import org.tandem.invitations.InvitationRefusedException.Reason;
import org.tandem.jooq.tables.records.AuditEventRecord;
import org.tandem.support.AuditTrail;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;

/** An admin invites staff with the partners' link machinery; every refusal of issue 12 is proved here. */
@IntegrationTest
class StaffInvitationServiceTest {

    static final String STRONG = "harbour violet pebble compass";

    @Autowired StaffInvitationService staff;
    @Autowired InvitationService invitations;
    @Autowired UserDetailsService users;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired Fixtures fixtures;
    @Autowired TestClock clock;

    AuditTrail trail;
    Fixtures.Clinic clinic;
    Person admin;
    Person therapist;
    Person otherAdmin;
    Person otherTherapist;

    /** Committed: refusals are recorded in a transaction of their own, which must see the clinics and accounts. */
    @BeforeEach
    void two_clinics() {
        fixtures.committed(() -> {
            clinic = fixtures.clinic("Riverside Counselling");
            admin = fixtures.admin(clinic, "Morgan Ellis");
            therapist = fixtures.therapist(clinic, "Jordan Reyes");
            Fixtures.Clinic other = fixtures.clinic("Northside Counselling");
            otherAdmin = fixtures.admin(other, "Dana Office");
            otherTherapist = fixtures.therapist(other, "Lee Park");
        });
        trail = AuditTrail.from(dsl);
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    private static String address() {
        return "new.colleague." + System.nanoTime() + "@staff.example";
    }

    private IssuedStaffInvitation invite(String name, String email, Role... roles) {
        signIn.as(admin.email());
        IssuedStaffInvitation issued = staff.invite(new StaffInvitationData(name, email, EnumSet.of(roles[0], roles)));
        signIn.out();
        return issued;
    }

    private static String token(IssuedStaffInvitation issued) {
        assertThat(issued.path()).startsWith(InvitationService.ACCEPT_ROUTE_PREFIX);
        return issued.path().substring(InvitationService.ACCEPT_ROUTE_PREFIX.length());
    }

    private void assertRefused(String token, Reason reason) {
        assertThatThrownBy(() -> invitations.accept(token, STRONG))
                .isInstanceOfSatisfying(InvitationRefusedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void an_invited_colleague_accepts_once_and_gets_an_account_with_both_roles_in_the_admins_clinic() {
        String email = address();
        IssuedStaffInvitation issued = invite("Priya Nair", email, Role.ADMIN, Role.THERAPIST);
        String token = token(issued);

        InvitationPreview preview = invitations.preview(token);
        assertThat(preview.firstName()).isEqualTo("Priya");
        assertThat(preview.clinicName()).isEqualTo("Riverside Counselling");
        AcceptedInvitation accepted = invitations.accept(token, STRONG);

        assertThat(accepted.staff()).isTrue();
        TandemUser user = (TandemUser) users.loadUserByUsername(email);
        assertThat(user.clinicId()).isEqualTo(clinic.id());
        assertThat(user.roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.THERAPIST);
        assertThat(user.displayName()).isEqualTo("Priya Nair");
        assertThat(user.isEnabled()).isTrue();
        assertThat(dsl.fetchExists(INVITATION, INVITATION.TOKEN_HASH.eq(token))).isFalse();
        assertThat(trail.since("staff-invitation.issue")).singleElement()
                .satisfies(row -> assertThat(row.getDetail()).isEqualTo("roles [ADMIN, THERAPIST], e-mailed"));
        assertThat(trail.since("invitation.accept")).extracting(AuditEventRecord::getOutcome)
                .containsExactly(Outcome.SUCCESS);
        assertThat(trail.since("account.create")).hasSize(1);
    }

    @Test
    void a_used_link_is_refused_the_second_time() {
        String token = token(invite("Sam Okafor", address(), Role.THERAPIST));
        invitations.accept(token, STRONG);
        int accounts = dsl.fetchCount(ACCOUNT);

        assertRefused(token, Reason.USED);
        assertThat(dsl.fetchCount(ACCOUNT)).isEqualTo(accounts);
    }

    @Test
    void a_link_expires_after_the_clinics_invitation_validity() {
        dsl.update(CLINIC).set(CLINIC.INVITATION_VALID_DAYS, 2).where(CLINIC.ID.eq(clinic.id())).execute();
        String email = address();
        IssuedStaffInvitation issued = invite("Sam Okafor", email, Role.THERAPIST);
        assertThat(issued.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(2)));

        clock.advance(Duration.ofDays(2).plusMinutes(1));

        assertRefused(token(issued), Reason.EXPIRED);
        assertThat(dsl.fetchExists(ACCOUNT, ACCOUNT.EMAIL.eq(email))).isFalse();
        signIn.as(admin.email());
        assertThat(staff.pending(UserFilter.ALL)).singleElement()
                .satisfies(pending -> assertThat(pending.expired()).isTrue());
    }

    @Test
    void a_withdrawn_link_is_refused_and_leaves_the_pending_list() {
        IssuedStaffInvitation issued = invite("Sam Okafor", address(), Role.THERAPIST);
        signIn.as(admin.email());
        staff.voidInvitation(issued.invitationId());
        signIn.out();

        assertRefused(token(issued), Reason.VOIDED);
        signIn.as(admin.email());
        assertThat(staff.pending(UserFilter.ALL)).isEmpty();
        assertThat(trail.since("staff-invitation.void")).hasSize(1);
        assertThatThrownBy(() -> staff.voidInvitation(issued.invitationId()))
                .isInstanceOfSatisfying(RefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("staff-invitations.error.voided"));
    }

    @Test
    void a_new_link_replaces_the_old_one_for_the_same_person_and_roles() {
        String email = address();
        IssuedStaffInvitation first = invite("Sam Okafor", email, Role.THERAPIST);
        signIn.as(admin.email());
        clock.advance(Duration.ofDays(1));
        IssuedStaffInvitation second = staff.resend(first.invitationId());
        signIn.out();

        assertThat(second.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
        assertRefused(token(first), Reason.VOIDED);
        invitations.accept(token(second), STRONG);
        assertThat(((TandemUser) users.loadUserByUsername(email)).roles()).containsExactly(Role.THERAPIST);
    }

    @Test
    void another_clinics_admin_can_neither_withdraw_nor_resend_the_invitation() {
        IssuedStaffInvitation issued = invite("Sam Okafor", address(), Role.THERAPIST);
        signIn.as(otherAdmin.email());

        assertThatThrownBy(() -> staff.voidInvitation(issued.invitationId())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> staff.resend(issued.invitationId())).isInstanceOf(AccessDeniedException.class);
        assertThat(staff.pending(UserFilter.ALL)).isEmpty();

        assertThat(trail.since("access.denied")).hasSize(2);
        signIn.out();
        assertThat(invitations.preview(token(issued)).firstName()).isEqualTo("Sam");
    }

    @Test
    void a_therapist_and_a_partner_cannot_invite_staff() {
        signIn.as(therapist.email());
        StaffInvitationData data = new StaffInvitationData("Sam Okafor", address(), Set.of(Role.ADMIN));

        assertThatThrownBy(() -> staff.invite(data)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> staff.pending(UserFilter.ALL)).isInstanceOf(AccessDeniedException.class);
        assertThat(dsl.fetchExists(INVITATION, INVITATION.EMAIL.eq(data.email()))).isFalse();
    }

    @Test
    void an_address_of_an_account_of_the_clinic_is_refused_and_one_of_another_clinic_is_not_looked_at() {
        signIn.as(admin.email());

        assertThat(refusalFor(therapist.email())).isEqualTo(StaffInvitationService.EMAIL_IN_CLINIC);
        IssuedStaffInvitation otherClinics = staff.invite(
                new StaffInvitationData("Lee Park", otherTherapist.email(), Set.of(Role.THERAPIST)));

        assertThat(otherClinics.path()).startsWith(InvitationService.ACCEPT_ROUTE_PREFIX);
        assertThat(dsl.fetchExists(INVITATION, INVITATION.EMAIL.eq(therapist.email()))).isFalse();
        assertThat(trail.since("staff-invitation.issue")).extracting(AuditEventRecord::getOutcome)
                .containsExactly(Outcome.FAILURE, Outcome.SUCCESS);
    }

    private String refusalFor(String email) {
        try {
            staff.invite(new StaffInvitationData("Someone", email.toUpperCase(java.util.Locale.ROOT), Set.of(Role.THERAPIST)));
        } catch (RefusedException refused) {
            return refused.messageKey();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void an_invitation_without_a_name_or_a_role_is_refused_and_writes_nothing() {
        signIn.as(admin.email());
        String email = address();

        assertThatThrownBy(() -> staff.invite(new StaffInvitationData(" ", email, Set.of(Role.THERAPIST))))
                .isInstanceOf(ConstraintViolationException.class);
        assertThatThrownBy(() -> staff.invite(new StaffInvitationData("Sam Okafor", email, Set.of())))
                .isInstanceOf(ConstraintViolationException.class);
        assertThatThrownBy(() -> staff.invite(new StaffInvitationData("Sam Okafor", "not an address", Set.of(Role.ADMIN))))
                .isInstanceOf(ConstraintViolationException.class);
        assertThat(dsl.fetchExists(INVITATION, INVITATION.EMAIL.eq(email))).isFalse();
    }

    @Test
    void a_weak_passphrase_is_refused_and_creates_no_account() {
        String email = address();
        String token = token(invite("Sam Okafor", email, Role.THERAPIST));

        assertThatThrownBy(() -> invitations.accept(token, email))
                .isInstanceOfSatisfying(PasswordRejectedException.class,
                        e -> assertThat(e.check().problem()).isEqualTo(PasswordCheck.Problem.TOO_EASY_TO_GUESS));
        assertThatThrownBy(() -> invitations.accept(token, "a".repeat(14)))
                .isInstanceOfSatisfying(PasswordRejectedException.class,
                        e -> assertThat(e.check().problem()).isEqualTo(PasswordCheck.Problem.TOO_SHORT));
        assertThat(dsl.fetchExists(ACCOUNT, ACCOUNT.EMAIL.eq(email))).isFalse();
        assertThat(invitations.accept(token, STRONG).staff()).isTrue();
    }

    @Test
    void the_pending_list_is_searched_by_name_or_address_and_filtered_by_role() {
        String priya = address();
        invite("Priya Nair", priya, Role.ADMIN);
        invite("Sam Okafor", address(), Role.THERAPIST);
        signIn.as(admin.email());

        assertThat(names(new UserFilter("nair", null, null))).containsExactly("Priya Nair");
        assertThat(names(new UserFilter(priya.substring(0, priya.indexOf('@')), null, UserState.INVITED))).containsExactly("Priya Nair");
        assertThat(names(new UserFilter("", Role.THERAPIST, null))).containsExactly("Sam Okafor");
        assertThat(names(new UserFilter("", null, UserState.ACTIVE))).isEmpty();
        assertThat(names(UserFilter.ALL)).containsExactly("Sam Okafor", "Priya Nair");
    }

    private List<String> names(UserFilter filter) {
        return staff.pending(filter).stream().map(PendingStaffInvitation::displayName).toList();
    }
}
