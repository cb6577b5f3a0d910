package org.tandem.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.Query;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the current thread executes between {@link #start()} and {@link #stop()}, for tests
 * that prove a screen's data comes from a fixed number of statements. Bring it in with
 * {@code @Import(StatementCounter.Counting.class)} and autowire the counter.
 */
public final class StatementCounter implements ExecuteListener {

    private final ThreadLocal<List<String>> statements = new ThreadLocal<>();
    private final ThreadLocal<List<Query>> queries = new ThreadLocal<>();

    public void start() {
        statements.set(Collections.synchronizedList(new ArrayList<>()));
        queries.set(Collections.synchronizedList(new ArrayList<>()));
    }

    /**
     * The statements executed since {@link #start()}, with their values inlined (for {@code EXPLAIN}), in order;
     * rendered when asked for, not on every execution.
     */
    public List<String> inlined() {
        List<Query> executed = queries.get();
        return executed == null ? List.of()
                : executed.stream().map(query -> query.configuration().dsl().renderInlined(query))
                        .toList();
    }

    /** The statements executed since {@link #start()}, in order. */
    public List<String> stop() {
        List<String> executed = statements.get();
        statements.remove();
        queries.remove();
        return executed == null ? List.of() : List.copyOf(executed);
    }

    @Override
    public void executeStart(ExecuteContext context) {
        List<String> executed = statements.get();
        if (executed != null) {
            executed.add(context.sql());
            if (context.query() != null) {
                queries.get().add(context.query());
            }
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Counting {
        @Bean
        StatementCounter statementCounter() {
            return new StatementCounter();
        }

        @Bean
        ExecuteListenerProvider statementCounting(StatementCounter counter) {
            return () -> counter;
        }
    }
}
