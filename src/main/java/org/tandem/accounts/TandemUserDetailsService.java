package org.tandem.accounts;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.database.TenantScope;

@Service
class TandemUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

    private final AccountRepository accounts;

    TandemUserDetailsService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    // An unknown e-mail is an answer, not a failure: it must not mark a surrounding transaction (the audit row of a
    // failed sign-in, written as it asks who the e-mail belongs to) for rollback.
    @Override
    @Transactional(readOnly = true, noRollbackFor = UsernameNotFoundException.class)
    public UserDetails loadUserByUsername(String email) {
        return accounts.findUserByEmail(Emails.normalise(email))
                .orElseThrow(() -> new UsernameNotFoundException("No account for that e-mail"));
    }

    /**
     * Spring Security's re-hash after a correct passphrase whose stored hash was made with weaker parameters (or an
     * older algorithm): only the hash changes; sessions, version and everything else stay.
     */
    @Override
    @Transactional
    public UserDetails updatePassword(UserDetails user, @Nullable String newPasswordHash) {
        if (user instanceof TandemUser tandem && newPasswordHash != null) {
            TenantScope.clinic(tandem.clinicId(),
                    () -> accounts.rehash(tandem.clinicId(), tandem.accountId(), newPasswordHash));
        }
        return user;
    }
}
