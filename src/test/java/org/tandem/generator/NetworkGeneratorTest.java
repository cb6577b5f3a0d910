package org.tandem.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tandem.balance.BalanceService;
import org.tandem.balance.CoupleBalance;
import org.tandem.caseload.CaseloadEntry;
import org.tandem.caseload.CaseloadService;
import org.tandem.support.SignIn;

@NetworkTest
class NetworkGeneratorTest {

    @Autowired NetworkGenerator generator;
    @Autowired @Qualifier("ownerDataSource") DataSource owner;
    @Autowired CaseloadService caseload;
    @Autowired BalanceService balance;
    @Autowired SignIn signIn;

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    private JdbcTemplate sql() {
        return new JdbcTemplate(owner);
    }

    private long count(String query, long clinicId) {
        Long count = sql().queryForObject(query, Long.class, clinicId);
        return count == null ? 0 : count;
    }

    @Test
    void a_hundredth_of_the_network_has_its_hundredth_of_every_count() {
        GeneratedNetwork network = generator.generate(0.01);

        assertThat(network.clinicIds()).hasSize(1);
        assertThat(network.therapistAccountIds()).hasSize(10);
        assertThat(network).extracting(GeneratedNetwork::couples, GeneratedNetwork::checkIns,
                GeneratedNetwork::answers, GeneratedNetwork::auditRows).containsExactly(100L, 10_000L, 50_000L, 20_000L);
        long clinic = network.clinicIds().getFirst();
        assertThat(count("select count(*) from couple where clinic_id = ?", clinic)).isEqualTo(100);
        assertThat(count("select count(*) from partner where clinic_id = ? and account_id is not null", clinic))
                .isEqualTo(200);
        assertThat(count("select count(*) from couple_session where clinic_id = ?", clinic)).isEqualTo(5_000);
        assertThat(count("select count(*) from session_note where clinic_id = ?", clinic)).isBetween(3_500L, 4_800L);
        assertThat(count("select count(*) from check_in where clinic_id = ?", clinic)).isEqualTo(10_000);
        assertThat(count("select count(*) from check_in_answer where clinic_id = ?", clinic)).isEqualTo(100_000);
        assertThat(count("select count(*) from answer where clinic_id = ?", clinic)).isEqualTo(50_000);
        assertThat(count("select count(*) from audit_event where clinic_id = ?", clinic)).isEqualTo(20_000);
        assertThat(count("select count(*) from balance_summary where clinic_id = ?", clinic)).isEqualTo(100);
        assertThat(count("select count(*) from account_role where clinic_id = ? and role = 'ADMIN'", clinic))
                .isEqualTo(1);
    }

    @Test
    void it_has_the_demos_distributions() {
        long clinic = generator.generate(0.01).clinicIds().getFirst();

        List<String> statuses = sql().queryForList(
                "select distinct status from couple where clinic_id = ?", String.class, clinic);
        assertThat(statuses).containsExactlyInAnyOrder("ACTIVE", "INTAKE", "PAUSED", "CLOSED");
        List<String> zones = sql().queryForList("""
                select distinct partner_one_zone from balance_summary where clinic_id = ?
                union select distinct partner_two_zone from balance_summary where clinic_id = ?""",
                String.class, clinic, clinic);
        assertThat(zones).contains("BALANCED", "DISTANT", "FUSED", "DISCONNECTED");
        List<String> sessions = sql().queryForList(
                "select distinct status from couple_session where clinic_id = ?", String.class, clinic);
        assertThat(sessions).containsExactlyInAnyOrder("SCHEDULED", "HELD", "CANCELLED", "NO_SHOW");
        Map<String, Object> assignments = sql().queryForMap("""
                select count(*) filter (where reviewed_at is not null) as reviewed,
                    count(*) filter (where reviewed_at is null and not exists (select 1 from assignment_work w
                        where w.assignment_id = a.id and w.submitted_at is null)) as submitted,
                    count(*) filter (where exists (select 1 from assignment_work w where w.assignment_id = a.id
                        and w.started_at is not null and w.submitted_at is null)) as in_progress,
                    count(*) filter (where not exists (select 1 from assignment_work w where w.assignment_id = a.id
                        and w.started_at is not null)) as not_started,
                    count(*) filter (where due_on < ? and exists (select 1 from assignment_work w
                        where w.assignment_id = a.id and w.submitted_at is null)) as overdue
                from module_assignment a where clinic_id = ?""", org.tandem.support.TestClock.TODAY, clinic);
        assertThat(assignments.values()).allSatisfy(value -> assertThat((Long) value).isPositive());
        assertThat(count("select count(*) from balance_summary where clinic_id = ? and alerts > 0", clinic))
                .isPositive();
    }

    @Test
    void every_row_belongs_to_its_couples_clinic() {
        long clinic = generator.generate(0.01).clinicIds().getFirst();

        // The foreign keys were not checked row by row while writing: the generator's own keys must hold.
        assertThat(sql().queryForObject("""
                select (select count(*) from partner p join couple c on c.id = p.couple_id
                            where p.clinic_id <> c.clinic_id)
                    + (select count(*) from partner p join account a on a.id = p.account_id
                            where p.clinic_id <> a.clinic_id)
                    + (select count(*) from couple_therapist t join account a on a.id = t.account_id
                            where t.clinic_id <> a.clinic_id)
                    + (select count(*) from couple_session s join couple c on c.id = s.couple_id
                            where s.clinic_id <> c.clinic_id)
                    + (select count(*) from session_note n join couple_session s on s.id = n.session_id
                            where n.clinic_id <> s.clinic_id)
                    + (select count(*) from check_in ci join partner p on p.id = ci.partner_id
                            where ci.clinic_id <> p.clinic_id or ci.couple_id <> p.couple_id)
                    + (select count(*) from check_in ci join couple_session s on s.id = ci.session_id
                            where ci.clinic_id <> s.clinic_id or ci.couple_id <> s.couple_id)
                    + (select count(*) from check_in_answer x join check_in ci on ci.id = x.check_in_id
                            where x.clinic_id <> ci.clinic_id)
                    + (select count(*) from module_assignment m join couple c on c.id = m.couple_id
                            where m.clinic_id <> c.clinic_id)
                    + (select count(*) from assignment_work w join module_assignment m on m.id = w.assignment_id
                            join partner p on p.id = w.partner_id
                            where w.clinic_id <> m.clinic_id or p.couple_id <> m.couple_id)
                    + (select count(*) from answer x join assignment_work w on w.id = x.work_id
                            join account a on a.id = x.updated_by
                            where x.clinic_id <> w.clinic_id or a.clinic_id <> x.clinic_id)
                    + (select count(*) from audit_event e join account a on a.id = e.actor_account_id
                            where e.clinic_id <> a.clinic_id)""", Long.class)).isZero();
        assertThat(count("""
                select count(*) from check_in ci where clinic_id = ? and not exists (
                    select 1 from partner p where p.id = ci.partner_id)""", clinic)).isZero();
        assertThat(count("""
                select count(*) from check_in ci where clinic_id = ? and (select count(*) from check_in_answer x
                    where x.check_in_id = ci.id) <> 10""", clinic)).isZero();
    }

    @Test
    void the_application_reads_the_generated_caseload_and_balance() {
        GeneratedNetwork network = generator.generate(0.01);
        long clinic = network.clinicIds().getFirst();

        signIn.as("therapist1@c" + clinic + ".network.example");
        List<CaseloadEntry> page = caseload.page(0, 50);

        assertThat(page).isNotEmpty();
        assertThat(caseload.size()).isEqualTo(page.size());
        assertThat(page).anySatisfy(entry -> assertThat(entry.partnerOneZone()).isNotNull());
        assertThat(page).anySatisfy(entry -> assertThat(entry.lastSession()).isNotNull());
        CaseloadEntry active = page.stream().filter(entry -> entry.nextSession() != null).findFirst().orElseThrow();
        CoupleBalance figures = balance.overview(active.coupleId());
        assertThat(figures.partners()).hasSize(2);
        assertThat(figures.partners()).allSatisfy(partner -> assertThat(partner.latest()).isNotNull());
    }

    @Test
    void a_caseload_is_added_to_one_therapist() {
        GeneratedNetwork network = generator.generate(0.01);
        long clinic = network.clinicIds().getFirst();
        long therapist = network.therapistAccountIds().get(4);

        GeneratedNetwork added = generator.generateCaseload(clinic, therapist, 30, 12, 40);

        assertThat(added).extracting(GeneratedNetwork::couples, GeneratedNetwork::checkIns, GeneratedNetwork::answers)
                .containsExactly(30L, 360L, 1_200L);
        signIn.as("therapist5@c" + clinic + ".network.example");
        assertThat(caseload.size()).isGreaterThanOrEqualTo(30 + 10);
    }

    @Test
    void the_same_scale_writes_the_same_network() {
        String first = fingerprint(generator.generate(0.01).clinicIds().getFirst());
        String second = fingerprint(generator.generate(0.01).clinicIds().getFirst());

        assertThat(second).isEqualTo(first);
    }

    /** What a clinic's generated data says, without its ids. */
    private String fingerprint(long clinic) {
        return sql().queryForObject("""
                select concat_ws(' ',
                    (select string_agg(status || ':' || n, ',' order by status)
                        from (select status, count(*) n from couple where clinic_id = ? group by status) s),
                    (select string_agg(status || ':' || n, ',' order by status)
                        from (select status, count(*) n from couple_session where clinic_id = ? group by status) s),
                    (select sum(value) from check_in_answer where clinic_id = ?),
                    (select sum(length(value::text)) from answer where clinic_id = ?),
                    (select string_agg(coalesce(partner_one_zone, '-') || coalesce(partner_two_zone, '-')
                            || alerts, ',' order by couple_id) from balance_summary where clinic_id = ?),
                    (select count(*) from audit_event where clinic_id = ? and outcome = 'FAILURE'))""",
                String.class, clinic, clinic, clinic, clinic, clinic, clinic);
    }
}
