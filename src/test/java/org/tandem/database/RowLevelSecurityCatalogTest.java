package org.tandem.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.support.IntegrationTest;

/**
 * Every table that carries {@code clinic_id}, and {@code clinic} itself, has row-level security enabled and forced
 * and the policy on the clinic of the transaction (docs/decisions/029-second-wall-in-the-database.md): a table added
 * by a later migration that forgets them fails here, by name.
 */
@IntegrationTest
class RowLevelSecurityCatalogTest {

    static final String TENANT_TABLES = """
            select c.table_name::text from information_schema.columns c
            join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
            where c.table_schema = 'public' and c.column_name = 'clinic_id' and t.table_type = 'BASE TABLE'
            union select 'clinic' order by 1""";

    @Autowired DSLContext dsl;

    @Test
    void every_table_with_a_clinic_has_forced_row_level_security_and_the_clinic_policy() {
        List<String> tables = dsl.fetch(TENANT_TABLES).getValues(0, String.class);
        List<String> unprotected = unprotected("public", tables);

        assertThat(tables).hasSizeGreaterThanOrEqualTo(30).contains("clinic", "account", "couple", "audit_event",
                "password_reset", "account_session", "mail_outbox", "module", "module_version");
        assertThat(unprotected).as("tables with clinic_id lacking forced row-level security or the clinic policy")
                .isEmpty();
    }

    @Test
    void the_catalog_check_names_a_table_that_forgot_its_policy() {
        // The application may create only temporary tables: one with clinic_id, and one with security but no policy.
        dsl.execute("create temporary table forgot_its_policy (id bigint, clinic_id bigint)");
        dsl.execute("create temporary table forgot_only_the_policy (id bigint, clinic_id bigint)");
        dsl.execute("alter table forgot_only_the_policy enable row level security");
        dsl.execute("alter table forgot_only_the_policy force row level security");
        String temporary = dsl.fetchSingle("select nspname::text from pg_namespace where oid = pg_my_temp_schema()")
                .get(0, String.class);

        assertThat(unprotected(temporary, List.of("forgot_its_policy", "forgot_only_the_policy")))
                .containsExactly("forgot_its_policy", "forgot_only_the_policy");
    }

    /**
     * The installation scope's arm of the policy in the form the planner reads as no narrowing (V028, decision 029):
     * a policy with the earlier form lets the same rows through but makes the planner expect a clinic's share of a
     * clinic's rows.
     */
    static final String SCOPE_ARM = "%NULLIF((current_setting('tandem.scope'::text, true) = 'installation'::text), false)"
            + " IS NOT NULL%";

    @Test
    void the_catalog_check_names_a_table_whose_policy_has_the_old_form() {
        dsl.execute("create temporary table policy_of_the_old_form (id bigint, clinic_id bigint)");
        dsl.execute("alter table policy_of_the_old_form enable row level security");
        dsl.execute("alter table policy_of_the_old_form force row level security");
        String old = """
                (clinic_id = nullif(current_setting('tandem.clinic_id', true), '')::bigint
                 or current_setting('tandem.scope', true) = 'installation')""";
        dsl.execute("create policy clinic_of_the_transaction on policy_of_the_old_form for all using " + old
                + " with check " + old);
        String temporary = dsl.fetchSingle("select nspname::text from pg_namespace where oid = pg_my_temp_schema()")
                .get(0, String.class);

        assertThat(unprotected(temporary, List.of("policy_of_the_old_form"))).containsExactly("policy_of_the_old_form");
    }

    /** The tables of the schema that lack forced row-level security or the clinic policy. */
    private List<String> unprotected(String schema, List<String> tables) {
        return dsl.fetch("""
                select t.name from unnest(?::text[]) as t(name)
                left join pg_class c on c.relname = t.name and c.relnamespace = ?::regnamespace
                where c.oid is null or not c.relrowsecurity or not c.relforcerowsecurity
                   or not exists (select 1 from pg_policies p where p.schemaname = ? and p.tablename = t.name
                                  and p.policyname = 'clinic_of_the_transaction' and p.cmd = 'ALL'
                                  and p.qual like '%tandem.clinic_id%' and p.with_check like '%tandem.clinic_id%'
                                  and p.qual like ? and p.with_check like ?)
                order by 1""", tables.toArray(String[]::new), schema, schema, SCOPE_ARM, SCOPE_ARM)
                .getValues(0, String.class);
    }

    @Test
    void the_tables_without_a_clinic_are_the_known_few() {
        List<String> outside = dsl.fetch("""
                select t.table_name::text from information_schema.tables t
                where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
                  and t.table_name <> 'clinic'
                  and not exists (select 1 from information_schema.columns c where c.table_schema = 'public'
                                  and c.table_name = t.table_name and c.column_name = 'clinic_id')
                order by 1""").getValues(0, String.class);

        // Each is listed with its reason in decision 029; a new one must be added there (and here) on purpose.
        assertThat(outside).containsExactly("flyway_schema_history", "instrument_item", "instrument_version",
                "scheduled_run", "sign_in_failure", "sign_in_lock");
    }
}
