package org.tandem.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.jooq.Tables.ACCOUNT;

import org.jooq.DSLContext;
import org.jooq.Record2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Clinic;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;

/** Argon2id at OWASP's minimum (19 MiB, t = 2, p = 1); an older, weaker hash is replaced at the next sign-in. */
@IntegrationTest
class PasswordRehashTest {

    /** What Tandem stored before: Spring Security 5.8's defaults, 16 MiB. */
    static final PasswordEncoder SIXTEEN_MIB = new Argon2PasswordEncoder(16, 32, 1, 16_384, 2);

    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder passwordEncoder;

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    @Test
    void new_hashes_use_nineteen_mebibytes_two_passes_and_one_lane() {
        assertThat(passwordEncoder.encode("a long enough passphrase"))
                .startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
    }

    @Test
    void a_weaker_hash_is_replaced_at_the_next_sign_in_and_nothing_else_of_the_account_changes() {
        Person jordan = therapist();
        String weak = "{argon2}" + SIXTEEN_MIB.encode(Fixtures.PASSWORD);
        dsl.update(ACCOUNT).set(ACCOUNT.PASSWORD_HASH, weak).where(ACCOUNT.ID.eq(jordan.accountId())).execute();
        Record2<Integer, java.time.OffsetDateTime> before = versionAndSessions(jordan);

        assertThatThrownBy(() -> signIn.passphrase(jordan.email(), "not the passphrase at all"))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(hashOf(jordan)).as("a wrong passphrase rewrites nothing").isEqualTo(weak);

        signIn.passphrase(jordan.email());
        String rehashed = hashOf(jordan);
        assertThat(rehashed).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(passwordEncoder.matches(Fixtures.PASSWORD, rehashed)).isTrue();
        assertThat(versionAndSessions(jordan)).isEqualTo(before);
        signIn.out();

        signIn.passphrase(jordan.email());
        assertThat(hashOf(jordan)).as("a hash as strong as wanted stays").isEqualTo(rehashed);
    }

    private Person therapist() {
        Person[] made = new Person[1];
        fixtures.committed(() -> {
            Clinic clinic = fixtures.clinic("Riverside Counselling");
            made[0] = fixtures.therapist(clinic, "Dr. Jordan Reyes");
        });
        return made[0];
    }

    private String hashOf(Person person) {
        return dsl.fetchValue(ACCOUNT.PASSWORD_HASH, ACCOUNT.ID.eq(person.accountId()));
    }

    private Record2<Integer, java.time.OffsetDateTime> versionAndSessions(Person person) {
        return dsl.select(ACCOUNT.VERSION, ACCOUNT.SESSIONS_VALID_AFTER).from(ACCOUNT)
                .where(ACCOUNT.ID.eq(person.accountId())).fetchSingle();
    }
}
