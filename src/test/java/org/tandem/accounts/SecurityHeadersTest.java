package org.tandem.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every response carries the security headers with their exact values: a page, a static resource of the page, the
 * error page. HSTS only when the request is secure: here, as behind the HTTPS proxy, a request from a trusted proxy
 * address saying X-Forwarded-Proto: https. (The same context as AccessDeniedStatusTest, so no new one is started.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "vaadin.devmode.devTools.enabled=false")
@ActiveProfiles("test")
class SecurityHeadersTest {

    private static final Pattern SCRIPT = Pattern.compile("<script[^>]+src=\"(?:\\./|/)?([^\"]+)\"");
    private static final Map<String, String> EXPECTED = Map.of(
            "Content-Security-Policy", "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
                    + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
                    + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
                    + "frame-ancestors 'none'",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
            "X-Content-Type-Options", "nosniff",
            "Cross-Origin-Opener-Policy", "same-origin");

    @LocalServerPort int port;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(30)).build();

    @Test
    void the_sign_in_page_a_static_resource_and_the_error_page_carry_every_header() throws Exception {
        HttpResponse<String> login = get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        everyHeader("/login", login.headers());

        Matcher script = SCRIPT.matcher(login.body());
        assertThat(script.find()).as("the sign-in page loads a script").isTrue();
        HttpResponse<String> resource = get("/" + script.group(1));
        assertThat(resource.statusCode()).as(script.group(1)).isEqualTo(200);
        everyHeader(script.group(1), resource.headers());

        // Opened directly by an anonymous visitor, /error answers with the way to the sign-in page: headers too.
        HttpResponse<String> error = get("/error");
        assertThat(error.statusCode()).isIn(302, 400, 404, 500);
        everyHeader("/error", error.headers());
    }

    @Test
    void strict_transport_security_only_on_a_secure_request() throws Exception {
        assertThat(get("/login").headers().firstValue("Strict-Transport-Security")).isEmpty();

        HttpResponse<String> secure = get("/login", "X-Forwarded-Proto", "https");
        assertThat(secure.headers().firstValue("Strict-Transport-Security"))
                .contains("max-age=31536000 ; includeSubDomains");
        everyHeader("/login over https", secure.headers());
    }

    private static void everyHeader(String what, HttpHeaders headers) {
        EXPECTED.forEach((name, value) -> assertThat(headers.allValues(name)).as(what + ": " + name)
                .containsExactly(value));
    }

    private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html").GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
