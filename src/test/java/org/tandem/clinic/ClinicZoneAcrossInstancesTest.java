package org.tandem.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.database.InstanceChannel;
import org.tandem.database.TenantScope;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Clinic;

/**
 * A clinic's zone is cached on every instance (it is read on nearly every screen): when an admin changes it through
 * one instance, the others drop theirs at the commit and read the new one (decision 035).
 */
@SpringBootTest
@ActiveProfiles("test")
class ClinicZoneAcrossInstancesTest {

    @Autowired ClinicTime here;
    @Autowired ClinicRepository clinics;
    @Autowired Clock clock;
    @Autowired HikariDataSource pool;
    @Autowired Fixtures fixtures;
    @Autowired org.jooq.DSLContext dsl;

    @Test
    void the_other_instance_reads_the_new_zone_after_the_change_commits() throws Exception {
        Clinic[] clinic = new Clinic[1];
        fixtures.committed(() -> clinic[0] = fixtures.clinic("Zone across instances", ZoneId.of("Asia/Tokyo")));
        long id = clinic[0].id();
        InstanceChannel channel = new InstanceChannel(pool, true);
        ClinicTime there = new ClinicTime(clock, clinics, channel);
        channel.start();
        try {
            assertThat(there.zone(id)).isEqualTo(ZoneId.of("Asia/Tokyo"));

            fixtures.committed(() -> {
                TenantScope.installation(() -> dsl.update(org.tandem.jooq.Tables.CLINIC)
                        .set(org.tandem.jooq.Tables.CLINIC.TIME_ZONE, "America/Lima")
                        .where(org.tandem.jooq.Tables.CLINIC.ID.eq(id)).execute());
                here.forget(id);
            });

            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!there.zone(id).equals(ZoneId.of("America/Lima")) && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertThat(there.zone(id)).isEqualTo(ZoneId.of("America/Lima"));
            assertThat(here.zone(id)).isEqualTo(ZoneId.of("America/Lima"));
        } finally {
            channel.stop();
        }
    }
}
