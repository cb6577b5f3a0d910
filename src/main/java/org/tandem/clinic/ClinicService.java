package org.tandem.clinic;

import jakarta.validation.Valid;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.tandem.accounts.AccountService;
import org.tandem.accounts.AuditAction;
import org.tandem.accounts.AuditEvent;
import org.tandem.accounts.AuditEvent.Subject;
import org.tandem.accounts.CurrentUser;
import org.tandem.accounts.NewAccount;
import org.tandem.accounts.TandemUser;
import org.tandem.accounts.RefusedException;
import org.tandem.accounts.StaleVersionException;
import org.tandem.database.TenantScope;

@Service
@Validated
@Transactional(readOnly = true)
public class ClinicService {

    private final ClinicRepository clinics;
    private final AccountService accounts;
    private final ApplicationEventPublisher events;
    private final ClinicLimits limits;
    private final ClinicTime time;
    private final SetupCode setupCode;

    ClinicService(ClinicRepository clinics, AccountService accounts, ApplicationEventPublisher events,
            ClinicLimits limits, ClinicTime time, SetupCode setupCode) {
        this.setupCode = setupCode;
        this.clinics = clinics;
        this.accounts = accounts;
        this.events = events;
        this.limits = limits;
        this.time = time;
    }

    /** Whether the first-run setup has been done (or the demo clinic loaded). */
    @PreAuthorize("permitAll()")
    public boolean isSetUp() {
        return TenantScope.installation(clinics::anyClinicExists);
    }

    /**
     * First-run setup: creates the clinic and its first admin in one transaction. Open to anonymous
     * visitors who give the setup code from the log ({@link SetupCode}), but only while no clinic exists; afterwards
     * it always refuses.
     *
     * @throws RefusedException {@code setup.error.already-set-up}, {@code setup.error.code-wrong} or
     *     {@code setup.error.code-locked} (nothing is written)
     */
    @PreAuthorize("permitAll()")
    @Transactional
    public long setUp(String code, @Valid ClinicSetup setup, @Valid NewAccount admin) {
        // Nobody is signed in and no clinic exists yet: the installation's own act (decision 029).
        return TenantScope.installation(() -> firstClinic(code, setup, admin));
    }

    private long firstClinic(String code, ClinicSetup setup, NewAccount admin) {
        clinics.lockForSetup();
        if (clinics.anyClinicExists()) {
            throw new RefusedException("setup.error.already-set-up");
        }
        setupCode.require(code);
        long clinicId = clinics.insert(setup.clinicName(), setup.timeZone());
        long adminId = accounts.createFirstAdmin(clinicId, admin);
        events.publishEvent(AuditEvent.ofAccount(clinicId, adminId, admin.email(), AuditAction.CLINIC_CREATED,
                Subject.clinic(clinicId), "first-run setup, with the setup code"));
        setupCode.forget();
        return clinicId;
    }

    /** The setup page was opened while no clinic exists: the log says again where its code is. */
    @PreAuthorize("permitAll()")
    public void setupPageOpened() {
        if (!isSetUp()) {
            setupCode.remind();
        }
    }

    /** The signed-in admin's clinic policies. */
    @PreAuthorize("hasRole('ADMIN')")
    public ClinicPolicies policies() {
        return clinics.policies(CurrentUser.require().clinicId());
    }

    /**
     * Changes the clinic's policies if nobody saved them since {@code expectedVersion}; otherwise throws
     * {@link StaleVersionException} and changes nothing.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public ClinicPolicies updatePolicies(int expectedVersion, boolean noSecrets) {
        TandemUser admin = CurrentUser.require();
        ClinicPolicies before = clinics.policies(admin.clinicId());
        if (!clinics.updatePolicies(admin.clinicId(), expectedVersion, noSecrets)) {
            throw new StaleVersionException("The policies of clinic " + admin.clinicId(), before);
        }
        ClinicPolicies after = clinics.policies(admin.clinicId());
        events.publishEvent(AuditEvent.of(admin, AuditAction.CLINIC_POLICIES_CHANGED, Subject.clinic(admin.clinicId()),
                "no secrets: " + before.noSecrets() + " -> " + after.noSecrets()));
        return after;
    }

    /**
     * The signed-in admin's clinic's name, limits and time zone; the configured defaults where the clinic has set
     * none (no time zone: the installation's, {@link ClinicTime#installationZone()}).
     */
    @PreAuthorize("hasRole('ADMIN')")
    public VersionedProfile profile() {
        return profileOf(CurrentUser.require().clinicId());
    }

    /**
     * Saves the clinic's name, limits and time zone if nobody saved the clinic since {@code expectedVersion}; otherwise throws
     * {@link StaleVersionException} carrying the profile as it now stands, and changes nothing.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public VersionedProfile updateProfile(int expectedVersion, @Valid ClinicProfile profile) {
        TandemUser admin = CurrentUser.require();
        VersionedProfile before = profileOf(admin.clinicId());
        if (!clinics.updateProfile(admin.clinicId(), expectedVersion, profile)) {
            throw new StaleVersionException("The profile of clinic " + admin.clinicId(), before);
        }
        time.forget(admin.clinicId());
        events.publishEvent(AuditEvent.of(admin, AuditAction.CLINIC_POLICIES_CHANGED, Subject.clinic(admin.clinicId()),
                "profile: idle timeout " + before.profile().idleTimeoutMinutes() + " -> "
                        + profile.idleTimeoutMinutes() + " min, invitations valid "
                        + before.profile().invitationValidDays() + " -> " + profile.invitationValidDays() + " days"
                        + (before.profile().clinicName().equals(profile.clinicName()) ? "" : ", renamed")
                        + (Objects.equals(before.profile().timeZone(), profile.timeZone()) ? ""
                                : ", time zone " + zoneName(before.profile().timeZone()) + " -> "
                                        + zoneName(profile.timeZone()))));
        return profileOf(admin.clinicId());
    }

    private VersionedProfile profileOf(long clinicId) {
        return clinics.profile(clinicId, (name, idle, days, zone, version) ->
                new VersionedProfile(limits.withDefaults(name, idle, days, zone), version));
    }

    private static String zoneName(@Nullable String zone) {
        return zone == null ? "installation's" : zone;
    }

    /** The signed-in admin's clinic's "second factor required for staff". */
    @PreAuthorize("hasRole('ADMIN')")
    public SecondFactorPolicy secondFactorPolicy() {
        return clinics.secondFactorPolicy(CurrentUser.require().clinicId());
    }

    /**
     * Requires (or stops requiring) a second factor of the clinic's staff, if nobody saved the clinic's policies since
     * {@code expectedVersion}; otherwise throws {@link StaleVersionException} and changes nothing. Staff signed in
     * already are asked to enrol at their next sign-in.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public SecondFactorPolicy requireSecondFactor(int expectedVersion, boolean requiredForStaff) {
        TandemUser admin = CurrentUser.require();
        SecondFactorPolicy before = clinics.secondFactorPolicy(admin.clinicId());
        if (!clinics.updateSecondFactorPolicy(admin.clinicId(), expectedVersion, requiredForStaff)) {
            throw new StaleVersionException("The policies of clinic " + admin.clinicId(), before);
        }
        events.publishEvent(AuditEvent.of(admin, AuditAction.CLINIC_POLICIES_CHANGED, Subject.clinic(admin.clinicId()),
                "second factor required for staff: " + before.requiredForStaff() + " -> " + requiredForStaff));
        return clinics.secondFactorPolicy(admin.clinicId());
    }

    /** The signed-in admin's clinic's choice of names in its therapists' calendar files. */
    @PreAuthorize("hasRole('ADMIN')")
    public CalendarNamesSetting calendarNames() {
        return clinics.calendarNames(CurrentUser.require().clinicId());
    }

    /**
     * Sets what the clinic's calendar files call a couple, if nobody saved the clinic's policies since
     * {@code expectedVersion}; otherwise throws {@link StaleVersionException} and changes nothing. The next download
     * of every therapist's calendar file uses it.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public CalendarNamesSetting updateCalendarNames(int expectedVersion, CalendarNames names) {
        TandemUser admin = CurrentUser.require();
        CalendarNamesSetting before = clinics.calendarNames(admin.clinicId());
        if (!clinics.updateCalendarNames(admin.clinicId(), expectedVersion, Objects.requireNonNull(names))) {
            throw new StaleVersionException("The policies of clinic " + admin.clinicId(), before);
        }
        events.publishEvent(AuditEvent.of(admin, AuditAction.CLINIC_POLICIES_CHANGED, Subject.clinic(admin.clinicId()),
                "calendar names: " + before.names() + " -> " + names));
        return clinics.calendarNames(admin.clinicId());
    }
}
