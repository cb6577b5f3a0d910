package org.tandem.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.jooq.Tables.ACCOUNT_ROLE;

import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.jooq.tables.records.AuditEventRecord;
import org.tandem.support.AuditTrail;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Clinic;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;

/** The admin's tool on the Users page: search and filter, roles, deactivation; and every refusal of issue 12. */
@IntegrationTest
class AccountAdministrationTest {

    @Autowired AccountService accounts;
    @Autowired UserDetailsService users;
    @Autowired SignIn signIn;
    @Autowired Fixtures fixtures;
    @Autowired DSLContext dsl;

    AuditTrail trail;
    Person admin;
    Person therapist;
    Person colleague;
    Couple couple;
    Person otherAdmin;
    Person otherTherapist;

    /** Committed: refusals are recorded in a transaction of their own, which must see the clinics and accounts. */
    @BeforeEach
    void two_clinics() {
        fixtures.committed(() -> {
            Clinic clinic = fixtures.clinic("Riverside Counselling");
            admin = fixtures.admin(clinic, "Morgan Ellis");
            therapist = fixtures.therapist(clinic, "Jordan Reyes");
            colleague = fixtures.therapist(clinic, "Priya Nair");
            couple = fixtures.couple(therapist, "Alex Morgan", "Samira Patel");
            Clinic other = fixtures.clinic("Northside Counselling");
            otherAdmin = fixtures.admin(other, "Dana Office");
            otherTherapist = fixtures.therapist(other, "Lee Park");
        });
        trail = AuditTrail.from(dsl);
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    private List<String> names(UserFilter filter) {
        return accounts.page(filter, 0, 50).stream().map(AccountSummary::displayName).toList();
    }

    private int version(Person person) {
        return accounts.account(person.accountId()).version();
    }

    @Test
    void the_admin_searches_by_name_or_e_mail_and_filters_by_role_and_state() {
        signIn.as(admin.email());
        accounts.deactivate(colleague.accountId(), version(colleague));

        assertThat(names(new UserFilter("reyes", null, null))).containsExactly("Jordan Reyes");
        assertThat(names(new UserFilter(couple.one().email(), null, null))).containsExactly("Alex Morgan");
        assertThat(names(new UserFilter("", Role.THERAPIST, null))).containsExactly("Jordan Reyes", "Priya Nair");
        assertThat(names(new UserFilter("", Role.THERAPIST, UserState.ACTIVE))).containsExactly("Jordan Reyes");
        assertThat(names(new UserFilter("", null, UserState.DEACTIVATED))).containsExactly("Priya Nair");
        assertThat(names(new UserFilter("", null, UserState.INVITED))).isEmpty();
        assertThat(names(UserFilter.ALL)).doesNotContain("Dana Office", "Lee Park");
        assertThat(accounts.count(new UserFilter("", Role.CLIENT, null))).isEqualTo(2);
    }

    @Test
    void the_admin_gives_a_therapist_the_admin_role_too_and_it_is_audited() {
        signIn.as(admin.email());

        AccountDetails changed = accounts.changeRoles(therapist.accountId(), version(therapist),
                Set.of(Role.ADMIN, Role.THERAPIST));

        assertThat(changed.roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.THERAPIST);
        assertThat(((TandemUser) users.loadUserByUsername(therapist.email())).roles())
                .containsExactlyInAnyOrder(Role.ADMIN, Role.THERAPIST);
        assertThat(trail.since("account.roles-change")).singleElement()
                .satisfies(row -> assertThat(row.getDetail()).isEqualTo("roles [THERAPIST] -> [ADMIN, THERAPIST]"));
    }

    @Test
    void the_last_admin_keeps_the_role_and_stays_active() {
        signIn.as(admin.email());

        assertRefused(() -> accounts.changeRoles(admin.accountId(), version(admin), Set.of(Role.THERAPIST)),
                "users.error.last-admin");
        assertThat(dsl.fetchExists(ACCOUNT_ROLE, ACCOUNT_ROLE.ACCOUNT_ID.eq(admin.accountId()),
                ACCOUNT_ROLE.ROLE.eq(Role.ADMIN))).isTrue();

        // With a second admin, the first may step down; then the second is the last.
        accounts.changeRoles(therapist.accountId(), version(therapist), Set.of(Role.ADMIN, Role.THERAPIST));
        accounts.changeRoles(admin.accountId(), version(admin), Set.of(Role.THERAPIST));
        signIn.as(therapist.email());
        assertRefused(() -> accounts.changeRoles(therapist.accountId(), version(therapist), Set.of(Role.THERAPIST)),
                "users.error.last-admin");
    }

    @Test
    void an_admin_cannot_deactivate_themselves() {
        signIn.as(admin.email());

        assertRefused(() -> accounts.deactivate(admin.accountId(), version(admin)), "users.error.deactivate-self");
        assertThat(accounts.account(admin.accountId()).active()).isTrue();
        assertThat(trail.since("account.deactivate")).extracting(AuditEventRecord::getDetail)
                .containsExactly("users.error.deactivate-self");
    }

    @Test
    void a_deactivated_therapist_cannot_sign_in_until_reactivated() {
        signIn.as(admin.email());

        AccountDetails deactivated = accounts.deactivate(therapist.accountId(), version(therapist));

        assertThat(deactivated.active()).isFalse();
        assertThat(users.loadUserByUsername(therapist.email()).isEnabled()).isFalse();
        AccountDetails reactivated = accounts.reactivate(therapist.accountId(), deactivated.version());
        assertThat(reactivated.roles()).containsExactly(Role.THERAPIST);
        assertThat(users.loadUserByUsername(therapist.email()).isEnabled()).isTrue();
        assertThat(trail.since("account.deactivate")).hasSize(1);
        assertThat(trail.since("account.reactivate")).hasSize(1);
    }

    @Test
    void a_save_after_another_admins_is_reported_and_changes_nothing() {
        signIn.as(admin.email());
        int read = version(therapist);
        accounts.changeRoles(therapist.accountId(), read, Set.of(Role.ADMIN, Role.THERAPIST));

        assertThatThrownBy(() -> accounts.deactivate(therapist.accountId(), read))
                .isInstanceOfSatisfying(StaleVersionException.class,
                        raced -> assertThat(raced.current(AccountDetails.class).roles())
                                .containsExactlyInAnyOrder(Role.ADMIN, Role.THERAPIST));
        assertThat(accounts.account(therapist.accountId()).active()).isTrue();
    }

    @Test
    void another_clinics_account_is_refused_like_one_that_does_not_exist() {
        signIn.as(admin.email());

        assertThatThrownBy(() -> accounts.account(otherTherapist.accountId())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.changeRoles(otherTherapist.accountId(), 0, Set.of(Role.ADMIN)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.deactivate(otherAdmin.accountId(), 0)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.reactivate(otherAdmin.accountId(), 0)).isInstanceOf(AccessDeniedException.class);

        assertThat(users.loadUserByUsername(otherAdmin.email()).isEnabled()).isTrue();
        assertThat(((TandemUser) users.loadUserByUsername(otherTherapist.email())).roles())
                .containsExactly(Role.THERAPIST);
        assertThat(trail.since("access.denied")).hasSize(4);
    }

    @Test
    void a_partner_gets_no_staff_role_and_no_account_is_left_without_one() {
        signIn.as(admin.email());
        long partner = couple.one().accountId();
        int partnerVersion = accounts.account(partner).version();

        assertRefused(() -> accounts.changeRoles(partner, partnerVersion, Set.of(Role.THERAPIST)), "users.error.not-staff");
        assertRefused(() -> accounts.changeRoles(therapist.accountId(), version(therapist), Set.of(Role.CLIENT)),
                "users.error.not-staff");
        assertRefused(() -> accounts.changeRoles(therapist.accountId(), version(therapist), Set.of()),
                "users.error.no-role");
    }

    @Test
    void a_therapist_and_a_partner_cannot_administer_accounts() {
        signIn.as(therapist.email());
        assertThatThrownBy(() -> accounts.account(colleague.accountId())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.deactivate(colleague.accountId(), 0)).isInstanceOf(AccessDeniedException.class);
        signIn.as(couple.one().email());
        assertThatThrownBy(() -> accounts.changeRoles(couple.one().accountId(), 0, Set.of(Role.ADMIN)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(users.loadUserByUsername(colleague.email()).isEnabled()).isTrue();
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String key) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RefusedException.class,
                refused -> assertThat(refused.messageKey()).isEqualTo(key));
    }
}
