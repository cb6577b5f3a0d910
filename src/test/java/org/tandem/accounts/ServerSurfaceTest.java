package org.tandem.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * What the server shows of itself to an anonymous visitor (ASVS 5.0 13.4, 14.3.2; docs/security.md): no TRACE, no
 * source-control metadata, no directory listing, no monitoring or API documentation endpoints, and pages that
 * browsers must not keep in their cache. (The same context as SecurityHeadersTest, so no new one is started.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "vaadin.devmode.devTools.enabled=false")
@ActiveProfiles("test")
class ServerSurfaceTest {

    @LocalServerPort int port;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(30)).build();

    @Test
    void trace_is_refused_and_never_echoes_the_request() throws Exception {
        for (String path : List.of("/", "/login", "/caseload")) {
            HttpResponse<String> trace = send("TRACE", path, "Cookie", "JSESSIONID=secret-looking-value");
            assertThat(trace.statusCode()).as("TRACE " + path).isEqualTo(405);
            assertThat(trace.body()).as("TRACE " + path).doesNotContain("secret-looking-value");
        }
    }

    @Test
    void no_source_control_metadata_directory_listing_or_monitoring_endpoint_is_served() throws Exception {
        for (String path : List.of("/.git/config", "/.git/HEAD", "/.svn/entries", "/.env", "/VAADIN/", "/VAADIN/build/",
                "/frontend/", "/META-INF/", "/icons/", "/actuator", "/actuator/env", "/actuator/health",
                "/actuator/heapdump", "/v3/api-docs", "/swagger-ui.html", "/h2-console", "/jolokia",
                "/application.properties", "/WEB-INF/web.xml")) {
            HttpResponse<String> answer = send("GET", path);
            // Anonymous visitors are sent to the sign-in page or told "not found"; nothing of the server is shown.
            assertThat(answer.statusCode()).as(path).isIn(302, 401, 403, 404);
            assertThat(answer.body()).as(path)
                    .doesNotContainIgnoringCase("[core]")
                    .doesNotContainIgnoringCase("Index of")
                    .doesNotContainIgnoringCase("Directory listing")
                    .doesNotContain("spring.datasource")
                    .doesNotContain("\"status\"")
                    .doesNotContain("openapi");
            if (answer.statusCode() == 302) {
                assertThat(answer.headers().firstValue("Location")).as(path).hasValueSatisfying(
                        location -> assertThat(location).endsWith("/login"));
            }
        }
    }

    @Test
    void pages_tell_browsers_not_to_keep_them() throws Exception {
        HttpResponse<String> login = send("GET", "/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).contains("no-store"));
    }

    private HttpResponse<String> send(String method, String path, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html").method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
