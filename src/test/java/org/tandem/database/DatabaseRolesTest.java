package org.tandem.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.support.IntegrationTest;

/**
 * The application's own connections (the application role, decision 029) cannot rewrite history or the schema:
 * the audit trail takes only reads and appends, and no table is theirs to alter, empty or drop.
 */
@IntegrationTest
class DatabaseRolesTest {

    @Autowired DSLContext dsl;
    @Autowired ApplicationRoleCheck check;

    @Test
    void the_application_connects_as_a_role_that_owns_nothing_and_bypasses_nothing() {
        assertThat(dsl.fetchSingle("select current_user::text").get(0, String.class)).isEqualTo("tandem_app");
        assertThat(dsl.fetchSingle("select rolsuper or rolbypassrls or rolcreatedb or rolcreaterole"
                + " from pg_roles where rolname = current_user").get(0, Boolean.class)).isFalse();
        assertThat(dsl.fetchSingle("""
                select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and pg_get_userbyid(c.relowner) = current_user""").get(0, Integer.class))
                .isZero();
        assertThat(check.problem()).isNull();
    }

    @Test
    void the_application_may_read_and_append_to_the_audit_trail() {
        dsl.execute("insert into audit_event (occurred_at, actor, action, outcome) values (now(), 'test', 'TEST', 'SUCCESS')");

        assertThat(dsl.fetchSingle("select count(*) from audit_event where actor = 'test'").get(0, Integer.class))
                .isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "delete from audit_event",
        "update audit_event set detail = 'rewritten'",
        "truncate audit_event",
    })
    void the_application_cannot_change_or_remove_audit_rows(String statement) {
        assertThatThrownBy(() -> dsl.execute(statement))
                .rootCause().hasMessageContaining("permission denied for table audit_event");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "alter table audit_event disable trigger all",
        "alter table audit_event disable trigger audit_event_refuse_update_delete",
        "drop table audit_event",
        "alter table account add column extra text",
        "drop table couple cascade",
        "create index on account (email)",
    })
    void the_application_cannot_alter_or_drop_a_table(String statement) {
        assertThatThrownBy(() -> dsl.execute(statement)).rootCause().hasMessageContaining("must be owner of");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "delete from flyway_schema_history",
        "update flyway_schema_history set success = false",
        "insert into flyway_schema_history (installed_rank, description, type, script, installed_by, execution_time,"
                + " success) values (999, 'x', 'SQL', 'x', 'x', 0, true)",
    })
    void the_application_cannot_change_the_migration_history(String statement) {
        assertThatThrownBy(() -> dsl.execute(statement))
                .rootCause().hasMessageContaining("permission denied for table flyway_schema_history");
    }

    @Test
    void the_application_cannot_create_tables() {
        assertThatThrownBy(() -> dsl.execute("create table intruder (id int)"))
                .rootCause().hasMessageContaining("permission denied for schema public");
    }

    @Test
    void the_application_cannot_create_roles() {
        assertThatThrownBy(() -> dsl.execute("create role intruder superuser"))
                .rootCause().hasMessageContaining("permission denied to create role");
    }
}
