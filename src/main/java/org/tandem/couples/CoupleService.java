package org.tandem.couples;

import jakarta.validation.Valid;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.tandem.accounts.AuditAction;
import org.tandem.accounts.AuditEvent;
import org.tandem.accounts.AuditEvent.Subject;
import org.tandem.accounts.CurrentUser;
import org.tandem.accounts.StaleVersionException;
import org.tandem.accounts.TandemUser;
import org.tandem.clinic.ClinicTime;

/**
 * One couple's record. Every method about an existing couple first checks that the signed-in therapist
 * works with it ({@link CoupleAccess}). Reads of clinical data write their audit row in the same
 * transaction, so they are not read-only. Writes happen in one transaction: nothing is half-written.
 */
@Service
@Validated
@Transactional
public class CoupleService {

    private final CoupleRepository couples;
    private final CoupleAccess access;
    private final ApplicationEventPublisher events;
    private final ClinicTime time;

    /** How long the same couple sent again counts as the first submit repeated rather than a new couple. */
    static final Duration RESUBMIT_WINDOW = Duration.ofMinutes(2);

    CoupleService(CoupleRepository couples, CoupleAccess access, ApplicationEventPublisher events, ClinicTime time) {
        this.couples = couples;
        this.access = access;
        this.events = events;
        this.time = time;
    }

    /**
     * The heading of a couple's page: only for the couple's own therapists. Not audited: it frames every tab of
     * the couple, and each tab records its own read.
     */
    @PreAuthorize("hasRole('THERAPIST')")
    @Transactional(readOnly = true)
    public CoupleHeading heading(long coupleId) {
        TandemUser therapist = access.requireTherapist(coupleId);
        return couples.heading(therapist.clinicId(), coupleId, therapist.accountId())
                .orElseThrow(() -> access.refused(therapist, coupleId));
    }

    /** The signed-in partner's own couple, if their account is linked to one. */
    @PreAuthorize("hasRole('CLIENT')")
    public Optional<MyCouple> myCouple() {
        TandemUser partner = CurrentUser.require();
        Optional<MyCouple> couple = couples.coupleOfPartner(partner.clinicId(), partner.accountId());
        couple.ifPresent(found -> events.publishEvent(
                AuditEvent.of(partner, AuditAction.MY_COUPLE_READ, Subject.couple(found.coupleId()))));
        return couple;
    }

    /**
     * Creates a couple with its two partners, the signed-in therapist as primary therapist and the first
     * line of its status history.
     *
     * <p>The same two partners sent again by the same therapist within {@link #RESUBMIT_WINDOW} (a double click, a
     * re-sent form) create nothing: the answer is the couple the first submit created.
     *
     * @return the new couple's id
     * @throws PartnerEmailTakenException when a partner's e-mail is already used on the therapist's caseload, or by
     *     both partners
     */
    @PreAuthorize("hasRole('THERAPIST')")
    public long create(@Valid CoupleData data) {
        TandemUser therapist = CurrentUser.require();
        long clinicId = therapist.clinicId();
        Optional<Long> resent = couples.createdSince(clinicId, therapist.accountId(),
                time.now().minus(RESUBMIT_WINDOW), data.partnerOne(), data.partnerTwo());
        if (resent.isPresent()) {
            return resent.get(); // the same form sent twice (a double click, a reload): created once
        }
        refuseTakenEmails(therapist, data, null);
        long coupleId = couples.insertCouple(clinicId, data, therapist.accountId());
        insertPartner(clinicId, coupleId, 1, data.partnerOne());
        insertPartner(clinicId, coupleId, 2, data.partnerTwo());
        couples.assignPrimaryTherapist(clinicId, coupleId, therapist.accountId());
        couples.recordStatusChange(clinicId, coupleId, null, data.status(), therapist.accountId());
        events.publishEvent(AuditEvent.of(therapist, AuditAction.COUPLE_CREATED, Subject.couple(coupleId),
                "status " + data.status()));
        return coupleId;
    }

    /** What the Overview tab shows, with the version to pass back to {@link #update}. */
    @PreAuthorize("hasRole('THERAPIST')")
    public CoupleOverview overview(long coupleId) {
        TandemUser therapist = access.requireTherapist(coupleId);
        CoupleOverview overview = couples.overview(therapist.clinicId(), coupleId, therapist.accountId(),
                time.nowAtClinic()).orElseThrow(() -> access.refused(therapist, coupleId));
        events.publishEvent(AuditEvent.of(therapist, AuditAction.COUPLE_READ, Subject.couple(coupleId), "overview"));
        return overview;
    }

    /** Both partners, in position order. */
    @PreAuthorize("hasRole('THERAPIST')")
    public List<PartnerDetails> partners(long coupleId) {
        TandemUser therapist = access.requireTherapistOf(coupleId);
        List<PartnerDetails> partners = couples.partners(therapist.clinicId(), coupleId);
        events.publishEvent(AuditEvent.of(therapist, AuditAction.COUPLE_READ, Subject.couple(coupleId), "partners"));
        return partners;
    }

    /**
     * Changes a couple's facts, partners and status, if nobody changed the couple since {@code version} was
     * read. A new status is added to the status history with who and when.
     *
     * @return the couple's new version
     * @throws StaleVersionException when the couple no longer has {@code version}; nothing is written
     * @throws PartnerEmailTakenException when a partner's e-mail is already used on the therapist's caseload, or by
     *     both partners
     */
    @PreAuthorize("hasRole('THERAPIST')")
    public int update(long coupleId, int version, @Valid CoupleData data) {
        TandemUser therapist = access.requireTherapistOf(coupleId);
        long clinicId = therapist.clinicId();
        CoupleStatus before = couples.statusAtVersion(clinicId, coupleId, version)
                .orElseThrow(() -> new StaleVersionException("Couple " + coupleId));
        refuseTakenEmails(therapist, data, coupleId);
        // The version check is repeated by the update itself, which waits for and then sees a concurrent commit.
        if (!couples.updateCouple(clinicId, coupleId, version, data, therapist.accountId())) {
            throw new StaleVersionException("Couple " + coupleId);
        }
        updatePartner(clinicId, coupleId, 1, data.partnerOne());
        updatePartner(clinicId, coupleId, 2, data.partnerTwo());
        if (before != data.status()) {
            couples.recordStatusChange(clinicId, coupleId, before, data.status(), therapist.accountId());
        }
        events.publishEvent(AuditEvent.of(therapist, AuditAction.COUPLE_UPDATED, Subject.couple(coupleId),
                before == data.status() ? null : "status " + before + " -> " + data.status()));
        return version + 1;
    }

    /**
     * Refuses an address that another partner on the therapist's own caseload uses. A partner of another therapist's
     * couple may share it, and the therapist is not told (docs/decisions/028-no-e-mail-oracle.md).
     */
    private void refuseTakenEmails(TandemUser therapist, CoupleData data, @Nullable Long coupleId) {
        PartnerData[] partners = {data.partnerOne(), data.partnerTwo()};
        for (int position = 1; position <= 2; position++) {
            String email = partners[position - 1].email();
            if (email != null && couples.emailOnCaseload(therapist.clinicId(), therapist.accountId(), email, coupleId,
                    position)) {
                throw new PartnerEmailTakenException(position);
            }
        }
    }

    // The unique index (clinic, couple, e-mail) decides in the end: two partners of one form with the same address.
    private void insertPartner(long clinicId, long coupleId, int position, PartnerData partner) {
        try {
            couples.insertPartner(clinicId, coupleId, position, partner);
        } catch (DuplicateKeyException taken) {
            throw new PartnerEmailTakenException(position, taken);
        }
    }

    private void updatePartner(long clinicId, long coupleId, int position, PartnerData partner) {
        try {
            couples.updatePartner(clinicId, coupleId, position, partner);
        } catch (DuplicateKeyException taken) {
            throw new PartnerEmailTakenException(position, taken);
        }
    }
}
