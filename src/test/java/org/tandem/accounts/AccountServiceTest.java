package org.tandem.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.tandem.support.DemoTest;
import org.tandem.support.OtherClinic;
import org.tandem.support.SignIn;

@DemoTest
class AccountServiceTest {

    @Autowired AccountService accountService;
    @Autowired UserDetailsService accounts;
    @Autowired SignIn signIn;
    @Autowired PasswordEncoder passwordEncoder;
    @Autowired DSLContext dsl;
    @Autowired PlatformTransactionManager transactions;

    @BeforeEach
    void second_clinic_exists() {
        OtherClinic.ensure(dsl, transactions);
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    @Test
    void admin_lists_the_accounts_of_their_own_clinic_only() {
        signIn.as("admin@example.com");

        var page = accountService.page(0, 100);

        assertThat(page).extracting(AccountSummary::email)
                .contains("admin@example.com", "therapist@example.com", "therapist2@example.com", "alex@example.com")
                .doesNotContain(OtherClinic.THERAPIST_EMAIL, OtherClinic.ADMIN_EMAIL, OtherClinic.CLIENT_EMAIL);
        assertThat(page).hasSize(accountService.count());
        assertThat(page).filteredOn(account -> account.email().equals("therapist@example.com"))
                .singleElement()
                .satisfies(therapist -> {
                    assertThat(therapist.roles()).containsExactly(Role.THERAPIST);
                    assertThat(therapist.active()).isTrue();
                });
    }

    @Test
    void therapist_and_client_are_refused_the_user_list() {
        signIn.as("therapist@example.com");
        assertThatThrownBy(() -> accountService.page(0, 10)).isInstanceOf(AccessDeniedException.class);
        signIn.as("sam@example.com");
        assertThatThrownBy(() -> accountService.count()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void sign_in_loads_clinic_roles_and_a_hashed_password() {
        TandemUser therapist = (TandemUser) accounts.loadUserByUsername("  Therapist@Example.com ");

        assertThat(therapist.displayName()).isEqualTo("Dr. Jordan Reyes");
        assertThat(therapist.roles()).containsExactly(Role.THERAPIST);
        assertThat(therapist.getPassword()).startsWith("{argon2}");
        assertThat(passwordEncoder.matches("tandem-demo-2026", therapist.getPassword())).isTrue();
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
        long demoClinic = ((TandemUser) accounts.loadUserByUsername("admin@example.com")).clinicId();

        assertThatThrownBy(() -> accountService.createFirstAdmin(demoClinic,
                new NewAccount("Intruder", "intruder@example.com", "a-long-enough-password")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(accountService.emailTaken("intruder@example.com")).isFalse();
    }
}
