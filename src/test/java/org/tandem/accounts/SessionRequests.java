package org.tandem.accounts;

import jakarta.servlet.Filter;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.TestClock;

/**
 * Signed-in sessions as the container keeps them, and their requests through the real per-request check
 * ({@link SessionCheck}'s filter), for tests of what happens to a session without a browser.
 */
final class SessionRequests {

    static final String FIREFOX_ON_WINDOWS =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

    private final UserDetailsService users;
    private final TestClock clock;
    private final Filter sessionCheck;

    SessionRequests(UserDetailsService users, TestClock clock, Filter sessionCheck) {
        this.users = users;
        this.clock = clock;
        this.sessionCheck = sessionCheck;
    }

    /** A session as the container keeps it after a sign-in through the form, at the clock's instant. */
    MockHttpSession signedIn(String email) {
        TandemUser user = (TandemUser) users.loadUserByUsername(email);
        user.eraseCredentials();
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(user, null,
                        user.getAuthorities())));
        session.setAttribute(SessionCheck.SIGNED_IN_AT, clock.instant());
        return session;
    }

    /** A signed-in session that has made its first request, so that it has its row. */
    MockHttpSession seen(String email) throws Exception {
        MockHttpSession session = signedIn(email);
        check(session);
        return session;
    }

    static MockHttpServletRequest request(MockHttpSession session) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setSession(session);
        request.setRemoteAddr("198.51.100.7");
        request.addHeader("User-Agent", FIREFOX_ON_WINDOWS);
        return request;
    }

    /** One request of the session through the per-request check; the response says whether it was sent away. */
    MockHttpServletResponse check(MockHttpSession session) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        sessionCheck.doFilter(request(session), response, new MockFilterChain());
        return response;
    }
}
