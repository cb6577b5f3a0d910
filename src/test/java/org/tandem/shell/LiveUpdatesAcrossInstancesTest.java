package org.tandem.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinServletService;
import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.database.InstanceChannel;
import org.tandem.support.UiInItsOwnSession;

/**
 * A page open on one instance hears of a change made through another (decision 035): the update crosses as a record
 * of ids and is rebuilt there; only the accounts told hear of it; what cannot cross stays on its instance.
 */
@SpringBootTest
@ActiveProfiles("test")
class LiveUpdatesAcrossInstancesTest {

    @Autowired HikariDataSource pool;

    final VaadinServletService service = new VaadinServletService(new VaadinServlet(), null);
    final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    InstanceChannel channelOne;
    InstanceChannel channelTwo;
    LiveUpdates one;
    LiveUpdates two;

    record ThreadMoved(long threadId, int messages, boolean read, String by) {}

    @BeforeEach
    void two_instances() {
        channelOne = new InstanceChannel(pool, true);
        channelTwo = new InstanceChannel(pool, true);
        one = new LiveUpdates(channelOne);
        two = new LiveUpdates(channelTwo);
        channelOne.start();
        channelTwo.start();
    }

    @AfterEach
    void stop() {
        channelOne.stop();
        channelTwo.stop();
        SecurityContextHolder.clearContext();
        assertThat(failures).isEmpty();
    }

    private Queue<Object> page(LiveUpdates instance, long account) {
        Queue<Object> seen = new ConcurrentLinkedQueue<>();
        UI ui = UiInItsOwnSession.open(service, error -> failures.add(error.getThrowable()));
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("user" + account, null));
        try {
            instance.register(ui, account, seen::add);
        } finally {
            SecurityContextHolder.clearContext();
        }
        return seen;
    }

    private static void waitFor(Queue<Object> seen, int count) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (seen.size() < count && System.nanoTime() < until) {
            Thread.sleep(5);
        }
    }

    @Test
    void a_page_on_the_other_instance_hears_the_update_rebuilt_from_its_ids() throws Exception {
        Queue<Object> alexOnTwo = page(two, 1_000_001);
        Queue<Object> samOnTwo = page(two, 1_000_002);
        Queue<Object> alexOnOne = page(one, 1_000_001);

        one.tell(List.of(1_000_001L), new ThreadMoved(77, 3, true, "Sam | Ü & co"));
        waitFor(alexOnTwo, 1);
        waitFor(alexOnOne, 1);
        Thread.sleep(200);

        assertThat(alexOnTwo).containsExactly(new ThreadMoved(77, 3, true, "Sam | Ü & co"));
        assertThat(alexOnOne).as("its own instance, directly").containsExactly(new ThreadMoved(77, 3, true,
                "Sam | Ü & co"));
        assertThat(samOnTwo).as("not told").isEmpty();
    }

    record Holding(List<Long> ids) {}

    @Test
    void an_update_that_is_not_a_record_of_ids_stays_on_its_instance() throws Exception {
        Queue<Object> onTwo = page(two, 1_000_003);
        Queue<Object> onOne = page(one, 1_000_003);

        one.tell(List.of(1_000_003L), new Holding(List.of(1L)));
        one.tell(List.of(1_000_003L), "a string");
        waitFor(onOne, 2);
        Thread.sleep(300);

        assertThat(onOne).hasSize(2);
        assertThat(onTwo).isEmpty();
    }

    @Test
    void a_line_naming_a_class_outside_tandem_is_dropped() {
        assertThat(UpdateCodec.decode("1|java.lang.ProcessBuilder|x")).isEmpty();
        assertThat(UpdateCodec.decode("1|org.tandem.Nothing")).isEmpty();
        assertThat(UpdateCodec.decode("garbage")).isEmpty();
        assertThat(UpdateCodec.encode(List.of(5L, 6L), new ThreadMoved(1, 2, false, "x")).flatMap(UpdateCodec::decode))
                .hasValueSatisfying(told -> {
                    assertThat(told.accounts()).containsExactly(5L, 6L);
                    assertThat(told.update()).isEqualTo(new ThreadMoved(1, 2, false, "x"));
                });
    }
}
