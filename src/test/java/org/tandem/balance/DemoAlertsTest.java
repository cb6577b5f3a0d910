package org.tandem.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.jooq.Tables.BALANCE_SUMMARY;
import static org.tandem.jooq.Tables.COUPLE;
import static org.tandem.jooq.Tables.PARTNER;

import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.support.DemoTest;
import org.tandem.support.SignIn;
import org.tandem.support.TestData;

/** The demo clinic shows the alerts its stories were written for (DemoClinicLoader), each on the right couple. */
@DemoTest
class DemoAlertsTest {

    @Autowired AlertService alerts;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;

    @BeforeEach
    void jordan() {
        signIn.as("therapist@example.com"); // the demo's Jordan Reyes
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    long partner(String fullName) {
        return dsl.select(PARTNER.ID).from(PARTNER).where(PARTNER.FULL_NAME.eq(fullName)).fetchSingle(PARTNER.ID);
    }

    List<CoupleAlert> of(String partnerName, AlertKind kind) {
        return alerts.alerts(TestData.coupleOf(dsl, partnerName)).stream().filter(alert -> alert.kind() == kind)
                .toList();
    }

    @Test
    void partners_who_can_sign_in_have_checked_in_for_a_session_within_48_hours_except_ama() {
        List<String> missing = dsl.select(COUPLE.ID).from(COUPLE).fetch(COUPLE.ID).stream()
                .flatMap(couple -> {
                    try {
                        return alerts.alerts(couple).stream();
                    } catch (org.springframework.security.access.AccessDeniedException notJordans) {
                        return java.util.stream.Stream.empty();
                    }
                })
                .filter(alert -> alert.kind() == AlertKind.MISSING_CHECK_IN && alert.partnerId() != null)
                .map(alert -> dsl.fetchValue(PARTNER.FULL_NAME, PARTNER.ID.eq(alert.partnerId())))
                .toList();
        // Only the story of the missing check-in: every other partner who can sign in has checked in for a session
        // whose window is open, and the couples without accounts (Lucía & Marco, Sofia & Erik) cannot check in, so
        // the demo books their next session beyond the 48 hours (DemoHistory.Next). Whatever day the demo is loaded:
        // DemoStoriesTest.
        assertThat(missing).containsExactly("Ama Mensah");
    }

    @Test
    void wei_shows_a_reliable_deterioration_of_intimacy_estimated_not_provisional() {
        assertThat(of("Wei Chen", AlertKind.RELIABLE_DETERIORATION))
                .extracting(CoupleAlert::partnerId, CoupleAlert::reasonKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(partner("Wei Chen"),
                        "balance.alert.deterioration.intimacy"));
    }

    @Test
    void aisha_and_omar_show_the_divergence_flag_at_their_latest_session() {
        assertThat(of("Aisha Khan", AlertKind.DIVERGENCE)).singleElement()
                .satisfies(alert -> assertThat(alert.partnerId()).isNull());
    }

    @Test
    void ama_has_not_checked_in_for_the_session_within_48_hours_and_kwame_has() {
        assertThat(of("Kwame Mensah", AlertKind.MISSING_CHECK_IN)).extracting(CoupleAlert::partnerId)
                .containsExactly(partner("Ama Mensah"));
    }

    @Test
    void alex_and_sam_improve_without_a_deterioration() {
        assertThat(of("Alex Morgan", AlertKind.RELIABLE_DETERIORATION)).isEmpty();
    }

    @Test
    void the_startup_sweep_filled_the_summary_of_every_demo_couple_with_their_open_alerts() {
        long weiAndJamie = TestData.coupleOf(dsl, "Wei Chen");
        int open = (int) alerts.alerts(weiAndJamie).stream().filter(alert -> !alert.acknowledged()).count();

        assertThat(dsl.select(BALANCE_SUMMARY.ALERTS).from(BALANCE_SUMMARY)
                .where(BALANCE_SUMMARY.COUPLE_ID.eq(weiAndJamie)).fetchSingle(BALANCE_SUMMARY.ALERTS))
                .isEqualTo(open).isPositive();
        assertThat(dsl.select(BALANCE_SUMMARY.PARTNER_ONE_TREND).from(BALANCE_SUMMARY)
                .where(BALANCE_SUMMARY.COUPLE_ID.eq(weiAndJamie)).fetchSingle(BALANCE_SUMMARY.PARTNER_ONE_TREND))
                .isEqualTo(Trend.DOWN);
    }
}
