package org.tandem.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Clinic;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;

@IntegrationTest
class AccountServiceTest {

    @Autowired AccountService accountService;
    @Autowired UserDetailsService accounts;
    @Autowired SignIn signIn;
    @Autowired PasswordEncoder passwordEncoder;
    @Autowired Fixtures fixtures;

    private Person admin;
    private Person therapist;
    private Person colleague;
    private Couple couple;
    private Person otherAdmin;
    private Person otherTherapist;
    private Couple otherCouple;

    @BeforeEach
    void two_clinics() {
        fixtures.committed(this::make_two_clinics);
    }

    private void make_two_clinics() {
        Clinic clinic = fixtures.clinic("Riverside Counselling");
        admin = fixtures.admin(clinic, "Morgan Ellis");
        therapist = fixtures.therapist(clinic, "Dr. Jordan Reyes");
        colleague = fixtures.therapist(clinic, "Priya Nair");
        couple = fixtures.couple(therapist, "Alex Morgan", "Samira Patel");
        Clinic other = fixtures.clinic("Northside Counselling");
        otherAdmin = fixtures.admin(other, "Dana Office");
        otherTherapist = fixtures.therapist(other, "Lee Park");
        otherCouple = fixtures.couple(otherTherapist, "Robin Hart", "Casey Hart");
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    @Test
    void admin_lists_the_accounts_of_their_own_clinic_only() {
        signIn.as(admin.email());

        var page = accountService.page(0, 100);

        assertThat(page).extracting(AccountSummary::email)
                .contains(admin.email(), therapist.email(), colleague.email(), couple.one().email())
                .doesNotContain(otherTherapist.email(), otherAdmin.email(), otherCouple.one().email());
        assertThat(page).hasSize(accountService.count());
        assertThat(page).filteredOn(account -> account.email().equals(therapist.email()))
                .singleElement()
                .satisfies(therapist -> {
                    assertThat(therapist.roles()).containsExactly(Role.THERAPIST);
                    assertThat(therapist.active()).isTrue();
                });
    }

    @Test
    void therapist_and_client_are_refused_the_user_list() {
        signIn.as(therapist.email());
        assertThatThrownBy(() -> accountService.page(0, 10)).isInstanceOf(AccessDeniedException.class);
        signIn.as(couple.two().email());
        assertThatThrownBy(() -> accountService.count()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void sign_in_loads_clinic_roles_and_a_hashed_password() {
        TandemUser loaded = (TandemUser) accounts
                .loadUserByUsername("  " + therapist.email().toUpperCase(Locale.ROOT) + " ");

        assertThat(loaded.displayName()).isEqualTo("Dr. Jordan Reyes");
        assertThat(loaded.roles()).containsExactly(Role.THERAPIST);
        assertThat(loaded.getPassword()).startsWith("{argon2}");
        assertThat(passwordEncoder.matches(Fixtures.PASSWORD, loaded.getPassword())).isTrue();
    }

    @Test
    void passphrases_of_128_characters_are_hashed_whole() {
        String long128 = "a".repeat(120) + "12345678";
        String hash = passwordEncoder.encode(long128);

        assertThat(passwordEncoder.matches(long128, hash)).isTrue();
        assertThat(passwordEncoder.matches("a".repeat(120) + "12345679", hash)).isFalse();
    }

    @Test
    void the_first_admin_cannot_be_created_twice_for_a_clinic() {
        assertThatThrownBy(() -> accountService.createFirstAdmin(admin.clinicId(),
                new NewAccount("Intruder", "intruder@example.com", "a-long-enough-password")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(accountService.emailTaken("intruder@example.com")).isFalse();
    }
}
