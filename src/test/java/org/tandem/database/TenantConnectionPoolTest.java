package org.tandem.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.jooq.Tables.COUPLE;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.SignIn;
import org.tandem.support.StrictTenancy;

/**
 * A pooled connection never carries one person's clinic to the next (docs/decisions/029-second-wall-in-the-database.md):
 * two people of two clinics take turns on a pool of one connection, and each sees only their clinic's couples;
 * what is left on the connection after a statement, or after a transaction, is no clinic at all.
 */
@SpringBootTest
@ActiveProfiles("test")
@StrictTenancy
class TenantConnectionPoolTest {

    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;
    @Autowired DSLContext appDsl;
    @Autowired HikariDataSource appPool;
    @Autowired PlatformTransactionManager transactions;

    HikariDataSource onePool;
    DSLContext dsl;
    Person therapistOfA;
    Person therapistOfB;
    Couple coupleOfA;
    Couple coupleOfB;

    @BeforeEach
    void two_clinics_and_a_pool_of_one() {
        fixtures.committed(() -> {
            therapistOfA = fixtures.therapist(fixtures.clinic("Pool clinic A"), "Pool Therapist A");
            therapistOfB = fixtures.therapist(fixtures.clinic("Pool clinic B"), "Pool Therapist B");
            coupleOfA = fixtures.couple(therapistOfA, "Pool Anna", "Pool Ben");
            coupleOfB = fixtures.couple(therapistOfB, "Pool Cleo", "Pool Dan");
        });
        onePool = new HikariDataSource();
        onePool.setJdbcUrl(appPool.getJdbcUrl());
        onePool.setUsername(appPool.getUsername());
        onePool.setPassword(appPool.getPassword());
        onePool.setMaximumPoolSize(1);
        dsl = DSL.using(new DefaultConfiguration().set(SQLDialect.POSTGRES)
                .set(new TenantConnectionProvider(new DataSourceConnectionProvider(onePool))));
    }

    @AfterEach
    void close() {
        signIn.out();
        onePool.close();
    }

    @Test
    void two_people_taking_turns_on_one_connection_see_only_their_own_clinic() throws SQLException {
        for (int turn = 0; turn < 3; turn++) {
            assertThat(signIn.during(therapistOfA.email(), this::visibleCouples)).containsExactly(coupleOfA.id());
            assertThat(visibleCouples()).as("no one signed in").isEmpty();
            assertThat(signIn.during(therapistOfB.email(), this::visibleCouples)).containsExactly(coupleOfB.id());
            assertThat(left()).isEqualTo("|");
        }
    }

    @Test
    void a_connection_returned_in_the_middle_of_a_scope_carries_nothing() throws SQLException {
        String inside = TenantScope.clinic(coupleOfA.clinicId(), () -> {
            assertThat(visibleCouples()).containsExactly(coupleOfA.id());
            return uncheckedLeft();
        });
        assertThat(inside).as("returned to the pool while still in clinic A's scope").isEqualTo("|");
        String installation = TenantScope.installation(() -> {
            assertThat(visibleCouples()).contains(coupleOfA.id(), coupleOfB.id());
            return uncheckedLeft();
        });
        assertThat(installation).isEqualTo("|");
    }

    @Test
    void in_a_transaction_the_clinic_is_the_transactions_and_follows_a_change_of_scope() {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        List<String> seen = transaction.execute(status -> List.of(
                TenantScope.clinic(coupleOfA.clinicId(), this::setting),
                TenantScope.clinic(coupleOfB.clinicId(), this::setting),
                TenantScope.installation(this::setting),
                setting()));
        assertThat(seen).containsExactly(coupleOfA.clinicId() + "|", coupleOfB.clinicId() + "|", "|installation",
                "|");
        // Set for the transaction only (set_config(…, true)): after the commit the connection carries nothing.
        String inClinicA = TenantScope.clinic(coupleOfA.clinicId(), () -> transaction.execute(status -> setting()));
        assertThat(inClinicA).isEqualTo(coupleOfA.clinicId() + "|");
        assertThat(appDsl.fetchSingle("select count(*) from couple").get(0, Long.class)).isZero();
    }

    private List<Long> visibleCouples() {
        return dsl.select(COUPLE.ID).from(COUPLE)
                .where(COUPLE.ID.in(coupleOfA.id(), coupleOfB.id())).orderBy(COUPLE.ID).fetch(COUPLE.ID);
    }

    private String setting() {
        return appDsl.fetchSingle("select coalesce(current_setting('tandem.clinic_id', true), '') || '|' || "
                + "coalesce(current_setting('tandem.scope', true), '')").get(0, String.class);
    }

    /** What the pool's one connection carries, read around jOOQ. */
    private String left() throws SQLException {
        try (Connection connection = onePool.getConnection(); Statement statement = connection.createStatement();
                ResultSet found = statement.executeQuery("select coalesce(current_setting('tandem.clinic_id', true), "
                        + "'') || '|' || coalesce(current_setting('tandem.scope', true), '')")) {
            found.next();
            return found.getString(1);
        }
    }

    private String uncheckedLeft() {
        try {
            return left();
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }
}
