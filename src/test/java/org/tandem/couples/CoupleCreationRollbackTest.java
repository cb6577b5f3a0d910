package org.tandem.couples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.jooq.Tables.AUDIT_EVENT;
import static org.tandem.jooq.Tables.COUPLE;
import static org.tandem.jooq.Tables.COUPLE_STATUS_CHANGE;
import static org.tandem.jooq.Tables.COUPLE_THERAPIST;
import static org.tandem.jooq.Tables.PARTNER;

import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.support.Fixtures;
import org.tandem.support.SignIn;

/**
 * Without the rolling-back test transaction: a create that fails in the database, after the couple row is
 * written, leaves nothing behind (the unique index on partners' e-mails stops the second partner).
 */
@SpringBootTest
@ActiveProfiles("test")
class CoupleCreationRollbackTest {

    @Autowired CoupleService couples;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired Fixtures fixtures;
    String therapist;

    @BeforeEach
    void a_therapist() {
        fixtures.committed(() -> therapist = fixtures
                .therapist(fixtures.clinic("Riverside Counselling"), "Dr. Jordan Reyes").email());
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    private List<Integer> counts() {
        return List.of(dsl.fetchCount(COUPLE), dsl.fetchCount(PARTNER), dsl.fetchCount(COUPLE_THERAPIST),
                dsl.fetchCount(COUPLE_STATUS_CHANGE), dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("couple.create")));
    }

    @Test
    void a_create_refused_by_the_database_half_way_writes_nothing() {
        signIn.as(therapist);
        List<Integer> before = counts();
        CoupleData sameEmailTwice = new CoupleData(
                new PartnerData("Jo Rivera", null, null, "shared@family.example"),
                new PartnerData("Sam Rivera", null, null, "Shared@Family.example"),
                LocalDate.of(2015, 6, 1), LivingTogether.YES, List.of("trust"), CoupleStatus.INTAKE);

        assertThatThrownBy(() -> couples.create(sameEmailTwice))
                .isInstanceOfSatisfying(PartnerEmailTakenException.class, taken -> {
                    assertThat(taken.position()).isEqualTo(2);
                    assertThat(taken).hasCauseInstanceOf(org.springframework.dao.DuplicateKeyException.class);
                });

        assertThat(counts()).isEqualTo(before);
        assertThat(dsl.fetchCount(PARTNER, PARTNER.EMAIL.eq("shared@family.example"))).isZero();
    }
}
