package org.tandem.invitations;

import org.tandem.accounts.PasswordCheck;
import org.tandem.accounts.PasswordPolicy;
import org.tandem.accounts.PasswordRejectedException;
import org.tandem.accounts.LinkToken;
import org.tandem.accounts.AuditEvent.Outcome;
import org.tandem.support.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.jooq.Tables.ACCOUNT;
import static org.tandem.jooq.Tables.INVITATION;
import static org.tandem.jooq.Tables.PARTNER;

import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.tandem.accounts.RefusedException;
import org.tandem.accounts.Role;
import org.tandem.accounts.TandemUser;
import org.tandem.invitations.InvitationRefusedException.Reason;
import org.tandem.jooq.tables.records.AuditEventRecord;
import org.tandem.support.AuditTrail;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.InvitationFixtures;
import org.tandem.support.InvitationFixtures.UninvitedCouple;
import org.tandem.support.SignIn;

@IntegrationTest
class InvitationServiceTest {

    static final String STRONG = "river kettle moss lantern";

    @Autowired InvitationService invitations;

    @Autowired TestClock clock;
    @Autowired UserDetailsService users;
    @Autowired PasswordEncoder passwordEncoder;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired Fixtures fixtures;
    @Autowired InvitationFixtures invitees;

    AuditTrail trail;
    Fixtures.Clinic clinic;
    Person admin;
    Person therapist;
    Person colleague;
    /** The therapist's couple: Lucía Fernández (partner 1) and Marco Rossi, no accounts yet. */
    UninvitedCouple lucias;
    /** The therapist's couple whose partners have signed in already. */
    Couple accepted;

    /** A therapist of another clinic. */
    Person northside;

    /** Committed: refusals are recorded in a transaction of their own, which must see the clinic and the accounts. */
    @BeforeEach
    void set_up() {
        fixtures.committed(this::a_clinic_with_a_couple_not_yet_invited);
        trail = AuditTrail.from(dsl);
    }

    private void a_clinic_with_a_couple_not_yet_invited() {
        clinic = fixtures.clinic("Riverside Couples Practice");
        admin = fixtures.admin(clinic, "Morgan Office");
        therapist = fixtures.therapist(clinic, "Jordan Reyes");
        colleague = fixtures.therapist(clinic, "Sam Okafor");
        lucias = invitees.uninvitedCouple(therapist, "Lucía Fernández", "Marco Rossi");
        accepted = fixtures.couple(therapist, "Alex Morgan", "Sam Morgan");
        northside = fixtures.therapist(fixtures.clinic("Northside Counselling"), "Lee Park");
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    private String issueForLucia() {
        signIn.as(therapist.email());
        IssuedInvitation issued = invitations.issueForPartner(lucias.id(), 1);
        signIn.out();
        return token(issued);
    }

    private static String token(IssuedInvitation issued) {
        assertThat(issued.path()).startsWith("invitation/");
        return issued.path().substring("invitation/".length());
    }

    private List<String> refusals(String action) {
        return trail.since(action).stream().filter(row -> row.getOutcome() != Outcome.SUCCESS)
                .map(AuditEventRecord::getDetail).toList();
    }

    private void assertRefused(String token, String password, Reason reason) {
        assertThatThrownBy(() -> invitations.accept(token, password))
                .isInstanceOfSatisfying(InvitationRefusedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private void assertPasswordRefused(String token, String password, PasswordCheck.Problem problem) {
        assertThatThrownBy(() -> invitations.accept(token, password))
                .isInstanceOfSatisfying(PasswordRejectedException.class,
                        e -> assertThat(e.check().problem()).isEqualTo(problem));
    }

    @Test
    void accepting_once_creates_a_client_account_linked_to_the_partner_that_can_sign_in() {
        String token = issueForLucia();

        InvitationPreview preview = invitations.preview(token);
        assertThat(preview.firstName()).isEqualTo("Lucía");
        assertThat(preview.clinicName()).isEqualTo(clinic.name());

        AcceptedInvitation accepted = invitations.accept(token, STRONG);

        assertThat(accepted.email()).isEqualTo(lucias.one().email());
        TandemUser user = (TandemUser) users.loadUserByUsername(accepted.email());
        assertThat(user.accountId()).isEqualTo(accepted.accountId());
        assertThat(user.roles()).containsExactly(Role.CLIENT);
        assertThat(user.displayName()).isEqualTo("Lucía Fernández");
        assertThat(passwordEncoder.matches(STRONG, user.getPassword())).isTrue();
        assertThat(dsl.select(PARTNER.ACCOUNT_ID).from(PARTNER)
                .where(PARTNER.COUPLE_ID.eq(lucias.id()), PARTNER.POSITION.eq((short) 1))
                .fetchSingle(PARTNER.ACCOUNT_ID)).isEqualTo(accepted.accountId());
        var row = dsl.selectFrom(INVITATION).where(INVITATION.TOKEN_HASH.eq(LinkToken.hash(token)))
                .fetchSingle();
        assertThat(row.getAcceptedAt()).isNotNull();
        assertThat(row.getAccountId()).isEqualTo(accepted.accountId());
        assertThat(trail.since("invitation.issue")).hasSize(1);
        assertThat(trail.since("invitation.accept")).extracting(AuditEventRecord::getOutcome).containsExactly(Outcome.SUCCESS);
        assertThat(trail.since("account.create")).hasSize(1);

        signIn.as(therapist.email());
        assertThat(invitations.stateForPartners(lucias.id()))
                .extracting(PartnerInvitation::state)
                .containsExactly(InvitationState.ACCEPTED, InvitationState.NONE);
    }

    @Test
    void only_a_hash_of_the_token_is_stored() {
        String token = issueForLucia();

        assertThat(token).hasSize(43);
        assertThat(dsl.fetchExists(INVITATION, INVITATION.TOKEN_HASH.eq(token))).isFalse();
        assertThat(dsl.fetchExists(INVITATION, INVITATION.TOKEN_HASH.eq(LinkToken.hash(token)))).isTrue();
    }

    @Test
    void a_used_link_is_refused_and_changes_nothing() {
        String token = issueForLucia();
        invitations.accept(token, STRONG);
        int accounts = dsl.fetchCount(ACCOUNT);

        assertRefused(token, "another long passphrase of mine", Reason.USED);
        assertThatThrownBy(() -> invitations.preview(token)).isInstanceOf(InvitationRefusedException.class);

        assertThat(dsl.fetchCount(ACCOUNT)).isEqualTo(accounts);
        assertThat(refusals("invitation.accept")).containsExactly("USED");
        assertThat(refusals("invitation.open")).containsExactly("USED");
    }

    @Test
    void a_link_works_for_seven_days_and_is_refused_once_they_have_passed() {
        String token = issueForLucia();
        clock.advance(java.time.Duration.ofDays(7).minusMinutes(1));
        assertThat(invitations.preview(token)).isNotNull();

        clock.advance(java.time.Duration.ofMinutes(2));
        assertRefused(token, STRONG, Reason.EXPIRED);

        assertThat(dsl.fetchExists(ACCOUNT, ACCOUNT.EMAIL.eq(lucias.one().email()))).isFalse();
        assertThat(refusals("invitation.accept")).containsExactly("EXPIRED");
        signIn.as(therapist.email());
        assertThat(invitations.stateForPartners(lucias.id()).getFirst().state())
                .isEqualTo(InvitationState.EXPIRED);
    }

    @Test
    void a_fresh_link_voids_the_old_one() {
        String old = issueForLucia();
        clock.advance(java.time.Duration.ofMinutes(2)); // within a minute, the same link again is a double click
        String fresh = issueForLucia();

        assertRefused(old, STRONG, Reason.VOIDED);
        assertThat(refusals("invitation.accept")).containsExactly("VOIDED");

        signIn.as(therapist.email());
        PartnerInvitation state = invitations.stateForPartners(lucias.id()).getFirst();
        assertThat(state.state()).isEqualTo(InvitationState.PENDING);
        assertThat(state.expiresAt()).isAfter(clock.instant().plus(java.time.Duration.ofDays(6)));
        signIn.out();

        assertThat(invitations.accept(fresh, STRONG).email()).isEqualTo(lucias.one().email());
    }

    @Test
    void a_link_for_an_e_mail_the_partner_no_longer_has_is_refused() {
        String token = issueForLucia();
        dsl.update(PARTNER).set(PARTNER.EMAIL, "lucia@new.example")
                .where(PARTNER.COUPLE_ID.eq(lucias.id()), PARTNER.POSITION.eq((short) 1)).execute();

        assertRefused(token, STRONG, Reason.VOIDED);

        signIn.as(therapist.email());
        assertThat(invitations.stateForPartners(lucias.id()).getFirst().state())
                .isEqualTo(InvitationState.VOIDED);
    }

    @Test
    void an_unknown_or_malformed_link_is_refused() {
        issueForLucia();

        assertRefused("A".repeat(43), STRONG, Reason.UNKNOWN);
        assertRefused("not a token", STRONG, Reason.UNKNOWN);
        assertThatThrownBy(() -> invitations.preview("x")).isInstanceOf(InvitationRefusedException.class);

        assertThat(refusals("invitation.accept")).containsExactly("UNKNOWN", "UNKNOWN");
        assertThat(refusals("invitation.open")).containsExactly("UNKNOWN");
    }

    @Test
    void short_and_easily_guessed_passwords_are_refused_with_the_reason() {
        String token = issueForLucia();

        assertPasswordRefused(token, "a".repeat(14), PasswordCheck.Problem.TOO_SHORT);
        assertPasswordRefused(token, "aaaaaaaaaaaaaaaa", PasswordCheck.Problem.TOO_EASY_TO_GUESS);
        assertPasswordRefused(token, "password12345678", PasswordCheck.Problem.TOO_EASY_TO_GUESS);
        assertPasswordRefused(token, lucias.one().email(), PasswordCheck.Problem.TOO_EASY_TO_GUESS);
        assertPasswordRefused(token, "x".repeat(129), PasswordCheck.Problem.TOO_LONG);

        assertThat(dsl.fetchExists(ACCOUNT, ACCOUNT.EMAIL.eq(lucias.one().email()))).isFalse();
        assertThat(refusals("invitation.accept")).containsExactly("password TOO_SHORT", "password TOO_EASY_TO_GUESS",
                "password TOO_EASY_TO_GUESS", "password TOO_EASY_TO_GUESS", "password TOO_LONG");
        // The link still works after refused passwords.
        assertThat(invitations.accept(token, STRONG).accountId()).isPositive();
    }

    @Test
    void the_warning_of_a_common_password_is_given_in_our_words() {
        PasswordCheck check = PasswordPolicy.check("password12345678", List.of());

        assertThat(check.problem()).isEqualTo(PasswordCheck.Problem.TOO_EASY_TO_GUESS);
        assertThat(check.warningKey()).isEqualTo("invitations.password.warning.dictionary.warning.passwords.similar");
        assertThat(PasswordPolicy.check("αβγδεζηθικλμνξο", List.of()).problem())
                .as("15 characters counted as a person counts them").isNotEqualTo(PasswordCheck.Problem.TOO_SHORT);
    }

    @Test
    void a_password_of_128_characters_is_accepted() {
        String token = issueForLucia();
        String longPassword = ("Seven quiet herons fold the map of a harbour nobody visits; "
                + "lanterns hum over wet cobbles while a tram bell counts to nine, twice, then stops.").substring(0, 128);
        assertThat(longPassword).hasSize(128);

        AcceptedInvitation accepted = invitations.accept(token, longPassword);

        TandemUser user = (TandemUser) users.loadUserByUsername(accepted.email());
        assertThat(passwordEncoder.matches(longPassword, user.getPassword())).isTrue();
    }

    @Test
    void a_partner_whose_e_mail_is_another_accounts_can_be_invited_but_the_link_creates_nothing() {
        String token = issueForLucia();
        dsl.update(ACCOUNT).set(ACCOUNT.EMAIL, lucias.one().email())
                .where(ACCOUNT.ID.eq(colleague.accountId())).execute();

        assertRefused(token, STRONG, Reason.NEEDS_CLINIC);

        assertThat(dsl.fetchCount(ACCOUNT, ACCOUNT.EMAIL.eq(lucias.one().email()))).isEqualTo(1);
        assertThat(refusals("invitation.needs-attention")).hasSize(1);
        signIn.as(therapist.email());
        clock.advance(java.time.Duration.ofMinutes(2));
        IssuedInvitation again = invitations.issueForPartner(lucias.id(), 1);
        assertThat(again.path()).startsWith(InvitationService.ACCEPT_ROUTE_PREFIX);
        assertThat(refusals("invitation.issue")).isEmpty();
    }

    @Test
    void a_partner_who_has_an_account_or_no_e_mail_cannot_be_invited() {
        signIn.as(therapist.email());
        assertThatThrownBy(() -> invitations.issueForPartner(accepted.id(), 1))
                .isInstanceOfSatisfying(RefusedException.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("invitations.panel.error.HAS_ACCOUNT"));
        dsl.update(PARTNER).setNull(PARTNER.EMAIL)
                .where(PARTNER.COUPLE_ID.eq(lucias.id()), PARTNER.POSITION.eq((short) 2)).execute();
        assertThatThrownBy(() -> invitations.issueForPartner(lucias.id(), 2))
                .isInstanceOfSatisfying(RefusedException.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("invitations.panel.error.NO_EMAIL"));
        assertThat(refusals("invitation.issue")).hasSize(2);
    }

    @Test
    void a_co_therapist_may_invite_too() {
        UninvitedCouple colleagues = invitees.uninvitedCouple(colleague, "Kwame Mensah", "Ama Mensah");
        invitees.coTherapist(admin, colleagues.id(), therapist);
        signIn.as(therapist.email());

        IssuedInvitation issued = invitations.issueForPartner(colleagues.id(), 2);

        signIn.out();
        assertThat(invitations.preview(token(issued)).firstName()).isEqualTo("Ama");
    }

    @Test
    void a_therapist_cannot_issue_for_or_read_another_therapists_couple() {
        long theirs = fixtures.couple(colleague, "Maya Johnson", "Chris Johnson").id();
        signIn.as(therapist.email());

        int before = dsl.fetchCount(INVITATION);
        assertThatThrownBy(() -> invitations.issueForPartner(theirs, 1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> invitations.stateForPartners(theirs)).isInstanceOf(AccessDeniedException.class);

        assertThat(dsl.fetchCount(INVITATION)).isEqualTo(before);
        assertThat(trail.since("access.denied")).extracting(AuditEventRecord::getDetail)
                .containsExactly("couple " + theirs + ": not on the caseload", "couple " + theirs + ": not on the caseload");
    }

    @Test
    void nothing_crosses_clinics() {
        long otherClinics = invitees.uninvitedCouple(northside, "Robin Hart", "Casey Hart").id();
        signIn.as(therapist.email());
        assertThatThrownBy(() -> invitations.issueForPartner(otherClinics, 2)).isInstanceOf(AccessDeniedException.class);

        signIn.as(northside.email());
        assertThatThrownBy(() -> invitations.issueForPartner(lucias.id(), 1)).isInstanceOf(AccessDeniedException.class);
        assertThat(invitations.stateForPartners(otherClinics)).extracting(PartnerInvitation::state)
                .containsExactly(InvitationState.NONE, InvitationState.NONE);

        assertThat(trail.since("access.denied")).hasSize(2);
    }

    @Test
    void an_admin_or_a_client_cannot_issue() {
        long couple = lucias.id();
        int before = dsl.fetchCount(INVITATION);
        signIn.as(admin.email());
        assertThatThrownBy(() -> invitations.issueForPartner(couple, 1)).isInstanceOf(AccessDeniedException.class);
        String client = accepted.one().email();
        signIn.as(client);
        assertThatThrownBy(() -> invitations.issueForPartner(couple, 1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> invitations.stateForPartners(couple)).isInstanceOf(AccessDeniedException.class);

        assertThat(trail.since("access.denied")).extracting(AuditEventRecord::getActor)
                .containsExactly(admin.email(), client, client);
        assertThat(dsl.fetchCount(INVITATION)).isEqualTo(before);
    }
}
