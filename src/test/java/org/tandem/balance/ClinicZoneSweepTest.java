package org.tandem.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.jooq.Tables.BALANCE_SUMMARY;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.support.Fixtures;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;
import org.tandem.support.TestModules;

/**
 * The periodic sweep runs with nobody signed in, for every clinic at once: an assignment due on Wednesday is overdue
 * once Wednesday has ended in its own clinic's zone, not the installation's.
 */
@IntegrationTest
class ClinicZoneSweepTest {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final LocalDate WEDNESDAY = LocalDate.of(2026, 6, 10);

    @Autowired BalanceSummaries summaries;
    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;
    @Autowired TestClock clock;
    @Autowired DSLContext dsl;

    @Test
    void the_sweep_judges_each_clinics_couples_by_that_clinics_date() {
        Fixtures.Person tokyo = fixtures.therapist(fixtures.clinic("Harbour Counselling", TOKYO), "Dr. Jordan Reyes");
        Fixtures.Person honolulu = fixtures.therapist(fixtures.clinic("Island Counselling",
                ZoneId.of("Pacific/Honolulu")), "Priya Nair");
        Fixtures.Couple inTokyo = fixtures.couple(tokyo, "Alex Morgan", "Samira Patel");
        Fixtures.Couple inHonolulu = fixtures.couple(honolulu, "Mateo Silva", "Luke Bennett");
        fixtures.assignment(tokyo, inTokyo,
                TestModules.publish(dsl, tokyo.email(), TestModules.everyKind("Listening")), WEDNESDAY);
        fixtures.assignment(honolulu, inHonolulu,
                TestModules.publish(dsl, honolulu.email(), TestModules.everyKind("Listening")), WEDNESDAY);
        signIn.out();

        // 00:30 on Thursday in Tokyo; 05:30 on Wednesday in Honolulu and 17:30 on Wednesday in the installation's Berlin
        Instant thursdayInTokyo = ZonedDateTime.of(WEDNESDAY.plusDays(1).atTime(0, 30), TOKYO).toInstant();
        clock.set(thursdayInTokyo);
        assertThat(LocalDate.ofInstant(thursdayInTokyo, TestClock.ZONE)).isEqualTo(WEDNESDAY);
        summaries.sweepTimeSensitive();

        assertThat(alerts(inTokyo)).as("overdue in Tokyo").isEqualTo(1);
        assertThat(alerts(inHonolulu)).as("still Wednesday in Honolulu").isZero();
    }

    private int alerts(Fixtures.Couple couple) {
        return dsl.select(BALANCE_SUMMARY.ALERTS).from(BALANCE_SUMMARY)
                .where(BALANCE_SUMMARY.COUPLE_ID.eq(couple.id())).fetchOptional(BALANCE_SUMMARY.ALERTS).orElse(0);
    }
}
