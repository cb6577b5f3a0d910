package org.tandem.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.jooq.Tables.ACCOUNT;
import static org.tandem.jooq.Tables.ACCOUNT_ROLE;
import static org.tandem.jooq.Tables.ACCOUNT_SESSION;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.accounts.AuditEvent.Outcome;
import org.tandem.jooq.tables.records.AuditEventRecord;
import org.tandem.support.AuditTrail;
import org.tandem.support.DemoTest;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Clinic;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;

/**
 * Sign-in security where it lives, in the filter chain: real browsers' requests (a cookie jar each) against the running
 * app, through the sign-in form and Tomcat's session cookie, from client addresses given by a proxy's
 * X-Forwarded-For (each test its own, so that no lock reaches another test). Shares the context of the other
 * running-app tests.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"vaadin.devmode.devTools.enabled=false", DemoTest.DEMO})
@ActiveProfiles("test")
class SignInSecurityTest {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final String LOCKED = "/login?error&locked";
    private static final String FAILED = "/login?error";

    @LocalServerPort int port;
    @Autowired DSLContext dsl;
    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;
    @Autowired TestClock clock;
    @Autowired AccountService accounts;

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    /** A browser behind its own client address. */
    final class Browser {
        final CookieManager cookies = new CookieManager();
        final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(30)).build();
        final String address;

        Browser(String address) {
            this.address = address;
        }

        HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "text/html")
                    .header("X-Forwarded-For", address);
            if (headers.length > 0) {
                request.headers(headers);
            }
            return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Posts the sign-in form; the answer's Location says how it went. */
        HttpResponse<String> signIn(String email, String password) throws IOException, InterruptedException {
            HttpResponse<String> page = get("/login");
            Matcher token = CSRF.matcher(page.body());
            assertThat(token.find()).as("the sign-in page carries a CSRF token: " + page.statusCode() + " "
                    + page.headers().map() + " " + page.body().substring(0, Math.min(500, page.body().length())))
                    .isTrue();
            String form = "username=" + encode(email) + "&password=" + encode(password) + "&_csrf="
                    + encode(token.group(1));
            return client.send(HttpRequest.newBuilder(uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", address)
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        String signInTo(String email, String password) throws IOException, InterruptedException {
            return location(signIn(email, password));
        }

        /** Posts the sign-in form as a page of another site would: no CSRF token, these headers (name, value...). */
        HttpResponse<String> signInWithoutToken(String email, String password, String... headers)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", address);
            if (headers.length > 0) {
                request.headers(headers);
            }
            return client.send(request.POST(HttpRequest.BodyPublishers.ofString(
                    "username=" + encode(email) + "&password=" + encode(password))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** Signs out as the page's menu does, with the page's CSRF token and these headers (name, value...). */
        HttpResponse<String> signOut(String csrfToken, String... headers) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri("/logout"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", address);
            if (headers.length > 0) {
                request.headers(headers);
            }
            return client.send(request.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + encode(csrfToken))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** An open tab's heartbeat, as Vaadin's client sends it every minute. */
        void heartbeat() throws IOException, InterruptedException {
            client.send(HttpRequest.newBuilder(uri("/?v-r=heartbeat&v-uiId=0")).header("X-Forwarded-For", address)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    Browser browser() {
        return new Browser("203.0.113." + ADDRESSES.incrementAndGet());
    }

    Person therapist() {
        Person[] made = new Person[1];
        fixtures.committed(() -> {
            Clinic clinic = fixtures.clinic("Riverside Counselling");
            made[0] = fixtures.therapist(clinic, "Dr. Jordan Reyes");
        });
        return made[0];
    }

    @Test
    void five_failures_lock_the_account_and_then_even_the_right_passphrase_fails_until_the_lock_runs_out()
            throws Exception {
        Person jordan = therapist();
        Browser browser = browser();
        AuditTrail trail = AuditTrail.from(dsl);

        List<String> answers = new ArrayList<>();
        for (int attempt = 1; attempt <= 5; attempt++) {
            answers.add(browser.signInTo(jordan.email(), "wrong passphrase number " + attempt));
        }
        assertThat(answers).containsExactly(FAILED, FAILED, FAILED, FAILED, LOCKED);
        clock.advance(Duration.ofMinutes(14));
        assertThat(browser.signInTo(jordan.email(), Fixtures.PASSWORD)).isEqualTo(LOCKED);

        List<AuditEventRecord> rows = trail.since();
        assertThat(rows).filteredOn(row -> row.getAction().equals("auth.sign-in")).extracting(
                AuditEventRecord::getDetail).containsExactly(
                "BadCredentialsException from " + browser.address, "BadCredentialsException from " + browser.address,
                "BadCredentialsException from " + browser.address, "BadCredentialsException from " + browser.address,
                "BadCredentialsException from " + browser.address, "LockedException from " + browser.address);
        assertThat(trail.since("auth.lock-out")).singleElement().satisfies(row -> {
            assertThat(row.getActorAccountId()).isEqualTo(jordan.accountId());
            assertThat(row.getClinicId()).isEqualTo(jordan.clinicId());
            assertThat(row.getOutcome()).isEqualTo(Outcome.DENIED);
            assertThat(row.getDetail()).contains("5 failed sign-ins within 15 min", browser.address);
        });

        clock.advance(Duration.ofMinutes(1));
        assertThat(browser.signInTo(jordan.email(), Fixtures.PASSWORD)).isEqualTo("/");
        assertThat(trail.since("auth.unlock")).singleElement()
                .satisfies(row -> assertThat(row.getActorAccountId()).isEqualTo(jordan.accountId()));
    }

    @Test
    void an_unknown_email_is_answered_in_the_same_words_as_a_known_one() throws Exception {
        Person jordan = therapist();
        List<String> known = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        Browser one = browser();
        Browser two = browser();
        for (int attempt = 1; attempt <= 6; attempt++) {
            known.add(one.signInTo(jordan.email(), "wrong passphrase number " + attempt));
            unknown.add(two.signInTo("nobody." + two.address + "@fixture.example", "wrong passphrase " + attempt));
        }

        assertThat(unknown).isEqualTo(known).containsExactly(FAILED, FAILED, FAILED, FAILED, LOCKED, LOCKED);
        for (Browser browser : List.of(one, two)) {
            assertThat(browser.get(LOCKED).body()).contains("Too many failed sign-ins", "paused for 15 minutes");
        }
    }

    @Test
    void many_failures_from_one_address_lock_that_address_whatever_the_accounts() throws Exception {
        Person jordan = therapist();
        Browser sprayer = browser();
        AuditTrail trail = AuditTrail.from(dsl);

        List<String> answers = new ArrayList<>();
        for (int account = 1; account <= 20; account++) {
            answers.add(sprayer.signInTo("sprayed." + account + "." + sprayer.address + "@fixture.example",
                    "summer-2026-summer"));
        }

        assertThat(answers.subList(0, 19)).containsOnly(FAILED);
        assertThat(answers.get(19)).isEqualTo(LOCKED);
        assertThat(sprayer.signInTo(jordan.email(), Fixtures.PASSWORD)).as("the right passphrase, same address")
                .isEqualTo(LOCKED);
        assertThat(browser().signInTo(jordan.email(), Fixtures.PASSWORD)).as("the right passphrase, elsewhere")
                .isEqualTo("/");
        assertThat(trail.since("auth.lock-out")).singleElement().satisfies(row -> {
            assertThat(row.getActorAccountId()).isNull();
            assertThat(row.getDetail()).startsWith("address " + sprayer.address + ": 20 failed sign-ins");
        });
    }

    @Test
    void signing_in_gives_a_new_session_id_in_an_http_only_same_site_cookie() throws Exception {
        Person jordan = therapist();
        Browser browser = browser();

        String before = sessionCookie(browser.get("/login"));
        String after = sessionCookie(browser.signIn(jordan.email(), Fixtures.PASSWORD));

        assertThat(id(after)).isNotEqualTo(id(before));
        for (String cookie : List.of(before, after)) {
            assertThat(cookie).containsIgnoringCase("; HttpOnly").containsIgnoringCase("; SameSite=Lax")
                    .doesNotContainIgnoringCase("; Secure");
        }
    }

    @Test
    void behind_an_https_proxy_the_session_cookie_is_secure() throws Exception {
        String cookie = sessionCookie(browser().get("/login", "X-Forwarded-Proto", "https"));

        assertThat(cookie).containsIgnoringCase("; Secure").containsIgnoringCase("; HttpOnly")
                .containsIgnoringCase("; SameSite=Lax");
    }

    @Test
    void a_deactivated_accounts_open_session_ends_at_its_next_request_with_a_note() throws Exception {
        Person jordan = therapist();
        Browser page = browser();
        Browser tab = browser();
        assertThat(page.signInTo(jordan.email(), Fixtures.PASSWORD)).isEqualTo("/");
        assertThat(tab.signInTo(jordan.email(), Fixtures.PASSWORD)).isEqualTo("/");
        assertThat(page.get("/schedule").statusCode()).isEqualTo(200);
        AuditTrail trail = AuditTrail.from(dsl);

        dsl.update(ACCOUNT).set(ACCOUNT.ACTIVE, false).where(ACCOUNT.ID.eq(jordan.accountId())).execute();

        assertThat(location(page.get("/schedule"))).isEqualTo("/login?ended");
        assertThat(page.get("/login?ended").body()).contains("You were signed out: your sessions were ended");
        // An open tab's heartbeat ends it too; Vaadin then sends the tab to its session-expired page.
        tab.heartbeat();
        String landing = tab.get("/login?idle").body();
        assertThat(landing).contains("You were signed out: your sessions were ended")
                .doesNotContain("after a period without activity");
        assertThat(location(tab.get("/schedule"))).startsWith("/login");
        assertThat(trail.since("auth.session-ended")).hasSize(2)
                .allSatisfy(row -> assertThat(row.getDetail()).isEqualTo("account deactivated"));
        assertThat(page.signInTo(jordan.email(), Fixtures.PASSWORD)).isEqualTo(FAILED);
    }

    @Test
    void ended_sessions_end_at_their_next_request_and_a_new_sign_in_works() throws Exception {
        Person jordan = therapist();
        Browser laptop = browser();
        Browser phone = browser();
        laptop.signInTo(jordan.email(), Fixtures.PASSWORD);
        phone.signInTo(jordan.email(), Fixtures.PASSWORD);
        clock.advance(Duration.ofMinutes(1));

        signIn.as(jordan.email());
        accounts.endSessions(jordan.accountId());

        assertThat(location(laptop.get("/schedule"))).isEqualTo("/login?ended");
        assertThat(location(phone.get("/schedule"))).isEqualTo("/login?ended");
        assertThat(laptop.signInTo(jordan.email(), Fixtures.PASSWORD)).isEqualTo("/");
        assertThat(laptop.get("/schedule").statusCode()).isEqualTo(200);
    }

    @Test
    void changed_roles_count_from_the_next_request() throws Exception {
        Person jordan = therapist();
        Browser browser = browser();
        browser.signInTo(jordan.email(), Fixtures.PASSWORD);
        assertThat(browser.get("/schedule").statusCode()).isEqualTo(200);
        assertThat(browser.get("/users").statusCode()).isEqualTo(403);

        dsl.update(ACCOUNT_ROLE).set(ACCOUNT_ROLE.ROLE, Role.ADMIN)
                .where(ACCOUNT_ROLE.ACCOUNT_ID.eq(jordan.accountId())).execute();

        assertThat(browser.get("/schedule").statusCode()).isEqualTo(403);
        assertThat(browser.get("/users").statusCode()).isEqualTo(200);
    }

    @Test
    void a_passphrase_is_checked_exactly_as_typed() throws Exception {
        Person jordan = therapist();
        String spaced = "  Seven quiet herons fold the harbour map  ";
        signIn.as(jordan.email());
        accounts.changePassword(Fixtures.PASSWORD, spaced);
        signIn.out();
        Browser browser = browser();

        assertThat(browser.signInTo(jordan.email(), spaced.strip())).as("without its spaces").isEqualTo(FAILED);
        assertThat(browser.signInTo(jordan.email(), spaced.toLowerCase(java.util.Locale.ROOT))).as("in lower case")
                .isEqualTo(FAILED);
        assertThat(browser.signInTo(jordan.email(), spaced.substring(0, spaced.length() - 1))).as("one space short")
                .isEqualTo(FAILED);
        assertThat(browser.signInTo(jordan.email(), spaced)).as("as typed").isEqualTo("/");
    }

    @Test
    void a_sign_in_posted_from_another_site_leaves_the_browser_signed_out() throws Exception {
        Person jordan = therapist();
        for (String[] crossSite : List.of(new String[] {"Origin", "https://evil.example"},
                new String[] {"Origin", "null"}, new String[] {"Origin", "http://localhost:" + (port + 1)},
                new String[] {"Origin", "https://localhost:" + port},
                new String[] {"Sec-Fetch-Site", "cross-site"}, new String[] {"Sec-Fetch-Site", "same-site"},
                new String[] {"Origin", "null", "Sec-Fetch-Site", "cross-site"},
                new String[] {"Origin", "https://evil.example", "Sec-Fetch-Site", "same-origin"})) {
            Browser victim = browser();
            HttpResponse<String> posted = victim.signInWithoutToken(jordan.email(), Fixtures.PASSWORD, crossSite);

            assertThat(location(posted)).as(String.join(": ", crossSite)).isEqualTo(FAILED);
            assertThat(location(victim.get("/schedule"))).as(String.join(": ", crossSite)).startsWith("/login");
        }
        assertThat(dsl.fetchCount(ACCOUNT_SESSION, ACCOUNT_SESSION.ACCOUNT_ID.eq(jordan.accountId())))
                .as("no session was ever signed in").isZero();
    }

    @Test
    void a_sign_in_from_this_sites_own_page_still_works() throws Exception {
        Person jordan = therapist();
        for (String[] sameOrigin : List.of(new String[] {"Origin", "http://localhost:" + port},
                new String[] {"Origin", "HTTP://LOCALHOST:" + port}, new String[] {"Sec-Fetch-Site", "same-origin"},
                // What Chromium sends from our own sign-in page, whose Referrer-Policy is no-referrer:
                new String[] {"Origin", "null", "Sec-Fetch-Site", "same-origin"})) {
            Browser browser = browser();
            HttpResponse<String> page = browser.get("/login");
            Matcher token = CSRF.matcher(page.body());
            assertThat(token.find()).isTrue();
            HttpResponse<String> posted = browser.client.send(HttpRequest.newBuilder(uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Forwarded-For", browser.address).headers(sameOrigin)
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(jordan.email()) + "&password="
                            + encode(Fixtures.PASSWORD) + "&_csrf=" + encode(token.group(1)))).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(location(posted)).as(String.join(": ", sameOrigin)).isEqualTo("/");
            assertThat(browser.get("/schedule").statusCode()).as(String.join(": ", sameOrigin)).isEqualTo(200);
        }
    }

    @Test
    void signing_out_over_https_tells_the_browser_to_clear_the_sites_data_and_over_http_it_cannot() throws Exception {
        Person jordan = therapist();
        for (boolean secure : List.of(true, false)) {
            Browser browser = browser();
            assertThat(browser.signInTo(jordan.email(), Fixtures.PASSWORD)).isEqualTo("/");
            Matcher token = CSRF.matcher(browser.get("/schedule").body());
            assertThat(token.find()).isTrue();

            HttpResponse<String> out = secure ? browser.signOut(token.group(1), "X-Forwarded-Proto", "https")
                    : browser.signOut(token.group(1));

            assertThat(out.statusCode()).isEqualTo(302);
            assertThat(out.headers().firstValue("Clear-Site-Data")).as("secure: " + secure)
                    .isEqualTo(secure ? java.util.Optional.of("\"cache\", \"cookies\", \"storage\"")
                            : java.util.Optional.empty());
            assertThat(location(browser.get("/schedule"))).startsWith("/login");
        }
    }

    @Test
    void signing_out_ends_the_session_for_good() throws Exception {
        Person jordan = therapist();
        Browser browser = browser();
        assertThat(browser.signInTo(jordan.email(), Fixtures.PASSWORD)).isEqualTo("/");
        HttpResponse<String> page = browser.get("/schedule");
        assertThat(page.statusCode()).isEqualTo(200);
        String signedInSession = browser.cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("JSESSIONID")).findFirst().orElseThrow().getValue();
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).as("a signed-in page carries a CSRF token").isTrue();

        HttpResponse<String> out = browser.signOut(token.group(1));

        assertThat(out.statusCode()).as("signed out and sent on").isEqualTo(302);
        assertThat(location(browser.get("/schedule"))).as("the same browser, back on a page").startsWith("/login");
        // The old session id, replayed as if kept by the back button or a copied cookie, opens nothing either.
        HttpResponse<String> replay = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(uri("/schedule")).header("Accept", "text/html")
                        .header("Cookie", "JSESSIONID=" + signedInSession).header("X-Forwarded-For", browser.address)
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(location(replay)).startsWith("/login");
    }

    @Test
    void a_signed_in_browser_is_listed_by_the_hash_of_its_renewed_session_id_and_ending_it_signs_out_only_it()
            throws Exception {
        Person jordan = therapist();
        Browser laptop = browser();
        Browser phone = browser();
        String laptopId = id(sessionCookie(laptop.signIn(jordan.email(), Fixtures.PASSWORD)));
        String phoneId = id(sessionCookie(phone.signIn(jordan.email(), Fixtures.PASSWORD)));
        assertThat(laptop.get("/schedule").statusCode()).isEqualTo(200);
        assertThat(phone.get("/schedule").statusCode()).isEqualTo(200);

        var rows = dsl.fetch(ACCOUNT_SESSION, ACCOUNT_SESSION.ACCOUNT_ID.eq(jordan.accountId()));
        assertThat(rows).extracting(row -> row.getSessionIdHash())
                .containsExactlyInAnyOrder(LinkToken.hash(laptopId), LinkToken.hash(phoneId))
                .doesNotContain(laptopId, phoneId);
        assertThat(rows).extracting(row -> row.getAddress())
                .containsExactlyInAnyOrder(laptop.address, phone.address);
        var laptopRow = rows.stream().filter(row -> row.getAddress().equals(laptop.address)).findFirst().orElseThrow();

        signIn.as(jordan.email());
        accounts.endSession(laptopRow.getPublicId());

        assertThat(location(laptop.get("/schedule"))).isEqualTo("/login?ended");
        assertThat(phone.get("/schedule").statusCode()).isEqualTo(200);
        assertThat(accounts.mySessions()).singleElement()
                .satisfies(open -> assertThat(open.address()).isEqualTo(phone.address));
        // However a session ends, its row ends with it: here the idle sign-out.
        clock.advance(Duration.ofMinutes(16));
        assertThat(location(phone.get("/schedule"))).isEqualTo("/login?idle");
        assertThat(dsl.fetchValue(ACCOUNT_SESSION.ENDED_AT, ACCOUNT_SESSION.SESSION_ID_HASH.eq(LinkToken.hash(phoneId))))
                .isNotNull();
        assertThat(accounts.mySessions()).isEmpty();
    }

    @Test
    void a_session_ends_twelve_hours_after_its_sign_in_however_active_with_a_note() throws Exception {
        Person jordan = therapist();
        Browser page = browser();
        Browser tab = browser();
        page.signInTo(jordan.email(), Fixtures.PASSWORD);
        tab.signInTo(jordan.email(), Fixtures.PASSWORD);

        for (int step = 1; step <= 51; step++) { // a click every 14 minutes: never idle
            clock.advance(Duration.ofMinutes(14));
            assertThat(page.get("/schedule").statusCode()).as("after %d minutes", step * 14).isEqualTo(200);
            assertThat(tab.get("/schedule").statusCode()).isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(5));
        assertThat(page.get("/schedule").statusCode()).as("11 h 59 min").isEqualTo(200);
        clock.advance(Duration.ofMinutes(1));

        assertThat(location(page.get("/schedule"))).isEqualTo("/login?expired");
        assertThat(page.get("/login?expired").body()).contains("a session lasts at most 12 hours after signing in");
        // An open tab's heartbeat ends it too; Vaadin then sends the tab to its session-expired page.
        tab.heartbeat();
        assertThat(tab.get("/login?idle").body()).contains("a session lasts at most 12 hours after signing in")
                .doesNotContain("after a period without activity");
        assertThat(page.signInTo(jordan.email(), Fixtures.PASSWORD)).isEqualTo("/");
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("JSESSIONID="))
                .reduce((first, last) -> last).orElseThrow(() -> new AssertionError("no session cookie set"));
    }

    private static String id(String cookie) {
        return cookie.substring("JSESSIONID=".length(), cookie.indexOf(';'));
    }

    private static String location(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location").orElse("(no redirect: " + response.statusCode() + ")");
        return location.replaceFirst("^https?://[^/]+", "");
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
