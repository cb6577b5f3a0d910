package org.tandem.database;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The clinic whose rows the current thread's statements see (docs/decisions/029-second-wall-in-the-database.md): an
 * explicit scope set here, else the signed-in person's clinic ({@link ClinicMember}), else none, and then the
 * database shows nothing. The few operations that must cross clinics (a sign-in by e-mail, a token's look-up, the
 * first-run setup, sweeps over every clinic) run in {@link #installation}; only an allow-list of classes may call it
 * (ArchitectureTest). Work done for a known clinic without a signed-in person (a scheduled job, an audit row of a
 * sign-in) runs in {@link #clinic}.
 */
public final class TenantScope {

    private static final ThreadLocal<@Nullable TenantContext> EXPLICIT = new ThreadLocal<>();

    /** For tests only (TenantScopeDefault): whether threads without a scope see every clinic, signed in or not. */
    private static volatile boolean installationByDefault;

    /** For tests only: when set, the one thread that {@link #installationByDefault} applies to. */
    private static volatile @Nullable Thread onlyOnThread;

    private TenantScope() {}

    /** Runs {@code work} seeing every clinic's rows. */
    public static <T> T installation(Supplier<T> work) {
        return within(TenantContext.INSTALLATION, work);
    }

    /** Runs {@code work} seeing every clinic's rows. */
    public static void installation(Runnable work) {
        within(TenantContext.INSTALLATION, asSupplier(work));
    }

    /** Runs {@code work} seeing the rows of one clinic only, whoever is signed in. */
    public static <T> T clinic(long clinicId, Supplier<T> work) {
        return within(TenantContext.clinic(clinicId), work);
    }

    /** Runs {@code work} seeing the rows of one clinic only, whoever is signed in. */
    public static void clinic(long clinicId, Runnable work) {
        within(TenantContext.clinic(clinicId), asSupplier(work));
    }

    /** The context of the current thread's next statement. */
    static TenantContext current() {
        TenantContext explicit = EXPLICIT.get();
        if (explicit != null) {
            return explicit;
        }
        if (installationByDefault && (onlyOnThread == null || onlyOnThread == Thread.currentThread())) {
            return TenantContext.INSTALLATION;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof ClinicMember member) {
            return TenantContext.clinic(member.clinicId());
        }
        if (authentication != null && authentication.getPrincipal() instanceof ClinicMember member) {
            return TenantContext.clinic(member.clinicId());
        }
        return TenantContext.NONE;
    }

    /**
     * Tests only (TenantScopeDefault): every thread without a scope sees every clinic, whoever is signed in, or only
     * {@code onlyOnThread} (the test's own, while a running server's threads stay as in production); off when
     * {@code on} is false.
     */
    static void installationByDefault(boolean on, @Nullable Thread onlyOn) {
        onlyOnThread = onlyOn;
        installationByDefault = on;
    }

    private static <T> T within(TenantContext context, Supplier<T> work) {
        TenantContext outer = EXPLICIT.get();
        EXPLICIT.set(context);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                EXPLICIT.remove();
            } else {
                EXPLICIT.set(outer);
            }
        }
    }

    private static Supplier<Boolean> asSupplier(Runnable work) {
        return () -> {
            work.run();
            return Boolean.TRUE;
        };
    }
}
