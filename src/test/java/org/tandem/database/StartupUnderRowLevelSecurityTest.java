package org.tandem.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.support.DemoTest;
import org.tandem.support.StrictTenancy;

/**
 * What runs at start with no one signed in, run as in production (a context of its own, started strict): the
 * built-in module library, the demo clinic and the first sweep of balance summaries over every clinic each name their
 * scope, so the demo is there with its summaries (docs/decisions/029-second-wall-in-the-database.md).
 */
@SpringBootTest(properties = {DemoTest.DEMO, "tandem.test.context=strict-startup"})
@ActiveProfiles("test")
@StrictTenancy
class StartupUnderRowLevelSecurityTest {

    @Autowired DSLContext dsl;

    @Test
    void the_library_the_demo_clinic_and_its_balance_summaries_are_written_at_a_strict_start() {
        record Counts(int clinics, int builtIns, int couples, int summaries) {}
        Counts counts = TenantScope.installation(() -> new Counts(
                count("select count(*) from clinic"),
                count("select count(*) from module where clinic_id is null"),
                count("select count(*) from couple"),
                count("select count(*) from balance_summary")));

        assertThat(counts.clinics()).isOne();
        assertThat(counts.builtIns()).isPositive();
        assertThat(counts.couples()).isPositive();
        assertThat(counts.summaries()).isEqualTo(counts.couples());
        assertThat(count("select count(*) from couple")).as("and without a scope, nothing").isZero();
    }

    private int count(String sql) {
        return dsl.fetchSingle(sql).get(0, Integer.class);
    }
}
