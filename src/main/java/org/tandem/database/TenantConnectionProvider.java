package org.tandem.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;
import org.jooq.ConnectionProvider;
import org.jooq.exception.DataAccessException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every connection jOOQ acquires carries the clinic of the current thread ({@link TenantScope}) before its statement
 * runs, which the row-level policies read (docs/decisions/029-second-wall-in-the-database.md). In a transaction it is
 * set for the transaction ({@code set_config(…, true)}), once, and again only when the scope changes within it; it
 * ends with the transaction. Outside one (an autocommit read) it is set for the statement and reset when jOOQ releases
 * the connection, so that a pooled connection never carries one person's clinic to the next.
 */
final class TenantConnectionProvider implements ConnectionProvider {

    private static final String APPLY = "select set_config('tandem.clinic_id', ?, ?), set_config('tandem.scope', ?, ?)";

    private final ConnectionProvider delegate;

    TenantConnectionProvider(ConnectionProvider delegate) {
        this.delegate = delegate;
    }

    @Override
    public Connection acquire() {
        Connection connection = Objects.requireNonNull(delegate.acquire(), "no connection");
        try {
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                applyToTransaction(connection, TenantScope.current());
            } else {
                apply(connection, TenantScope.current(), false);
            }
            return connection;
        } catch (SQLException | RuntimeException failure) {
            delegate.release(connection);
            throw failure instanceof SQLException sql
                    ? new DataAccessException("Could not set the clinic of the connection", sql)
                    : (RuntimeException) failure;
        }
    }

    @Override
    public void release(Connection connection) {
        try {
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                apply(connection, TenantContext.NONE, false);
            }
        } catch (SQLException failure) {
            throw new DataAccessException("Could not reset the clinic of the connection", failure);
        } finally {
            delegate.release(connection);
        }
    }

    /** Sets the context for the transaction unless it already carries it (on this same physical connection). */
    private void applyToTransaction(Connection connection, TenantContext context) throws SQLException {
        Connection target = DataSourceUtils.getTargetConnection(connection);
        if (TransactionSynchronizationManager.getResource(this) instanceof Applied applied
                && applied.connection() == target && applied.context().equals(context)) {
            return;
        }
        apply(connection, context, true);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return; // nothing would forget it at the end: set it again for every statement
        }
        boolean bound = TransactionSynchronizationManager.unbindResourceIfPossible(this) != null;
        TransactionSynchronizationManager.bindResource(this, new Applied(target, context));
        if (!bound) {
            TenantConnectionProvider key = this;
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }
            });
        }
    }

    private static void apply(Connection connection, TenantContext context, boolean local) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(APPLY)) {
            statement.setString(1, context.clinicSetting());
            statement.setBoolean(2, local);
            statement.setString(3, context.scopeSetting());
            statement.setBoolean(4, local);
            statement.execute();
        }
    }

    /** What the current transaction's connection was given. */
    private record Applied(Connection connection, TenantContext context) {}
}
