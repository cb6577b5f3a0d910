package org.tandem.invitations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.jooq.Tables.ACCOUNT;
import static org.tandem.jooq.Tables.ACCOUNT_ROLE;
import static org.tandem.jooq.Tables.CLINIC;
import static org.tandem.jooq.Tables.COUPLE;
import static org.tandem.jooq.Tables.COUPLE_THERAPIST;
import static org.tandem.jooq.Tables.PARTNER;

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
import org.tandem.support.DemoTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;

/**
 * A link clicked twice at once (two tabs, a double submit) creates one account: the acceptance holds
 * the invitation's row lock. Needs committed data, so it works in a clinic of its own (never the demo
 * clinic or {@code OtherClinic}, whose contents other tests count); the test database is thrown away.
 */
@SpringBootTest(properties = DemoTest.DEMO)
@ActiveProfiles("test")
class ConcurrentAcceptanceTest {

    @Autowired InvitationService invitations;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired PlatformTransactionManager transactions;

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    @Test
    void two_simultaneous_acceptances_of_one_link_create_one_account() throws Exception {
        String suffix = Long.toString(System.nanoTime(), 36);
        String therapistEmail = "therapist-" + suffix + "@concurrent.example";
        String partnerEmail = "partner-" + suffix + "@concurrent.example";
        long couple = new TransactionTemplate(transactions).execute(status -> {
            long clinic = dsl.insertInto(CLINIC).set(CLINIC.CREATED_AT, TestClock.START_AT).set(CLINIC.NAME, "Concurrency Clinic " + suffix)
                    .returning(CLINIC.ID).fetchSingle(CLINIC.ID);
            long therapist = dsl.insertInto(ACCOUNT).set(ACCOUNT.CREATED_AT, TestClock.START_AT).set(ACCOUNT.CLINIC_ID, clinic).set(ACCOUNT.EMAIL, therapistEmail)
                    .set(ACCOUNT.DISPLAY_NAME, "Pat Quinn").set(ACCOUNT.PASSWORD_HASH, "{noop}not-for-signing-in-123")
                    .returning(ACCOUNT.ID).fetchSingle(ACCOUNT.ID);
            dsl.insertInto(ACCOUNT_ROLE).set(ACCOUNT_ROLE.CLINIC_ID, clinic).set(ACCOUNT_ROLE.ACCOUNT_ID, therapist)
                    .set(ACCOUNT_ROLE.ROLE, Role.THERAPIST).execute();
            long id = dsl.insertInto(COUPLE).set(COUPLE.CREATED_AT, TestClock.START_AT).set(COUPLE.UPDATED_AT, TestClock.START_AT).set(COUPLE.CLINIC_ID, clinic).returning(COUPLE.ID).fetchSingle(COUPLE.ID);
            dsl.insertInto(PARTNER).set(PARTNER.CLINIC_ID, clinic).set(PARTNER.COUPLE_ID, id)
                    .set(PARTNER.POSITION, (short) 1).set(PARTNER.FULL_NAME, "Noor Haddad")
                    .set(PARTNER.EMAIL, partnerEmail).execute();
            dsl.insertInto(PARTNER).set(PARTNER.CLINIC_ID, clinic).set(PARTNER.COUPLE_ID, id)
                    .set(PARTNER.POSITION, (short) 2).set(PARTNER.FULL_NAME, "Sami Haddad").execute();
            dsl.insertInto(COUPLE_THERAPIST).set(COUPLE_THERAPIST.ASSIGNED_AT, TestClock.START_AT).set(COUPLE_THERAPIST.CLINIC_ID, clinic)
                    .set(COUPLE_THERAPIST.COUPLE_ID, id).set(COUPLE_THERAPIST.ACCOUNT_ID, therapist)
                    .set(COUPLE_THERAPIST.ROLE, TherapistRole.PRIMARY).execute();
            return id;
        });
        signIn.as(therapistEmail);
        String token = invitations.issueForPartner(couple, 1).path().substring("invitation/".length());
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
