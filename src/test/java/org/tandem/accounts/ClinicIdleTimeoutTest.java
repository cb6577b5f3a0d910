package org.tandem.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.jooq.Tables.CLINIC;

import jakarta.servlet.FilterChain;
import java.time.Duration;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.tandem.support.AuditTrail;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;

/**
 * Idle sign-out follows the clinic's own timeout (Clinic settings), and the configured default for a clinic that has
 * set none (docs/decisions/005-idle-sign-out.md).
 */
@IntegrationTest
class ClinicIdleTimeoutTest {

    @Autowired FilterRegistrationBean<IdleSignOut.IdleFilter> idleSignOutFilter;
    @Autowired UserDetailsService users;
    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;
    @Autowired TestClock clock;
    @Autowired DSLContext dsl;

    Person therapist;

    @BeforeEach
    void a_therapist() {
        therapist = fixtures.therapist(fixtures.clinic("Riverside Counselling"), "Jordan Reyes");
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    /** A signed-in session whose last interaction was {@code idle} ago. */
    private MockHttpSession sessionIdleFor(Duration idle) {
        TandemUser user = (TandemUser) users.loadUserByUsername(therapist.email());
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities())));
        session.setAttribute(IdleSignOut.LAST_INTERACTION, clock.instant().minus(idle));
        return session;
    }

    /** Sends a heartbeat of that session through the filter; true when it was signed out. */
    private boolean signedOutByHeartbeat(MockHttpSession session) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
        request.setParameter("v-r", "heartbeat");
        request.setSession(session);
        FilterChain chain = (req, res) -> { };
        idleSignOutFilter.getFilter().doFilter(request, new MockHttpServletResponse(), chain);
        return session.isInvalid();
    }

    @Test
    void a_clinic_without_its_own_timeout_signs_out_after_the_configured_fifteen_minutes() throws Exception {
        assertThat(signedOutByHeartbeat(sessionIdleFor(Duration.ofMinutes(14)))).isFalse();
        AuditTrail trail = AuditTrail.from(dsl);
        assertThat(signedOutByHeartbeat(sessionIdleFor(Duration.ofMinutes(16)))).isTrue();
        assertThat(trail.since("auth.idle-sign-out")).hasSize(1);
    }

    @Test
    void a_clinic_with_thirty_minutes_keeps_an_idle_tab_for_twenty_and_signs_it_out_after_thirty() throws Exception {
        dsl.update(CLINIC).set(CLINIC.IDLE_TIMEOUT_MINUTES, 30).where(CLINIC.ID.eq(therapist.clinicId())).execute();

        MockHttpSession twenty = sessionIdleFor(Duration.ofMinutes(20));
        assertThat(signedOutByHeartbeat(twenty)).isFalse();
        assertThat(twenty.getMaxInactiveInterval()).isEqualTo(30 * 60);
        assertThat(signedOutByHeartbeat(sessionIdleFor(Duration.ofMinutes(30)))).isTrue();
    }

    @Test
    void a_clinic_with_five_minutes_signs_out_sooner_than_the_default() throws Exception {
        dsl.update(CLINIC).set(CLINIC.IDLE_TIMEOUT_MINUTES, 5).where(CLINIC.ID.eq(therapist.clinicId())).execute();

        assertThat(signedOutByHeartbeat(sessionIdleFor(Duration.ofMinutes(6)))).isTrue();
    }
}
