package org.tandem.passwordreset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.jooq.Tables.PASSWORD_RESET;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.SignIn;

/**
 * A reset link submitted twice at once (two tabs, a double click) sets the passphrase once: the reset holds the
 * link's row lock. Needs committed data, in a fixture clinic of its own that other tests never meet.
 */
@SpringBootTest
@ActiveProfiles("test")
class ConcurrentResetTest {

    @Autowired PasswordResetService resets;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired Fixtures fixtures;

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    @Test
    void two_simultaneous_uses_of_one_link_set_the_passphrase_once() throws Exception {
        Person[] people = new Person[2];
        fixtures.committed(() -> {
            Fixtures.Clinic clinic = fixtures.clinic("Concurrency Clinic");
            people[0] = fixtures.admin(clinic, "Pat Quinn");
            people[1] = fixtures.therapist(clinic, "Noor Haddad");
        });
        signIn.as(people[0].email());
        String link = resets.issueFor(people[1].accountId()).link();
        String token = link.substring(link.indexOf(PasswordResetService.RESET_ROUTE_PREFIX)
                + PasswordResetService.RESET_ROUTE_PREFIX.length());
        signIn.out();

        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < 2; i++) {
                outcomes.add(threads.submit(() -> {
                    start.await();
                    try {
                        resets.reset(token, "river kettle moss lantern");
                        return "reset";
                    } catch (ResetRefusedException refused) {
                        return refused.reason().name();
                    }
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get());
            }
            assertThat(results).containsExactlyInAnyOrder("reset", "USED");
        }
        assertThat(dsl.fetchCount(PASSWORD_RESET, PASSWORD_RESET.ACCOUNT_ID.eq(people[1].accountId())
                .and(PASSWORD_RESET.USED_AT.isNotNull()))).isOne();
    }
}
