package org.tandem.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Tells the other Tandem instances on the same database that something held in memory changed (a page to push to, a
 * cached clinic zone), through PostgreSQL's {@code LISTEN}/{@code NOTIFY}: nothing to run beside the database, and a
 * message published inside a transaction is delivered only when it commits (decision 035).
 *
 * <p>A feature does its own instance's part itself, {@link #publish publishes} a short text body on a topic of its own
 * for the others, and {@link #subscribe subscribes} to that topic to do the same part when another instance
 * publishes (an instance does not hear its own messages). The listening connection is
 * one of its own (not from the pool); when it breaks, the channel connects again, and what was published in between
 * is lost: the subscribers keep no state that a lost message leaves wrong for long (a page reads again on its next
 * request; a cache entry is dropped on the next change).
 */
@Component
public class InstanceChannel implements SmartLifecycle {

    static final String CHANNEL = "tandem_instances";
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(InstanceChannel.class);

    private final DataSource dataSource;
    private final boolean enabled;
    private final String instance = UUID.randomUUID().toString();
    private final Map<String, List<Consumer<String>>> subscribers = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile boolean listening;
    private volatile @Nullable Thread listener;

    public InstanceChannel(DataSource dataSource, @Value("${tandem.instances.channel:true}") boolean enabled) {
        this.dataSource = dataSource;
        this.enabled = enabled;
    }

    /** Runs the consumer for every message of the topic from another instance, on the channel's own thread. */
    public void subscribe(String topic, Consumer<String> subscriber) {
        subscribers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(subscriber);
    }

    /**
     * Sends the body to the other instances: in the current transaction, if there is one, so they hear it after the
     * commit and never after a rollback. Bodies are short (PostgreSQL takes up to 8,000 bytes): ids, not content.
     */
    public void publish(String topic, String body) {
        if (topic.contains("\t")) {
            throw new IllegalArgumentException("A topic has no tab: " + topic);
        }
        if (enabled) {
            notifyOthers(topic, body);
        }
    }

    private void notifyOthers(String topic, String body) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, instance + "\t" + topic + "\t" + body);
            notify.execute();
        } catch (SQLException failure) {
            // Best effort, like the pages it serves: the change itself is in the database either way.
            log.warn("Could not tell the other instances about {}", topic, failure);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Whether messages reach the other instances now (the listening connection is open). */
    public boolean listening() {
        return listening;
    }

    /** This instance's name on the channel (random per start). */
    public String instance() {
        return instance;
    }

    private void deliver(String topic, String body) {
        for (Consumer<String> subscriber : subscribers.getOrDefault(topic, List.of())) {
            try {
                subscriber.accept(body);
            } catch (RuntimeException failure) {
                log.warn("A subscriber of {} failed", topic, failure);
            }
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute("listen " + CHANNEL);
                PGConnection postgres = connection.unwrap(PGConnection.class);
                listening = true;
                log.info("Listening for the other instances on {} as {}", CHANNEL, instance);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications((int) POLL.toMillis());
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        String[] parts = notification.getParameter().split("\t", 3);
                        if (parts.length == 3 && !parts[0].equals(instance)) {
                            deliver(parts[1], parts[2]);
                        }
                    }
                }
            } catch (SQLException | RuntimeException failure) {
                listening = false;
                if (running) {
                    log.warn("Lost the connection that listens for the other instances; trying again in {}", RETRY,
                            failure);
                    sleep(RETRY);
                }
            }
        }
        listening = false;
    }

    /** A connection of its own, outside the pool: it is held for as long as the application runs. */
    private Connection connect() throws SQLException {
        if (dataSource instanceof HikariDataSource hikari) {
            return DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
        }
        return dataSource.getConnection();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        if (!enabled || running) {
            return;
        }
        running = true;
        listener = Thread.ofPlatform().daemon().name("instance-channel").start(this::listen);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!listening && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(10));
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = listener;
        if (thread != null) {
            try {
                thread.join(POLL.multipliedBy(4).toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
