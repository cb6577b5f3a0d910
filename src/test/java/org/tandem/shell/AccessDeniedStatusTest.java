package org.tandem.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.support.AuditTrail;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Clinic;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;

/**
 * The first, server-rendered load of a refused page answers HTTP 403, like the page it shows says, for every way a
 * page refuses: a role that may not open the view, and a service that refuses what the URL names. Real requests
 * against the running app with a signed-in session, as a browser (or a crawler, or a monitoring check) makes them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "vaadin.devmode.devTools.enabled=false")
@ActiveProfiles("test")
class AccessDeniedStatusTest {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;
    @Autowired DSLContext dsl;

    /** Jordan, a therapist, and the clinic's admin; Jordan's Alex and Sam; Priya's couple; another clinic's. */
    Person jordan;
    Person admin;
    Couple alexAndSam;
    long priyas;
    long otherClinics;

    /** Committed, as the requests run on the server's threads, each in a transaction of its own. */
    @BeforeEach
    void two_clinics() {
        fixtures.committed(() -> {
            Clinic clinic = fixtures.clinic("Riverside Counselling");
            jordan = fixtures.therapist(clinic, "Dr. Jordan Reyes");
            admin = fixtures.admin(clinic, "Morgan Ellis");
            alexAndSam = fixtures.couple(jordan, "Alex Morgan", "Samira Patel");
            priyas = fixtures.couple(fixtures.therapist(clinic, "Priya Nair"), "Maya Johnson", "Chris Taylor").id();
            otherClinics = fixtures.couple(fixtures.therapist(fixtures.clinic("Northside Counselling"), "Lee Park"),
                    "Robin Hart", "Casey Hart").id();
        });
    }

    /** A browser's cookie jar, signed in through the login form as {@code email}. */
    HttpClient signedIn(String email) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> login = get(client, "/login");
        assertThat(login.statusCode()).isEqualTo(200);
        Matcher token = CSRF.matcher(login.body());
        assertThat(token.find()).as("the login page carries a CSRF token").isTrue();
        String form = "username=" + encode(email) + "&password=" + encode(Fixtures.PASSWORD) + "&_csrf=" + encode(token.group(1));
        HttpResponse<String> posted = client.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as("signed in and redirected").isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return client;
    }

    HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The access-denied page, answered with 403. */
    void refused(HttpClient client, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(client, path);
        assertThat(response.statusCode()).as(path).isEqualTo(403);
        assertThat(response.body()).as(path).contains("access to this page");
    }

    void shown(HttpClient client, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(client, path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.body()).as(path).doesNotContain("access to this page");
    }

    @Test
    void a_therapist_opening_another_therapists_couple_by_url_gets_403_and_their_own_couple_200() throws Exception {
        HttpClient therapist = signedIn(jordan.email());

        for (String tab : List.of("", "/sessions", "/workbook", "/goals", "/partners")) {
            refused(therapist, "/couples/" + priyas + tab);
            refused(therapist, "/couples/" + otherClinics + tab);
            refused(therapist, "/couples/999999999" + tab);
            refused(therapist, "/couples/not-a-number" + tab);
            shown(therapist, "/couples/" + alexAndSam.id() + tab);
        }
        shown(therapist, "/caseload");
    }

    @Test
    void a_partner_opening_a_therapists_page_gets_403_and_their_own_page_200() throws Exception {
        HttpClient alex = signedIn(alexAndSam.one().email());

        refused(alex, "/caseload");
        refused(alex, "/couples/" + alexAndSam.id());
        shown(alex, "/my-balance");
    }

    @Test
    void an_admin_opening_a_therapists_page_gets_403_and_their_own_page_200() throws Exception {
        HttpClient office = signedIn(admin.email());

        refused(office, "/caseload");
        refused(office, "/couples/" + alexAndSam.id());
        shown(office, "/users");
    }

    @Test
    void the_audit_log_answers_the_admin_and_refuses_a_therapist_with_a_row_that_says_from_where() throws Exception {
        shown(signedIn(admin.email()), "/audit");
        AuditTrail trail = AuditTrail.from(dsl);

        refused(signedIn(jordan.email()), "/audit");

        // Rendered in the page's own request (a Vaadin view, not the sign-in form), the refusal still has the address.
        assertThat(trail.since("access.denied")).singleElement().satisfies(row -> {
            assertThat(row.getDetail()).isEqualTo("view /audit: role not allowed");
            assertThat(row.getAddress()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        });
        assertThat(trail.since("auth.sign-in")).singleElement()
                .satisfies(row -> assertThat(row.getAddress()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1"));
    }
}
