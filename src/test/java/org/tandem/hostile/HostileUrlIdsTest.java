package org.tandem.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.UriUtils;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.HostileInput;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;
import org.tandem.support.TestModules;

/**
 * At least {@link HostileInput#MIN_PER_TYPE} hostile ids (negative, zero, huge, not numbers, {@code 1;drop},
 * other scripts' digits, {@code %00}, very long…) in the parameter of every route that takes one, opened
 * browserlessly as a person who may open that kind of page (docs/decisions/032-hostile-input.md). Each ends on the
 * access-denied page, the not-found page, or (an id that happens to name one of theirs, a token page saying the
 * link is not valid) the page itself; never Tandem's error page, never an exception. A value goes into the URL as a
 * browser sends it (percent-encoded); values made only of URL characters go in as typed as well.
 */
@IntegrationTest
@ViewPackages(packages = "org.tandem")
class HostileUrlIdsTest extends SpringBrowserlessTest {

    /** Characters a browser sends in a path segment as they are (with {@code %} for typed escapes). */
    private static final Pattern AS_TYPED = Pattern.compile("[A-Za-z0-9._~!$&'()*+,;=:@%-]+");

    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;
    @Autowired org.jooq.DSLContext dsl;

    Person admin;
    Person therapist;
    Couple couple;
    long assignment;

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    private void world() {
        Fixtures.Clinic clinic = fixtures.clinic("Hostile URL Clinic");
        admin = fixtures.admin(clinic, "Ada Url");
        therapist = fixtures.therapist(clinic, "Theo Url");
        couple = fixtures.couple(therapist, "Pat Url", "Pip Url");
        long module = TestModules.publish(dsl, therapist.email(), TestModules.everyKind("Url module"));
        assignment = fixtures.assignment(therapist, couple, module, TestClock.TODAY.plusDays(3));
    }

    @Test
    void hostile_ids_in_every_route_end_on_a_denial_or_not_found_never_on_an_error() {
        long started = System.nanoTime();
        fixtures.committed(this::world);
        // route template ("{}" is the hostile id) -> who opens it
        Map<String, String> routes = new LinkedHashMap<>();
        String th = therapist.email();
        routes.put("couples/{}", th);
        routes.put("couples/{}/sessions", th);
        routes.put("couples/{}/workbook", th);
        routes.put("couples/{}/goals", th);
        routes.put("couples/{}/partners", th);
        routes.put("couples/{}/edit", th);
        routes.put("couples/" + couple.id() + "/workbook/{}", th);
        routes.put("couples/{}/workbook/" + assignment, th);
        routes.put("library/{}", th);
        routes.put("library/{}/edit", th);
        routes.put("users/{}", admin.email());
        routes.put("check-in/{}", couple.one().email());
        routes.put("workbook/{}", couple.one().email());
        routes.put("invitation/{}", null);
        routes.put("reset-password/{}", null);

        List<String> corpus = HostileServicesTest.spread(HostileInput.urlIds(), HostileInput.MIN_PER_TYPE);
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(HostileInput.MIN_PER_TYPE);
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        int navigations = 0;
        for (Map.Entry<String, String> route : routes.entrySet()) {
            if (route.getValue() == null) {
                signIn.anonymous();
            } else {
                signIn.as(route.getValue());
            }
            for (String value : corpus) {
                List<String> segments = new ArrayList<>();
                segments.add(UriUtils.encodePathSegment(value, StandardCharsets.UTF_8));
                if (AS_TYPED.matcher(value).matches() && !segments.contains(value)) {
                    segments.add(value);
                }
                for (String segment : segments) {
                    String location = route.getKey().replace("{}", segment);
                    navigations++;
                    String outcome;
                    try {
                        navigate(location, Component.class);
                        outcome = getCurrentView().getClass().getSimpleName();
                    } catch (RuntimeException e) {
                        outcome = "exception " + e.getClass().getSimpleName();
                        errors.add(location + ": " + e);
                    }
                    if (outcome.equals("InternalErrorView")) {
                        errors.add(location + ": Tandem's error page");
                    }
                    outcomes.merge(outcome, 1, Integer::sum);
                }
            }
            signIn.out();
        }
        System.out.printf("HOSTILE url ids: %d values (of %d), %d routes, %d navigations in %d s: %s%n", corpus.size(),
                HostileInput.urlIds().size(), routes.size(), navigations,
                (System.nanoTime() - started) / 1_000_000_000L, outcomes);
        errors.stream().limit(30).forEach(error -> System.out.println("HOSTILE url error " + error));
        assertThat(errors).as("navigations that failed or showed the error page").isEmpty();
        assertThat(outcomes).doesNotContainKey("InternalErrorView");
    }
}
