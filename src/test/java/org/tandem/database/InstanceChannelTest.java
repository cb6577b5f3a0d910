package org.tandem.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two instances on one database (decision 035): what one publishes reaches the other after its commit, never after a
 * rollback, and never comes back to itself.
 */
@SpringBootTest
@ActiveProfiles("test")
class InstanceChannelTest {

    @Autowired InstanceChannel here;
    @Autowired HikariDataSource pool;
    @Autowired PlatformTransactionManager transactions;

    InstanceChannel there;
    final Queue<String> heardThere = new ConcurrentLinkedQueue<>();
    final Queue<String> heardHere = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void a_second_instance() {
        there = new InstanceChannel(pool, true);
        there.subscribe("test-topic", heardThere::add);
        there.start();
        here.subscribe("test-topic", heardHere::add);
        assertThat(here.listening()).isTrue();
        assertThat(there.listening()).isTrue();
    }

    @AfterEach
    void stop() {
        there.stop();
    }

    private static void waitFor(Queue<String> heard, int count) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (heard.size() < count && System.nanoTime() < until) {
            Thread.sleep(5);
        }
    }

    @Test
    void the_other_instance_hears_a_message_and_the_publisher_does_not_hear_its_own() throws Exception {
        here.publish("test-topic", "clinic 42\twith a tab and ünïcode");
        waitFor(heardThere, 1);
        Thread.sleep(200);

        assertThat(heardThere).containsExactly("clinic 42\twith a tab and ünïcode");
        assertThat(heardHere).as("an instance does its own part itself").isEmpty();
        assertThat(here.instance()).isNotEqualTo(there.instance());
    }

    @Test
    void inside_a_transaction_the_others_hear_after_the_commit_and_never_after_a_rollback() throws Exception {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> {
            here.publish("test-topic", "rolled back");
            status.setRollbackOnly();
        });
        transaction.executeWithoutResult(status -> {
            here.publish("test-topic", "committed");
            sleep(300);
            assertThat(heardThere).as("nothing before the commit").isEmpty();
        });
        waitFor(heardThere, 1);
        Thread.sleep(200);

        assertThat(heardThere).containsExactly("committed");
    }

    @Test
    void a_topic_of_another_feature_is_not_heard() throws Exception {
        here.publish("another-topic", "not for test-topic");
        here.publish("test-topic", "for test-topic");
        waitFor(heardThere, 1);
        Thread.sleep(200);

        assertThat(heardThere).containsExactly("for test-topic");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
