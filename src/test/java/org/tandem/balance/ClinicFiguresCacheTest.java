package org.tandem.balance;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.balance.BalanceSummaries.ClinicFigures;
import org.tandem.caseload.GeneratedCouples;
import org.tandem.database.InstanceChannel;
import org.tandem.database.TenantScope;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Clinic;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.SignIn;

/**
 * The clinic's balance figures are kept between reads and never served stale: each step below commits, as in
 * production, and the next read must show what it changed (or, where nothing could change, be the very figures kept).
 */
@SpringBootTest
@ActiveProfiles("test")
class ClinicFiguresCacheTest {

    private static final ClinicFigures SOME = new ClinicFigures(BalanceSettings.DEFAULTS,
            new Reliability(ReliabilityParameters.DEFAULTS, ReliabilityParameters.DEFAULTS));

    @Autowired ClinicFiguresCache cache;
    @Autowired BalanceSummaries summaries;
    @Autowired CheckInService checkIns;
    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired PlatformTransactionManager transactions;
    @Autowired HikariDataSource pool;

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    private ClinicFigures figures(long clinicId) {
        return TenantScope.clinic(clinicId, () -> summaries.clinic(clinicId));
    }

    @Test
    void a_partners_first_check_in_and_a_settings_change_show_at_once_a_later_check_in_keeps_the_figures() {
        Clinic[] clinic = new Clinic[1];
        Person[] people = new Person[2];
        Couple[] couple = new Couple[1];
        fixtures.committed(() -> {
            clinic[0] = fixtures.clinic("Figures kept");
            people[0] = fixtures.therapist(clinic[0], "Kept Therapist");
            people[1] = fixtures.admin(clinic[0], "Kept Admin");
            couple[0] = fixtures.couple(people[0], "Kept One", "Kept Two");
            // 14 couples, 28 partners with baselines: two short of the 30 that estimate the clinic's own figures
            TenantScope.clinic(clinic[0].id(), () -> GeneratedCouples.generate(dsl, clinic[0].id(),
                    people[0].accountId(), 1, 14, true));
        });
        long id = clinic[0].id();
        Person therapist = people[0];
        ClinicFigures provisional = figures(id);
        assertThat(provisional.reliability().independence().provisional()).isTrue();
        assertThat(figures(id)).as("kept between reads").isSameAs(provisional);

        fixtures.checkIn(therapist, couple[0], couple[0].one(), 3, 3, 3, 3, 3, 3, 3, 3, 3, 3);
        fixtures.checkIn(therapist, couple[0], couple[0].two(), 5, 1, 4, 2, 6, 1, 5, 2, 4, 3);
        ClinicFigures estimated = figures(id);
        assertThat(estimated.reliability().independence().provisional())
                .as("the 30th baseline, submitted and committed, is counted by the next read").isFalse();

        fixtures.checkIn(therapist, couple[0], couple[0].two(), 6, 6, 6, 6, 6, 6, 6, 6, 6, 6);
        assertThat(figures(id)).as("a partner's later check-in changes no baseline: the figures are kept")
                .isSameAs(estimated);

        signIn.during(people[1].email(), () -> checkIns.updateSettings(checkIns.editableSettings().clinicVersion(),
                new BalanceSettings(55, 30)));
        assertThat(figures(id).settings()).isEqualTo(new BalanceSettings(55, 30));
        assertThat(figures(id).reliability()).isEqualTo(estimated.reliability());
    }

    @Test
    void the_transaction_that_changed_the_figures_reads_them_afresh_and_nobody_keeps_what_it_read() {
        long clinicId = Long.MAX_VALUE - 1;
        AtomicInteger loads = new AtomicInteger();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            cache.forget(clinicId);
            cache.get(clinicId, id -> counted(loads));
            cache.get(clinicId, id -> counted(loads));
            assertThat(loads).as("uncommitted changes are read afresh each time").hasValue(2);
        });

        cache.get(clinicId, id -> counted(loads));
        cache.get(clinicId, id -> counted(loads));
        assertThat(loads).as("read once after the commit, then kept").hasValue(3);
    }

    @Test
    void figures_loaded_while_they_were_forgotten_are_not_kept() {
        long clinicId = Long.MAX_VALUE - 2;
        AtomicInteger loads = new AtomicInteger();
        cache.get(clinicId, id -> {
            cache.forget(id); // a change committed by someone else while this load read the old figures
            return counted(loads);
        });
        cache.get(clinicId, id -> counted(loads));
        cache.get(clinicId, id -> counted(loads));
        assertThat(loads).hasValue(2);
    }

    @Test
    void another_instance_drops_its_figures_when_the_change_commits() throws InterruptedException {
        long clinicId = Long.MAX_VALUE - 3;
        AtomicInteger loads = new AtomicInteger();
        InstanceChannel channel = new InstanceChannel(pool, true);
        ClinicFiguresCache there = new ClinicFiguresCache(channel, event -> { });
        channel.start();
        try {
            there.get(clinicId, id -> counted(loads));
            new TransactionTemplate(transactions).executeWithoutResult(status -> cache.forget(clinicId));

            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (loads.get() == 1 && System.nanoTime() < until) {
                there.get(clinicId, id -> counted(loads));
                Thread.sleep(10);
            }
            assertThat(loads).as("read again on the other instance after the commit").hasValue(2);
        } finally {
            channel.stop();
        }
    }

    private static ClinicFigures counted(AtomicInteger loads) {
        loads.incrementAndGet();
        return SOME;
    }
}
