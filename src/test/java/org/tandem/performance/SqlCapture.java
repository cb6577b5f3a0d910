package org.tandem.performance;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Captures every SQL statement jOOQ executes on the current thread between {@link #start()} and {@link #stop()}: the
 * SQL as sent (with {@code ?}), the same with its bind values inlined (for {@code EXPLAIN}), and the calls that bound
 * its values on the JDBC statement, recorded by a proxy around jOOQ's {@link PreparedStatement}, so that
 * {@link Statement#replay} can run exactly the same statement through plain JDBC; and which of the calls'
 * transactions each ran in ({@link Statement#transaction}: a statement outside one is a transaction of its own), so
 * that a replay can run them in the same transactions. Bring it in with
 * {@code @Import(SqlCapture.Capturing.class)}.
 */
public final class SqlCapture implements ExecuteListener {

    /** One bind call on the statement: the setter, its parameter types and its arguments. */
    record Bind(Method setter, Object[] arguments) {}

    /** One executed statement, and the number of the transaction it ran in (counted from 1 since {@link #start()}). */
    public record Statement(String sql, String inlined, List<Bind> binds, int transaction) {

        public boolean isSelect() {
            String start = sql.stripLeading().toLowerCase(java.util.Locale.ROOT);
            return start.startsWith("select") || start.startsWith("with");
        }

        /**
         * Prepares the same SQL on this connection, binds the recorded values with the same setters, executes it and
         * reads every column of every row; returns the rows read (or the update count).
         */
        public int replay(Connection connection) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (Bind bind : binds) {
                    try {
                        bind.setter().invoke(statement, bind.arguments());
                    } catch (IllegalAccessException | InvocationTargetException e) {
                        throw new SQLException("Could not replay " + bind.setter().getName(), e);
                    }
                }
                if (!statement.execute()) {
                    return statement.getUpdateCount();
                }
                int rows = 0;
                try (ResultSet result = statement.getResultSet()) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        for (int column = 1; column <= columns; column++) {
                            result.getObject(column);
                        }
                        rows++;
                    }
                }
                return rows;
            }
        }
    }

    private final ThreadLocal<List<Statement>> captured = new ThreadLocal<>();
    private final ThreadLocal<List<Bind>> binds = new ThreadLocal<>();
    private final ThreadLocal<int[]> transactions = new ThreadLocal<>();

    public void start() {
        captured.set(new ArrayList<>());
        transactions.set(new int[1]);
    }

    /** The statements executed since {@link #start()}, in order. */
    public List<Statement> stop() {
        List<Statement> statements = captured.get();
        captured.remove();
        binds.remove();
        transactions.remove();
        return statements == null ? List.of() : List.copyOf(statements);
    }

    @Override
    public void prepareEnd(ExecuteContext context) {
        if (captured.get() == null || context.statement() == null) {
            return;
        }
        List<Bind> recorded = new ArrayList<>();
        binds.set(recorded);
        PreparedStatement target = context.statement();
        InvocationHandler recording = (proxy, method, arguments) -> {
            if (method.getName().startsWith("set") && arguments != null && arguments.length >= 2
                    && arguments[0] instanceof Integer) {
                recorded.add(new Bind(method, arguments.clone()));
            }
            try {
                return method.invoke(target, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        context.statement((PreparedStatement) Proxy.newProxyInstance(SqlCapture.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, recording));
    }

    @Override
    public void executeEnd(ExecuteContext context) {
        List<Statement> statements = captured.get();
        if (statements == null || context.sql() == null) {
            return;
        }
        String inlined = context.query() == null ? context.sql() : context.dsl().renderInlined(context.query());
        List<Bind> bound = binds.get();
        binds.remove();
        statements.add(new Statement(context.sql(), inlined, bound == null ? List.of() : List.copyOf(bound),
                transaction()));
    }

    /** The number of the current transaction: a new one for each transaction, and for each statement outside one. */
    private int transaction() {
        int[] counter = transactions.get();
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return ++counter[0];
        }
        if (TransactionSynchronizationManager.getResource(this) instanceof Integer current) {
            return current;
        }
        int number = ++counter[0];
        TransactionSynchronizationManager.bindResource(this, number);
        SqlCapture key = this;
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }
        });
        return number;
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Capturing {
        @Bean
        SqlCapture sqlCapture() {
            return new SqlCapture();
        }

        @Bean
        ExecuteListenerProvider sqlCapturing(SqlCapture capture) {
            return () -> capture;
        }
    }
}
