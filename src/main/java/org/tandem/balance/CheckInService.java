package org.tandem.balance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.accounts.AuditAction;
import org.tandem.accounts.AuditEvent;
import org.tandem.accounts.AuditEvent.Subject;
import org.tandem.accounts.CurrentUser;
import org.tandem.accounts.RefusedException;
import org.tandem.accounts.StaleVersionException;
import org.tandem.accounts.TandemUser;
import org.tandem.balance.CheckInRepository.Row;
import org.tandem.clinic.ClinicTime;
import org.tandem.couples.CoupleAccess;
import org.tandem.couples.SignedInPartner;

/**
 * The balance check-in: a partner answers their own check-ins (one before each scheduled session, open from 48
 * hours before it until it starts, and any the therapist requests), the therapist requests check-ins and reads the
 * couple's scored history, and the clinic's admin sets the thresholds. Every figure comes from
 * {@link BalanceScoring}.
 *
 * <p>Answers are saved one by one as the partner gives them. A check-in may be submitted with statements left
 * unanswered: balance.md prorates one missing statement per subscale and leaves a subscale with two or more
 * missing unscored. The partner's screen asks for all ten before it offers to submit; the service does not
 * insist, so that a check-in is never lost for a skipped statement. Once submitted a check-in is final.
 */
@Service
@Transactional
public class CheckInService {

    private final CheckInRepository checkIns;
    private final CoupleAccess access;
    private final ApplicationEventPublisher events;
    private final ClinicTime time;
    private final BalanceRecomputeRepository recomputes;

    CheckInService(CheckInRepository checkIns, CoupleAccess access, ApplicationEventPublisher events,
            ClinicTime time, BalanceRecomputeRepository recomputes) {
        this.checkIns = checkIns;
        this.access = access;
        this.events = events;
        this.time = time;
        this.recomputes = recomputes;
    }

    /** The current instrument: its ten statements in the order shown, and the closeness picture's prompt. */
    @PreAuthorize("hasAnyRole('THERAPIST', 'CLIENT')")
    @Transactional(readOnly = true)
    public Instrument instrument() {
        return checkIns.instrument(BalanceScoring.INSTRUMENT_VERSION);
    }

    // ---- partner ----

    /**
     * The signed-in partner's open check-ins, earliest first: one for each of the couple's scheduled sessions
     * that starts within 48 hours and has not started, unless already submitted, and each check-in the
     * therapist requested that is not yet submitted. A session's check-in is created here, when it first opens.
     */
    @PreAuthorize("hasRole('CLIENT')")
    public List<OpenCheckIn> myOpenCheckIns() {
        SignedInPartner me = access.requirePartner();
        Instant now = time.now();
        long clinicId = me.user().clinicId();
        checkIns.createSessionCheckIns(clinicId, me.coupleId(), me.partnerId(), now);
        return checkIns.openCheckIns(clinicId, me.partnerId(), now);
    }

    /** One of the signed-in partner's own check-ins with the answers saved so far (also once submitted). */
    @PreAuthorize("hasRole('CLIENT')")
    public CheckInDraft open(long checkInId) {
        SignedInPartner me = access.requirePartner();
        Row row = own(me, checkInId);
        events.publishEvent(AuditEvent.of(me.user(), AuditAction.CHECK_IN_OPENED, Subject.checkIn(checkInId)));
        return draft(row);
    }

    /**
     * Saves one answer (0–6; {@link IllegalArgumentException} otherwise), replacing an earlier one. Refused with
     * {@link RefusedException} once submitted or once its session started.
     */
    @PreAuthorize("hasRole('CLIENT')")
    public CheckInDraft answer(long checkInId, Item item, int value) {
        if (value < Item.MIN_ANSWER || value > Item.MAX_ANSWER) {
            throw new IllegalArgumentException("An answer is between 0 and 6, was " + value);
        }
        SignedInPartner me = writable(checkInId);
        checkIns.saveAnswer(me.user().clinicId(), checkInId, item, value);
        events.publishEvent(AuditEvent.of(me.user(), AuditAction.CHECK_IN_ANSWERED, Subject.checkIn(checkInId),
                "item " + item));
        return reread(me, checkInId);
    }

    /** Saves the closeness picture (1–7), like {@link #answer}. */
    @PreAuthorize("hasRole('CLIENT')")
    public CheckInDraft closeness(long checkInId, int value) {
        if (value < CheckInAnswers.MIN_CLOSENESS || value > CheckInAnswers.MAX_CLOSENESS) {
            throw new IllegalArgumentException("Closeness is between 1 and 7, was " + value);
        }
        SignedInPartner me = writable(checkInId);
        checkIns.saveCloseness(me.user().clinicId(), checkInId, value);
        events.publishEvent(AuditEvent.of(me.user(), AuditAction.CHECK_IN_ANSWERED, Subject.checkIn(checkInId),
                "closeness"));
        return reread(me, checkInId);
    }

    /** Submits the check-in: final from now on. A second submit throws {@link RefusedException}. */
    @PreAuthorize("hasRole('CLIENT')")
    public CheckInDraft submit(long checkInId) {
        SignedInPartner me = writable(checkInId);
        if (!checkIns.submit(me.user().clinicId(), checkInId, time.now())) {
            throw new RefusedException("balance.check-in.submitted-elsewhere");
        }
        events.publishEvent(AuditEvent.of(me.user(), AuditAction.CHECK_IN_SUBMITTED, Subject.checkIn(checkInId)));
        events.publishEvent(new CheckInSubmitted(me.user().clinicId(), me.coupleId(), checkInId));
        return reread(me, checkInId);
    }

    // ---- therapist ----

    /**
     * Opens a check-in now for each partner of one of the therapist's couples, except a partner who already has a
     * requested check-in not yet submitted. Returns how many were opened.
     */
    @PreAuthorize("hasRole('THERAPIST')")
    public int request(long coupleId) {
        TandemUser therapist = access.requireTherapistOf(coupleId);
        Instant now = time.now();
        List<Long> partners = checkIns.partnersWithoutOpenRequest(therapist.clinicId(), coupleId);
        for (long partnerId : partners) {
            checkIns.insertRequested(therapist.clinicId(), coupleId, partnerId, therapist.accountId(), now);
        }
        events.publishEvent(AuditEvent.of(therapist, AuditAction.CHECK_INS_REQUESTED, Subject.couple(coupleId),
                partners.size() + " check-in(s) opened"));
        if (!partners.isEmpty()) {
            events.publishEvent(new CheckInsRequested(therapist.clinicId(), coupleId, therapist.accountId()));
        }
        return partners.size();
    }

    /** Every submitted check-in of one of the therapist's couples, oldest first, with its scores. Audited. */
    @PreAuthorize("hasRole('THERAPIST')")
    // Not read-only: the read of clinical data writes its audit row in the same transaction.
    public List<ScoredCheckIn> history(long coupleId) {
        TandemUser therapist = access.requireTherapistOf(coupleId);
        List<ScoredCheckIn> history = checkIns.history(therapist.clinicId(), coupleId);
        events.publishEvent(AuditEvent.of(therapist, AuditAction.CHECK_IN_HISTORY_READ, Subject.couple(coupleId),
                history.size() + " check-in(s)"));
        return history;
    }

    // ---- clinic settings ----

    /** The signed-in user's clinic's threshold T and divergence D. */
    @PreAuthorize("hasAnyRole('THERAPIST', 'ADMIN')")
    @Transactional(readOnly = true)
    public BalanceSettings settings() {
        return checkIns.settings(CurrentUser.require().clinicId()).settings();
    }

    /** The settings with the clinic's version, for the admin's form. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public ClinicBalanceSettings editableSettings() {
        return checkIns.settings(CurrentUser.require().clinicId());
    }

    /**
     * Changes the clinic's settings if the clinic is still at {@code expectedClinicVersion}; else
     * {@link StaleVersionException} carrying what is stored now, and nothing changes. Every couple's balance summary
     * is recomputed in the background once this commits ({@link #recomputeProgress()}); a recompute still under way
     * from an earlier save is superseded (docs/decisions/037-background-work.md).
     */
    @PreAuthorize("hasRole('ADMIN')")
    public ClinicBalanceSettings updateSettings(int expectedClinicVersion, BalanceSettings settings) {
        TandemUser admin = CurrentUser.require();
        ClinicBalanceSettings before = checkIns.settings(admin.clinicId());
        if (!checkIns.updateSettings(admin.clinicId(), expectedClinicVersion, settings)) {
            throw new StaleVersionException("The balance settings of clinic " + admin.clinicId(), before);
        }
        ClinicBalanceSettings after = checkIns.settings(admin.clinicId());
        events.publishEvent(AuditEvent.of(admin, AuditAction.BALANCE_SETTINGS_CHANGED, Subject.clinic(admin.clinicId()),
                "threshold " + before.settings().threshold() + " → " + after.settings().threshold()
                        + ", divergence " + before.settings().divergence() + " → " + after.settings().divergence()));
        recomputes.request(admin.clinicId(), time.now());
        events.publishEvent(new BalanceSettingsChanged(admin.clinicId()));
        return after;
    }

    /** The clinic's latest recompute of every couple's balance summary (after a settings change), if any. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Optional<BalanceRecompute> recomputeProgress() {
        return recomputes.latest(CurrentUser.require().clinicId());
    }

    // ---- rules ----

    /** The partner's own check-in; another partner's, couple's or clinic's is refused alike (audited). */
    private Row own(SignedInPartner me, long checkInId) {
        return checkIns.checkIn(me.user().clinicId(), checkInId, time.now())
                .filter(row -> row.partnerId() == me.partnerId() && row.coupleId() == me.coupleId())
                .orElseThrow(() -> refuse(me.user(), "check-in " + checkInId, "not their own check-in"));
    }

    /** The partner's own check-in, locked against a concurrent submit, once it is certain it may still change. */
    private SignedInPartner writable(long checkInId) {
        SignedInPartner me = access.requirePartner();
        Row row = own(me, checkInId);
        if (row.submittedAt() != null || !checkIns.touchUnsubmitted(me.user().clinicId(), checkInId)) {
            throw new RefusedException("balance.check-in.submitted-elsewhere");
        }
        if (row.closed()) {
            throw new RefusedException("balance.check-in.closed");
        }
        return me;
    }

    private CheckInDraft reread(SignedInPartner me, long checkInId) {
        return draft(checkIns.checkIn(me.user().clinicId(), checkInId, time.now()).orElseThrow());
    }

    private static CheckInDraft draft(Row row) {
        return new CheckInDraft(row.checkInId(), row.instrumentVersion(), row.sessionStartsAt(), row.requested(),
                row.answers(), row.submittedAt());
    }

    private AccessDeniedException refuse(TandemUser user, String what, String reason) {
        events.publishEvent(AuditEvent.denied(user, what, reason));
        return new AccessDeniedException(what + ": " + reason);
    }
}
