package org.tandem.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.jooq.Tables.NOTIFICATION;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.database.TenantScope;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Clinic;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.StrictTenancy;
import org.tandem.support.TestClock;

/**
 * The check-in sweep runs with no one signed in, as the scheduler runs it, under row-level security with no test
 * default: it lists the clinics across them and tells each clinic's partners in that clinic's own scope.
 */
@IntegrationTest
@StrictTenancy
class CheckInNoticesStrictTest {

    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired CheckInNotices checkInNotices;

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    @Test
    void with_no_one_signed_in_each_clinics_partners_are_told_in_their_own_clinic() {
        Clinic riverside = fixtures.clinic("Strict Riverside");
        Person jordan = fixtures.therapist(riverside, "Strict Jordan");
        Couple alexAndSam = fixtures.couple(jordan, "Strict Alex", "Strict Sam");
        fixtures.session(jordan, alexAndSam, TestClock.TODAY.plusDays(1).atTime(17, 0));
        Clinic northside = fixtures.clinic("Strict Northside");
        Person lee = fixtures.therapist(northside, "Strict Lee");
        Couple robinAndCasey = fixtures.couple(lee, "Strict Robin", "Strict Casey");
        fixtures.session(lee, robinAndCasey, TestClock.TODAY.plusDays(1).atTime(9, 0));
        signIn.out();

        checkInNotices.sweep();

        assertThat(TenantScope.clinic(riverside.id(), () -> dsl.select(NOTIFICATION.RECIPIENT_ACCOUNT_ID)
                .from(NOTIFICATION).where(NOTIFICATION.KIND.eq(NotificationKind.CHECK_IN_OPEN))
                .fetch(NOTIFICATION.RECIPIENT_ACCOUNT_ID)))
                .containsExactlyInAnyOrder(alexAndSam.one().accountId(), alexAndSam.two().accountId());
        assertThat(TenantScope.clinic(northside.id(), () -> dsl.select(NOTIFICATION.RECIPIENT_ACCOUNT_ID)
                .from(NOTIFICATION).where(NOTIFICATION.KIND.eq(NotificationKind.CHECK_IN_OPEN))
                .fetch(NOTIFICATION.RECIPIENT_ACCOUNT_ID)))
                .containsExactlyInAnyOrder(robinAndCasey.one().accountId(), robinAndCasey.two().accountId());
    }
}
