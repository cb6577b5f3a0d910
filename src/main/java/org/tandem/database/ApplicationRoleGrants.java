package org.tandem.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * After every migration, as the owner that ran it: the application role may read and write every table of the
 * schema (new ones included), but only read and append to {@code audit_event} and only read Flyway's history. It
 * owns nothing, so it can neither alter, disable the triggers of, truncate nor drop a table
 * (docs/decisions/029-second-wall-in-the-database.md).
 */
@Component
class ApplicationRoleGrants implements Callback {

    private static final Logger log = LoggerFactory.getLogger(ApplicationRoleGrants.class);

    private final String appRole;

    ApplicationRoleGrants(@Value("${tandem.database.app-role}") String appRole) {
        this.appRole = ApplicationRole.checkedName(appRole);
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connection = context.getConnection();
        try {
            if (!roleExists(connection)) {
                log.warn("The application role {} does not exist: no grants given. Create it (docs/decisions/"
                        + "029-second-wall-in-the-database.md) and let the application connect as it.", appRole);
                return;
            }
            if (isCurrentUser(connection)) {
                log.warn("Flyway runs as the application role {}: it owns the tables. Migrate as the owner "
                        + "(spring.flyway.user) and connect as {} (spring.datasource.username).", appRole, appRole);
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("grant usage on schema public to " + appRole);
                statement.execute("grant select, insert, update, delete on all tables in schema public to " + appRole);
                statement.execute("grant usage, select on all sequences in schema public to " + appRole);
                statement.execute("revoke all on audit_event from " + appRole);
                statement.execute("grant select, insert on audit_event to " + appRole);
                statement.execute("revoke all on flyway_schema_history from " + appRole);
                statement.execute("grant select on flyway_schema_history to " + appRole);
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("Could not grant the application role " + appRole + " its rights", failure);
        }
    }

    private boolean roleExists(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select 1 from pg_roles where rolname = ?")) {
            query.setString(1, appRole);
            try (ResultSet found = query.executeQuery()) {
                return found.next();
            }
        }
    }

    private boolean isCurrentUser(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select current_user = ?")) {
            query.setString(1, appRole);
            try (ResultSet found = query.executeQuery()) {
                return found.next() && found.getBoolean(1);
            }
        }
    }

    @Override
    public String getCallbackName() {
        return "tandem-application-role-grants";
    }
}
