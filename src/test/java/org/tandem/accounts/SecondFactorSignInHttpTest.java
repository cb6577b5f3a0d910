package org.tandem.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.support.DemoTest;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;
import org.tandem.support.TotpCodes;

/**
 * The sign-in form in the real filter chain: with a second factor, the passphrase alone opens no page but the code
 * step, whatever the URL. (The same context as AccessDeniedStatusTest, so no third one is started.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"vaadin.devmode.devTools.enabled=false", DemoTest.DEMO})
@ActiveProfiles("test")
class SecondFactorSignInHttpTest {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;
    @Autowired SecondFactorService secondFactor;
    @Autowired TestClock clock;

    @Test
    void the_passphrase_of_an_account_with_a_second_factor_opens_only_the_code_page() throws Exception {
        Person[] people = new Person[2];
        fixtures.committed(() -> {
            Fixtures.Clinic clinic = fixtures.clinic("Riverside Counselling");
            people[0] = fixtures.admin(clinic, "Morgan Ellis");
            people[1] = fixtures.admin(clinic, "Kim Office");
            signIn.during(people[0].email(), () -> {
                byte[] secret = TotpCodes.secret(secondFactor.startEnrolment().typedKey());
                return secondFactor.confirmEnrolment(TotpCodes.code(secret, clock.instant()));
            });
        });
        signIn.out();

        HttpClient withFactor = signedIn(people[0].email());
        for (String path : new String[] {"/", "/users", "/clinic/settings", "/account/second-factor"}) {
            HttpResponse<String> page = get(withFactor, path);
            assertThat(page.body()).as(path).contains("Enter your code").doesNotContain("Settings of");
        }

        HttpClient without = signedIn(people[1].email());
        assertThat(get(without, "/clinic/settings").body()).contains("Settings of").doesNotContain("Enter your code");
    }

    /** A browser's cookie jar, signed in through the sign-in form with the fixtures' passphrase. */
    private HttpClient signedIn(String email) throws IOException, InterruptedException {
        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> login = get(client, "/login");
        Matcher token = CSRF.matcher(login.body());
        assertThat(token.find()).as("the login page carries a CSRF token").isTrue();
        String before = session(cookies);
        String form = "username=" + encode(email) + "&password=" + encode(Fixtures.PASSWORD) + "&_csrf="
                + encode(token.group(1));
        HttpResponse<String> posted = client.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").orElse("")).doesNotContain("error");
        assertThat(session(cookies)).as("a new session id at the passphrase").isNotEqualTo(before);
        return client;
    }

    private static String session(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse("");
    }

    private HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
