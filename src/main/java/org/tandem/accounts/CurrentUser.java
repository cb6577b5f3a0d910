package org.tandem.accounts;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The person behind the current request, as services need them for scoping every query. */
public final class CurrentUser {

    private CurrentUser() {}

    public static Optional<TandemUser> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof TandemUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /** The signed-in Tandem user; refuses anyone else (anonymous, or a principal we did not issue). */
    public static TandemUser require() {
        return find().orElseThrow(() -> new AccessDeniedException("Not signed in"));
    }
}
