package org.tandem.sessions.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.jooq.Tables.COUPLE_SESSION;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.support.DemoTest;

/** The demo's own sessions: each lasts a length the Sessions tab's form offers, so editing one never loses it. */
@DemoTest
class DemoSessionLengthsTest {

    @Autowired DSLContext dsl;

    @Test
    void every_demo_session_lasts_a_length_the_form_offers() {
        assertThat(dsl.selectDistinct(COUPLE_SESSION.DURATION_MINUTES).from(COUPLE_SESSION)
                .fetch(COUPLE_SESSION.DURATION_MINUTES)).isNotEmpty().isSubsetOf(CoupleSessionsView.DURATIONS);
    }
}
