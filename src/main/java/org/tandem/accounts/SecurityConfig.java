package org.tandem.accounts;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.HeaderWriterLogoutHandler;
import org.springframework.security.web.header.writers.ClearSiteDataHeaderWriter;
import org.springframework.security.web.header.writers.ClearSiteDataHeaderWriter.Directive;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.tandem.accounts.ui.AccountRoutes;
import org.tandem.accounts.ui.LoginView;

@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationProvider passwords,
            SignInThrottle throttle, AuthenticationEventPublisher authenticationEvents)
            throws Exception {
        // An error dispatch keeps the status it carries. Without this, Vaadin's 403 "session expired" answer to
        // an idle tab's heartbeat was re-checked on /error and turned into a redirect to the sign-in page, which the
        // client took for a healthy heartbeat, so the tab never learnt that it had been signed out.
        http.authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll());
        // The form's passphrase check (then the second factor's first step, docs/decisions/025-second-factor.md) goes
        // through the throttle (docs/decisions/023-sign-in-security.md); its own manager, so that no second provider
        // checks the passphrase again and counts the failure twice.
        ThrottledSignIn signIn = new ThrottledSignIn(passwords, throttle);
        ProviderManager signInManager = new ProviderManager(signIn);
        signInManager.setAuthenticationEventPublisher(authenticationEvents);
        http.authenticationManager(signInManager);
        // After Vaadin's configurer, whose initialisation sets the form's login page: a form configured before it
        // would be initialised first, without that page, and Spring Security would add its own sign-in page.
        // Vaadin exempts the sign-in post from the CSRF token: a post from another site is refused by its Origin
        // instead (login CSRF, docs/decisions/023-sign-in-security.md).
        http.addFilterBefore(new SignInOriginCheck("/" + AccountRoutes.LOGIN, "/" + AccountRoutes.LOGIN + "?error"),
                UsernamePasswordAuthenticationFilter.class);
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class))
                .formLogin(form -> form.failureHandler(signIn))
                // Signing out tells the browser to drop this site's cache, cookies and storage (written on secure
                // requests only, which browsers alone honour; behind the HTTPS proxy, all of them).
                .logout(logout -> logout.addLogoutHandler(new HeaderWriterLogoutHandler(
                        new ClearSiteDataHeaderWriter(Directive.CACHE, Directive.COOKIES, Directive.STORAGE))))
                .headers(SecurityConfig::securityHeaders)
                .build();
    }

    /**
     * What every response carries (docs/decisions/031-self-hosting-defaults.md). The policy is as strict as Vaadin
     * Flow allows: its bootstrap page starts the client engine with an inline script, the engine builds functions
     * from the JavaScript the server sends ('unsafe-eval'), and Lumo injects styles. Everything else comes from
     * this origin only; images may also be data: URIs (the second factor's QR code). HSTS is written on secure
     * requests only (Spring Security's default matcher), which behind the HTTPS proxy are all of them.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "interest-cohort=()";

    private static void securityHeaders(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                .crossOriginOpenerPolicy(opener -> opener.policy(CrossOriginOpenerPolicy.SAME_ORIGIN))
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(HSTS_SECONDS));
    }

    static final long HSTS_SECONDS = 31_536_000;

    /**
     * Argon2id for new hashes, behind a prefix so that older hashes (bcrypt) still match and a stronger
     * encoder can take over later without a reset. Not bcrypt: it reads only the first 72 bytes, and
     * partners may choose passphrases of up to 128 characters. OWASP's minimum for Argon2id (m = 19 MiB, t = 2,
     * p = 1); a hash made with weaker parameters is replaced at its account's next sign-in
     * ({@link TandemUserDetailsService#updatePassword}).
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        Map<String, PasswordEncoder> encoders = new HashMap<>();
        encoders.put(ARGON2, new Argon2PasswordEncoder(ARGON2_SALT_BYTES, ARGON2_HASH_BYTES, 1, ARGON2_MEMORY_KIB, 2));
        encoders.put("bcrypt", new BCryptPasswordEncoder());
        return new DelegatingPasswordEncoder(ARGON2, encoders);
    }

    private static final String ARGON2 = "argon2";
    private static final int ARGON2_SALT_BYTES = 16;
    private static final int ARGON2_HASH_BYTES = 32;
    static final int ARGON2_MEMORY_KIB = 19_456;

    /**
     * The passphrase, then the second factor where the account has one (docs/decisions/025-second-factor.md). As the
     * one provider bean, it replaces the passphrase-only provider Spring Security would build from the
     * {@code UserDetailsService}.
     */
    @Bean
    AuthenticationProvider authenticationProvider(UserDetailsService accounts, PasswordEncoder passwordEncoder,
            SecondFactorRepository factors, ApplicationEventPublisher events, Clock clock) {
        return new PasswordThenSecondFactor(accounts, passwordEncoder, factors, events, clock);
    }

    /** Method-security denials become events, which the audit trail records. */
    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher publisher) {
        return new SpringAuthorizationEventPublisher(publisher);
    }
}
