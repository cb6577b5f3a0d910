package org.tandem.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The planner statistics of committed test data, made by the tables' owner: the application's role may not analyze
 * (PostgreSQL skips the tables with a warning), and a test database has no autovacuum (docs/decisions/001). Rows a
 * test has not committed cannot be analyzed at all: another connection does not see them.
 */
public final class Statistics {

    private Statistics() {}

    /**
     * Vacuums and analyzes every table as the owner ({@code ownerDataSource}), then checkpoints, so that the write-back
     * of what was just built does not fall into the measurements after it.
     */
    public static void analyzeCommitted(DataSource owner) {
        try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("vacuum (analyze)");
            statement.execute("checkpoint");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not analyze the committed test data", e);
        }
    }
}
