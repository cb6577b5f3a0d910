package org.tandem.database;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * At start, the application looks at the role it connects as: one that owns a table, is a superuser or bypasses
 * row security would make the database's own wall (grants, the append-only audit trail) meaningless. In the prod
 * profile Tandem then refuses to start; elsewhere it warns (docs/decisions/029-second-wall-in-the-database.md).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApplicationRoleCheck implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ApplicationRoleCheck.class);

    static final String HOW_TO = """
            Tandem must connect as a role that owns nothing, and migrate as the owner. As the owner (e.g. psql):
              create role tandem_app login password '<a second secret>' nosuperuser nobypassrls nocreatedb nocreaterole;
            then set SPRING_DATASOURCE_USERNAME=tandem_app, SPRING_DATASOURCE_PASSWORD=<that secret>,
            SPRING_FLYWAY_USER=<the owner> and SPRING_FLYWAY_PASSWORD=<its password>; Tandem grants the rest at start.
            See docs/decisions/029-second-wall-in-the-database.md.""";

    private final DSLContext dsl;
    private final Environment environment;

    ApplicationRoleCheck(DSLContext dsl, Environment environment) {
        this.dsl = dsl;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        String problem = problem();
        if (problem == null) {
            return;
        }
        if (environment.matchesProfiles("prod")) {
            throw new IllegalStateException(problem + "\n" + HOW_TO);
        }
        log.warn("{} This is refused in the prod profile.\n{}", problem, HOW_TO);
    }

    /** What is wrong with the role the application connects as, or null. */
    @Nullable String problem() {
        Record role = dsl.fetchSingle(
                "select current_user::text, rolsuper, rolbypassrls from pg_roles where rolname = current_user");
        String name = role.get(0, String.class);
        if (Boolean.TRUE.equals(role.get(1, Boolean.class))) {
            return "The application connects to PostgreSQL as " + name + ", a superuser.";
        }
        if (Boolean.TRUE.equals(role.get(2, Boolean.class))) {
            return "The application connects to PostgreSQL as " + name + ", which bypasses row-level security.";
        }
        int owned = dsl.fetchSingle("""
                select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where c.relowner = (select oid from pg_roles where rolname = current_user)
                  and n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S')""").get(0, Integer.class);
        if (owned > 0) {
            return "The application connects to PostgreSQL as " + name + ", which owns " + owned
                    + " tables or sequences of the schema (it could alter them and the audit trail).";
        }
        return null;
    }
}
