package org.tandem.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.balance.Item;
import org.tandem.jooq.DefaultSchema;
import org.tandem.support.IntegrationTest;

/** What each migration of db/migration left in the test database, read from PostgreSQL's catalog. */
@IntegrationTest
class MigrationsTest {

    @Autowired DSLContext dsl;

    @Test
    void every_migration_of_the_folder_applied_in_order() throws IOException {
        List<String> files;
        try (Stream<Path> migrations = Files.list(Path.of("db/migration"))) {
            files = migrations.map(path -> path.getFileName().toString())
                    .map(name -> name.substring(1, name.indexOf("__")))
                    .sorted()
                    .toList();
        }
        List<String> applied = dsl.fetch("select version from flyway_schema_history where success order by installed_rank")
                .getValues(0, String.class);

        assertThat(files).startsWith("001", "002", "003", "004", "005", "006", "007", "008", "009", "010");
        assertThat(applied).isEqualTo(files);
        assertThat(dsl.fetchOne("select count(*) from flyway_schema_history where not success").get(0, Integer.class))
                .isZero();
    }

    @Test
    void every_table_of_the_migrations_exists() {
        List<String> tables = dsl.fetch("""
                select table_name from information_schema.tables
                where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'
                order by table_name
                """).getValues(0, String.class);

        assertThat(tables).containsExactlyInAnyOrder(
                "clinic", "account", "account_role", // V001
                "couple", "partner", "couple_therapist", // V002
                "audit_event", // V003
                "couple_status_change", "invitation", "couple_session", "session_note", // V004
                "module", "module_version", "module_assignment", "assignment_work", "answer", "feedback", // V005
                "goal", "goal_update", "goal_milestone",
                "instrument_version", "instrument_item", "check_in", "check_in_answer", // V006
                "alert_acknowledgement",
                "balance_summary", // V007
                "mail_outbox", // V011
                "invitation_role", "couple_therapist_period", // V013
                "second_factor", "recovery_code", // V014

                "sign_in_failure", "sign_in_lock", // V012
                "password_reset", // V016
                "account_session", // V020
                "message_thread", "message", "message_read", "message_draft", // V023
                "notification", "notification_preference", "notification_mail",
                "balance_recompute", "scheduled_run"); // V025
    }

    @Test
    void every_tenant_table_carries_a_clinic_id() {
        List<String> withoutClinic = dsl.fetch("""
                select t.table_name from information_schema.tables t
                where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
                  -- the instrument is Tandem's own reference data, the same for every clinic
                  and t.table_name not in ('clinic', 'flyway_schema_history', 'instrument_version', 'instrument_item')
                  -- sign-in throttling is keyed by the e-mail as typed, which may belong to no clinic (V012)
                  and t.table_name not in ('sign_in_failure', 'sign_in_lock')
                  -- the installation's scheduled jobs, run once across instances (V025, decision 037)
                  and t.table_name <> 'scheduled_run'
                  and not exists (select 1 from information_schema.columns c
                                  where c.table_schema = 'public' and c.table_name = t.table_name
                                    and c.column_name = 'clinic_id')
                """).getValues(0, String.class);

        assertThat(withoutClinic).isEmpty();
    }

    @Test
    void every_reference_between_tenant_tables_carries_the_clinic() {
        // A row may only point at a row of its own clinic: the foreign key holds clinic_id on both sides.
        List<String> withoutClinic = dsl.fetch("""
                select c.conname from pg_constraint c
                join pg_attribute own on own.attrelid = c.conrelid and own.attname = 'clinic_id'
                join pg_attribute other on other.attrelid = c.confrelid and other.attname = 'clinic_id'
                where c.contype = 'f' and c.connamespace = 'public'::regnamespace
                  and not (own.attnum = any (c.conkey) and other.attnum = any (c.confkey))
                order by c.conname
                """).getValues(0, String.class);

        assertThat(withoutClinic).containsExactlyInAnyOrder(
                // an audit row may belong to no clinic (a sign-in with an unknown e-mail)
                "audit_event_actor_account_id_fkey",
                // built-in modules and their versions belong to no clinic, and any clinic assigns them
                "module_version_module_id_fkey", "module_assignment_module_version_id_fkey");
    }

    @Test
    void the_last_editor_of_a_couple_is_an_account_of_its_clinic() {
        assertThat(foreignKey("couple_updated_by_fk"))
                .isEqualTo("FOREIGN KEY (clinic_id, updated_by) REFERENCES account(clinic_id, id)");
        assertThat(foreignKey("module_version_published_by_fk"))
                .isEqualTo("FOREIGN KEY (clinic_id, published_by) REFERENCES account(clinic_id, id)");
        assertThat(dsl.fetch("select indexname from pg_indexes where schemaname = 'public'").getValues(0, String.class))
                .contains("couple_clinic_id_updated_by_idx", "module_version_clinic_id_published_by_idx");
    }

    @Test
    void no_column_takes_the_database_servers_time() {
        // V008: every stored time comes from the application's clock.
        List<String> stamped = dsl.fetch("""
                select table_name || '.' || column_name from information_schema.columns
                where table_schema = 'public' and table_name <> 'flyway_schema_history'
                  and (column_default ilike '%now()%' or column_default ilike '%clock_timestamp%'
                       or column_default ilike '%current_timestamp%')
                """).getValues(0, String.class);

        assertThat(stamped).isEmpty();
    }

    @Test
    void the_audit_trail_refuses_updates_deletes_and_truncation() {
        assertThat(dsl.fetch("""
                select tgname from pg_trigger where tgrelid = 'audit_event'::regclass and not tgisinternal
                """).getValues(0, String.class))
                .containsExactlyInAnyOrder("audit_event_refuse_update_delete", "audit_event_refuse_truncate");
    }

    @Test
    void the_instrument_ships_its_ten_statements() {
        assertThat(dsl.fetchOne("select count(*) from instrument_item where instrument_number = 1").get(0, Integer.class))
                .isEqualTo(Item.values().length);
    }

    /**
     * Each column that jOOQ reads as one of our enums (JooqCodegen) allows exactly that enum's names, so reading a
     * row can never fail on a value the enum lacks, nor the enum hold a value the database refuses.
     */
    @Test
    void every_enum_column_allows_exactly_its_enums_names() {
        int checked = 0;
        for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            for (Field<?> column : table.fields()) {
                if (!column.getType().isEnum()) {
                    continue;
                }
                List<String> names = Arrays.stream(column.getType().getEnumConstants())
                        .map(constant -> ((Enum<?>) constant).name()).toList();
                String check = check(table.getName(), column.getName());
                Matcher quoted = Pattern.compile("'([A-Z0-9_]+)'::text").matcher(check);
                List<String> allowed = quoted.results().map(result -> result.group(1)).toList();
                if (allowed.isEmpty()) {
                    // instrument_item.code and check_in_answer.item_code: a pattern rather than a list
                    assertThat(check).as(table.getName() + "." + column.getName()).contains("'^[IC][1-5]$'");
                    assertThat(names).hasSize(10).allMatch(name -> name.matches("^[IC][1-5]$"));
                } else {
                    assertThat(allowed).as(table.getName() + "." + column.getName())
                            .containsExactlyInAnyOrderElementsOf(names);
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(29); // V012: sign_in_lock.kind; V022: clinic.calendar_names; V023: three kinds
    }

    private String foreignKey(String name) {
        return dsl.fetchOne("select pg_get_constraintdef(oid) from pg_constraint where conname = ?", name)
                .get(0, String.class);
    }

    private String check(String table, String column) {
        List<String> checks = dsl.fetch("""
                select pg_get_constraintdef(c.oid) from pg_constraint c
                join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
                where c.contype = 'c' and c.conrelid = ?::regclass and a.attname = ?
                """, table, column).getValues(0, String.class);
        assertThat(checks).as(table + "." + column + " has one CHECK").hasSize(1);
        return checks.getFirst();
    }

    @Test
    void the_database_is_a_real_postgresql() {
        assertThat(dsl.fetchOne("select version()").get(0, String.class)).startsWith("PostgreSQL 18");
    }

    @Test
    void the_audit_log_reads_each_filter_newest_first_from_an_index_without_sorting() {
        assertThat(dsl.fetchExists(dsl.selectOne().from("information_schema.columns")
                .where("table_name = 'audit_event' and column_name = 'address'"))).isTrue();
        dsl.execute("set local enable_seqscan = off");
        dsl.execute("set local enable_bitmapscan = off");
        for (String filter : List.of("", "and actor_account_id = 2", "and action = 'couple.read'",
                "and outcome = 'DENIED'", "and subject_type = 'couple' and subject_id = 3")) {
            String plan = String.join("\n", dsl.fetch("explain select * from audit_event where clinic_id = 1 " + filter
                    + " and (occurred_at, id) < (timestamptz '2026-06-10 10:30+02', 100)"
                    + " order by occurred_at desc, id desc limit 51").getValues(0, String.class));
            assertThat(plan).as(filter).contains("Index Scan Backward using audit_event_clinic_id_", "Index Cond: ((clinic_id = 1)")
                    .doesNotContain("Sort");
        }
    }

    @Test
    void a_second_factor_and_its_recovery_codes_belong_to_an_account_of_their_clinic() {
        assertThat(foreignKey("second_factor_account_fk"))
                .isEqualTo("FOREIGN KEY (clinic_id, account_id) REFERENCES account(clinic_id, id)");
        assertThat(foreignKey("recovery_code_account_fk"))
                .isEqualTo("FOREIGN KEY (clinic_id, account_id) REFERENCES account(clinic_id, id)");
        assertThat(dsl.fetchValue("select column_default from information_schema.columns"
                + " where table_name = 'clinic' and column_name = 'second_factor_required'")).isEqualTo("false");
    }

    @Test
    void a_reset_link_belongs_to_an_account_of_its_clinic_and_its_token_is_stored_once() {
        // V016 (h9): the link's account and the admin who issued it are both accounts of the link's clinic.
        assertThat(foreignKey("password_reset_account_fk"))
                .isEqualTo("FOREIGN KEY (clinic_id, account_id) REFERENCES account(clinic_id, id)");
        assertThat(foreignKey("password_reset_requested_by_fk"))
                .isEqualTo("FOREIGN KEY (clinic_id, requested_by) REFERENCES account(clinic_id, id)");
        assertThat(dsl.fetch("select indexname from pg_indexes where schemaname = 'public'").getValues(0, String.class))
                .contains("password_reset_token_hash_key", "password_reset_clinic_id_account_id_idx",
                        "password_reset_clinic_id_requested_by_idx");
    }

    @Test
    void an_open_session_belongs_to_an_account_of_its_clinic_and_keeps_only_the_hash_of_its_id() {
        // V020 (task s): the session's account is an account of the row's clinic; the id is a 64-hex SHA-256.
        assertThat(foreignKey("account_session_account_fk"))
                .isEqualTo("FOREIGN KEY (clinic_id, account_id) REFERENCES account(clinic_id, id)");
        assertThat(dsl.fetchValue("select pg_get_constraintdef(oid) from pg_constraint"
                + " where conrelid = 'account_session'::regclass and contype = 'c'"
                + " and pg_get_constraintdef(oid) like '%length(session_id_hash)%'"))
                .asString().contains("length(session_id_hash) = 64");
        assertThat(dsl.fetch("select indexname from pg_indexes where schemaname = 'public'").getValues(0, String.class))
                .contains("account_session_public_id_key", "account_session_open_idx");
    }

    @Test
    void a_partners_address_is_unique_within_the_couple_only() {
        // V018 (task o, no e-mail oracle): two couples of a clinic may share a partner's address; one couple may not.
        assertThat(dsl.fetch("select indexname, indexdef from pg_indexes where tablename = 'partner'")
                .stream().collect(java.util.stream.Collectors.toMap(row -> row.get(0, String.class),
                        row -> row.get(1, String.class))))
                .doesNotContainKey("partner_clinic_id_email_key")
                .containsEntry("partner_clinic_id_couple_id_email_key",
                        "CREATE UNIQUE INDEX partner_clinic_id_couple_id_email_key ON public.partner USING btree (clinic_id, couple_id, email)")
                .containsKey("partner_clinic_id_email_idx");
        assertThat(dsl.fetchExists(dsl.selectOne().from("information_schema.columns")
                .where("table_name = 'invitation' and column_name = 'needs_attention_at'"))).isTrue();
    }
}
