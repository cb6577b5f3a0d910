package org.tandem.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.support.IntegrationTest;

@IntegrationTest
class MigrationsTest {

    @Autowired DSLContext dsl;

    @Test
    void every_migration_applied_to_the_empty_test_database() {
        List<String> applied = dsl.fetch("select version from flyway_schema_history where success order by installed_rank")
                .getValues(0, String.class);

        assertThat(applied).startsWith("001", "002", "003");
        assertThat(dsl.fetchOne("select count(*) from flyway_schema_history where not success").get(0, Integer.class))
                .isZero();
    }

    @Test
    void every_tenant_table_carries_a_clinic_id() {
        List<String> withoutClinic = dsl.fetch("""
                select t.table_name from information_schema.tables t
                where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
                  -- the instrument is Tandem's own reference data, the same for every clinic
                  and t.table_name not in ('clinic', 'flyway_schema_history', 'instrument_version', 'instrument_item')
                  and not exists (select 1 from information_schema.columns c
                                  where c.table_schema = 'public' and c.table_name = t.table_name
                                    and c.column_name = 'clinic_id')
                """).getValues(0, String.class);

        assertThat(withoutClinic).isEmpty();
    }

    @Test
    void the_database_is_a_real_postgresql() {
        assertThat(dsl.fetchOne("select version()").get(0, String.class)).startsWith("PostgreSQL 18");
    }
}
