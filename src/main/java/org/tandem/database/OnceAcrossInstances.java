package org.tandem.database;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Scheduled work that runs once across the instances sharing one database (docs/decisions/037-background-work.md):
 * the work runs while this instance holds a PostgreSQL advisory lock named after it, taken with
 * {@code pg_try_advisory_lock} on a connection of its own and held until the work ends (or the connection dies with
 * its instance, which frees the lock at once). An instance that finds the lock taken skips the work.
 *
 * <p>A cron firing happens on every instance at nearly the same moment, but not exactly: one that comes after the
 * other's run has ended would find the lock free. So {@link #onSchedule} also skips a firing that comes within
 * {@code tandem.scheduling.once-within} of the job's last start, recorded in {@code scheduled_run}. A queue's worker
 * ({@link #exclusively}) has no such gap: running it again finds nothing left to do.
 */
@Component
public class OnceAcrossInstances {

    private static final Logger log = LoggerFactory.getLogger(OnceAcrossInstances.class);

    /** The first key of every Tandem advisory lock ("TAND"); the second is the job's name's hash. */
    private static final int TANDEM = 0x54414E44;

    private static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

    private final DataSource dataSource;
    private final Duration onceWithin;

    OnceAcrossInstances(DataSource dataSource,
            @Value("${tandem.scheduling.once-within:10s}") Duration onceWithin) {
        this.dataSource = dataSource;
        this.onceWithin = onceWithin;
    }

    /**
     * A cron firing of job {@code name}: its result, or empty when another instance runs it now or started it within
     * {@code tandem.scheduling.once-within}.
     */
    public <T> Optional<T> onSchedule(String name, Supplier<T> work) {
        return locked(name, onceWithin, work);
    }

    /** A cron firing of job {@code name}; false when skipped (see {@link #onSchedule(String, Supplier)}). */
    public boolean onSchedule(String name, Runnable work) {
        return onSchedule(name, asSupplier(work)).isPresent();
    }

    /** Job {@code name} unless another instance (or thread) runs it now; false when skipped. */
    public boolean exclusively(String name, Runnable work) {
        return locked(name, Duration.ZERO, asSupplier(work)).isPresent();
    }

    private <T> Optional<T> locked(String name, Duration gap, Supplier<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (!tryLock(connection, name)) {
                log.debug("{} runs on another instance: skipped here", name);
                return Optional.empty();
            }
            try {
                if (!gap.isZero() && startedWithin(connection, name, gap)) {
                    log.debug("{} started within {} on some instance: skipped here", name, gap);
                    return Optional.empty();
                }
                started(connection, name);
                T result = work.get();
                finished(connection, name);
                return Optional.of(result);
            } finally {
                unlock(connection, name);
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("Could not take or free the lock of the job " + name, failure);
        }
    }

    private static boolean tryLock(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
            statement.setInt(1, TANDEM);
            statement.setInt(2, name.hashCode());
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_unlock(?, ?)")) {
            statement.setInt(1, TANDEM);
            statement.setInt(2, name.hashCode());
            statement.execute();
        }
    }

    /**
     * The gap is measured on the database's clock, the one clock all instances share (theirs may differ, and the
     * application's {@code Clock} is fixed in tests and moved by them: it says what time it is for the clinics, not
     * how long ago another instance started a job).
     */
    private static boolean startedWithin(Connection connection, String name, Duration gap) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select 1 from scheduled_run where name = ? and last_started_at > clock_timestamp() - make_interval(secs => ?)")) {
            statement.setString(1, name);
            statement.setDouble(2, gap.toMillis() / 1000.0);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    private static void started(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                insert into scheduled_run (name, last_started_at, last_finished_at, instance)
                values (?, clock_timestamp(), null, ?)
                on conflict (name) do update
                set last_started_at = excluded.last_started_at, last_finished_at = null, instance = excluded.instance""")) {
            statement.setString(1, name);
            statement.setString(2, INSTANCE);
            statement.execute();
        }
    }

    private void finished(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "update scheduled_run set last_finished_at = clock_timestamp() where name = ?")) {
            statement.setString(1, name);
            statement.execute();
        }
    }

    private static Supplier<Boolean> asSupplier(Runnable work) {
        return () -> {
            work.run();
            return Boolean.TRUE;
        };
    }
}
