package org.tandem.shell;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.test.context.ActiveProfiles;

/**
 * A failure on our side shows Tandem's page, answered 500, with a reference that the log line of the stack trace
 * carries too, and nothing of the exception: a Vaadin page that fails while it opens, and a plain request that
 * fails outside Vaadin (the servlet container's {@code /error}). Real requests against the running app.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "vaadin.devmode.devTools.enabled=false")
@ActiveProfiles("test")
class ErrorPageTest {

    private static final String SECRET = "secret detail of the failure";
    private static final Pattern REFERENCE = Pattern.compile("Reference: ([0-9A-Z]{3}-[0-9A-Z]{4}) — give it to your clinic");

    @LocalServerPort int port;
    @Autowired ServletContext servletContext;

    final ListAppender<ILoggingEvent> log = new ListAppender<>();
    final Logger logger = (Logger) LoggerFactory.getLogger(ErrorReference.class);

    /** A page that fails as it opens; registered for this test only, so that no route list of the app holds it. */
    @AnonymousAllowed
    public static class FailingView extends Main {
        public FailingView() {
            throw new IllegalStateException(SECRET);
        }
    }

    /** A request outside Vaadin that fails, before Spring Security, as a broken filter would. */
    @TestConfiguration
    static class FailingFilter {
        @Bean
        FilterRegistrationBean<Filter> failingFilter() {
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
                if (((HttpServletRequest) request).getRequestURI().equals("/failing-request")) {
                    throw new IllegalStateException(SECRET);
                }
                chain.doFilter(request, response);
            });
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    @BeforeEach
    void capture_the_log_and_add_the_failing_page() {
        log.start();
        logger.addAppender(log);
        RouteConfiguration.forRegistry(ApplicationRouteRegistry.getInstance(new VaadinServletContext(servletContext)))
                .setRoute("failing-page", FailingView.class);
    }

    @AfterEach
    void remove_them() {
        logger.detachAppender(log);
        RouteConfiguration.forRegistry(ApplicationRouteRegistry.getInstance(new VaadinServletContext(servletContext)))
                .removeRoute("failing-page");
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** The page says a reference and nothing of the exception, and the ERROR line with the stack trace has it. */
    void shows_a_reference_that_the_log_holds(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).doesNotContain(SECRET).doesNotContain("IllegalStateException")
                .doesNotContain("at org.tandem");
        Matcher reference = REFERENCE.matcher(response.body());
        assertThat(reference.find()).as(response.body()).isTrue();
        assertThat(log.list).anySatisfy(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.ERROR);
            assertThat(line.getFormattedMessage()).contains(reference.group(1));
            assertThat(messages(line.getThrowableProxy())).contains(SECRET);
        });
    }

    /** The messages of a logged exception and its causes. */
    static String messages(@Nullable IThrowableProxy error) {
        return error == null ? "" : error.getMessage() + "\n" + messages(error.getCause());
    }

    @Test
    void a_page_that_fails_as_it_opens_shows_tandems_page_with_a_reference() throws Exception {
        shows_a_reference_that_the_log_holds(get("/failing-page"));
    }

    @Test
    void a_request_that_fails_outside_vaadin_gets_tandems_error_page_too() throws Exception {
        shows_a_reference_that_the_log_holds(get("/failing-request"));
    }

    @Test
    void a_refused_request_gets_its_status_without_a_reference() throws Exception {
        HttpResponse<String> response = get("/caseload;jsessionid=x/..;/setup");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("HTTP 400").doesNotContain("Reference").doesNotContain("Exception");
    }
}
