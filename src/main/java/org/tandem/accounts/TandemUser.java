package org.tandem.accounts;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.tandem.database.ClinicMember;

/** The signed-in person: who they are, in which clinic, with which roles. */
public final class TandemUser implements UserDetails, CredentialsContainer, ClinicMember {

    private final long accountId;
    private final long clinicId;
    private final String email;
    private final String displayName;
    private final Set<Role> roles;
    private final boolean active;
    private @Nullable String passwordHash;

    public TandemUser(long accountId, long clinicId, String email, String displayName, Set<Role> roles,
            boolean active, @Nullable String passwordHash) {
        this.accountId = accountId;
        this.clinicId = clinicId;
        this.email = email;
        this.displayName = displayName;
        this.roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        this.active = active;
        this.passwordHash = passwordHash;
    }

    public long accountId() {
        return accountId;
    }

    @Override
    public long clinicId() {
        return clinicId;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TandemUser that && that.accountId == accountId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(accountId);
    }

    @Override
    public String toString() {
        return "TandemUser[" + accountId + ", " + email + ", " + List.copyOf(roles) + "]";
    }
}
