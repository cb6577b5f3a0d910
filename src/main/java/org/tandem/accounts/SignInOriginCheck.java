package org.tandem.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in form post that a browser says came from another site (login CSRF,
 * docs/decisions/023-sign-in-security.md). Vaadin's security configurer exempts the sign-in URL from Spring Security's
 * CSRF token, so without this a page elsewhere could post valid credentials of the attacker's account and sign the
 * victim's browser in as them. A post is refused when its {@code Origin} is not this server's own scheme, host and
 * port (as the request sees them, behind the proxy too). Our pages send {@code Referrer-Policy: no-referrer}, under
 * which browsers write {@code Origin: null} even on a same-origin form post; so for {@code null} or no {@code Origin}
 * the browser's {@code Sec-Fetch-Site} decides ({@code same-origin} or {@code none} pass), and {@code null} without
 * it is refused. A request with neither header (no browser sends a cross-site form post without them) passes. A
 * refused post goes to the sign-in page's failure address, signed out; nothing is checked or counted.
 */
final class SignInOriginCheck extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(SignInOriginCheck.class);

    private final RequestMatcher signInPost;
    private final String refusedUrl;

    SignInOriginCheck(String signInPath, String refusedUrl) {
        this.signInPost = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, signInPath);
        this.refusedUrl = refusedUrl;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (signInPost.matches(request) && isCrossSite(request)) {
            LOG.warn("Refused a cross-site sign-in post (Origin {}, Sec-Fetch-Site {}) from {}",
                    request.getHeader("Origin"), request.getHeader("Sec-Fetch-Site"), request.getRemoteAddr());
            response.sendRedirect(request.getContextPath() + refusedUrl);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isCrossSite(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (origin != null && !origin.strip().equals("null")) {
            return !sameOrigin(origin, request);
        }
        if (fetchSite != null) {
            return !fetchSite.equals("same-origin") && !fetchSite.equals("none");
        }
        return origin != null; // "null" and nothing else to go by: it cannot be shown to come from this site
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        URI uri = parse(origin.strip());
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            return false; // "null" (a sandboxed frame, a redirect across sites) or anything unreadable
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals(request.getScheme().toLowerCase(Locale.ROOT))
                && uri.getHost().equalsIgnoreCase(request.getServerName())
                && port(scheme, uri.getPort()) == port(scheme, request.getServerPort());
    }

    private static int port(String scheme, int port) {
        if (port > 0) {
            return port;
        }
        return scheme.equals("https") ? 443 : 80;
    }

    private static @Nullable URI parse(String origin) {
        try {
            return URI.create(origin);
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }
}
