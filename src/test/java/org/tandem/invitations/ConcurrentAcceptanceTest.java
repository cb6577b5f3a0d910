package org.tandem.invitations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.jooq.Tables.ACCOUNT;

import org.tandem.accounts.Role;
import org.tandem.couples.TherapistRole;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.support.Fixtures;
import org.tandem.support.InvitationFixtures;
import org.tandem.support.SignIn;

/**
 * A link clicked twice at once (two tabs, a double submit) creates one account: the acceptance holds
 * the invitation's row lock. Needs committed data, so it works in a fixture clinic of its own, which
 * other tests never meet (they build their own); the test database is thrown away.
 */
@SpringBootTest
@ActiveProfiles("test")
class ConcurrentAcceptanceTest {

    @Autowired InvitationService invitations;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired PlatformTransactionManager transactions;
    @Autowired Fixtures fixtures;
    @Autowired InvitationFixtures invitees;

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    @Test
    void two_simultaneous_acceptances_of_one_link_create_one_account() throws Exception {
        TransactionTemplate committed = new TransactionTemplate(transactions);
        Fixtures.Person therapist = committed.execute(
                status -> fixtures.therapist(fixtures.clinic("Concurrency Clinic"), "Pat Quinn"));
        InvitationFixtures.UninvitedCouple couple = committed.execute(
                status -> invitees.uninvitedCouple(therapist, "Noor Haddad", "Sami Haddad"));
        String partnerEmail = couple.one().email();
        signIn.as(therapist.email());
        String token = invitations.issueForPartner(couple.id(), 1).path().substring("invitation/".length());
        signIn.out();

        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < 2; i++) {
                outcomes.add(threads.submit(() -> {
                    start.await();
                    try {
                        invitations.accept(token, "river kettle moss lantern");
                        return "accepted";
                    } catch (InvitationRefusedException refused) {
                        return refused.reason().name();
                    }
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get());
            }
            assertThat(results).containsExactlyInAnyOrder("accepted", "USED");
        }
        assertThat(dsl.fetchCount(ACCOUNT, ACCOUNT.EMAIL.eq(partnerEmail))).isEqualTo(1);
    }
}
