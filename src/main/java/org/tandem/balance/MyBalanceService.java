package org.tandem.balance;

import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.accounts.AuditAction;
import org.tandem.accounts.AuditEvent;
import org.tandem.accounts.AuditEvent.Subject;
import org.tandem.balance.CoupleBalance.CheckInLine;
import org.tandem.balance.MyBalance.MyScore;
import org.tandem.balance.ScoreSharingRepository.Consent;
import org.tandem.couples.CoupleAccess;
import org.tandem.couples.SignedInPartner;

/**
 * A partner's own balance: their scores over time and, only while BOTH partners agree to share, their partner's.
 * Each partner turns their own sharing on or off at any time. Reads and changes are audited; a refused read of
 * the partner's scores is audited as a denial.
 */
@Service
// Not read-only: the read of clinical data writes its audit row in the same transaction.
@Transactional
public class MyBalanceService {

    private final CheckInRepository checkIns;
    private final ScoreSharingRepository sharing;
    private final CoupleAccess access;
    private final ApplicationEventPublisher events;
    private final BalanceSummaries summaries;

    MyBalanceService(CheckInRepository checkIns, ScoreSharingRepository sharing, CoupleAccess access,
            ApplicationEventPublisher events, BalanceSummaries summaries) {
        this.checkIns = checkIns;
        this.sharing = sharing;
        this.access = access;
        this.events = events;
        this.summaries = summaries;
    }

    /** The signed-in partner's own scores, and their partner's while both share. Audited. */
    @PreAuthorize("hasRole('CLIENT')")
    public MyBalance mine() {
        SignedInPartner me = access.requirePartner();
        long clinicId = me.user().clinicId();
        List<Consent> consents = sharing.consents(clinicId, me.coupleId());
        Consent mine = consents.stream().filter(c -> c.partnerId() == me.partnerId()).findFirst().orElseThrow();
        Optional<Consent> other = consents.stream().filter(c -> c.partnerId() != me.partnerId()).findFirst();
        boolean both = mine.shares() && other.map(Consent::shares).orElse(false);
        BalanceSummaries.ClinicFigures clinic = summaries.clinic(clinicId);
        int threshold = clinic.settings().threshold();
        List<CheckInLine> lines = lines(checkIns.history(clinicId, me.coupleId()), threshold,
                partnerId -> partnerId == me.partnerId() || both);
        MyBalance balance = new MyBalance(me.partnerId(), mine.name(), other.map(Consent::name).orElse(null),
                mine.shares(), other.map(Consent::shares).orElse(false), threshold,
                clinic.reliability(), lines);
        events.publishEvent(read(me, balance.myScores().size(), balance.partnerScores().size(), both));
        return balance;
    }

    /**
     * The other partner's scores, oldest first: only while both partners share; otherwise refused
     * ({@link AccessDeniedException}, audited).
     */
    @PreAuthorize("hasRole('CLIENT')")
    public List<MyScore> partnerScores() {
        SignedInPartner me = access.requirePartner();
        long clinicId = me.user().clinicId();
        List<Consent> consents = sharing.consents(clinicId, me.coupleId());
        Optional<Consent> other = consents.stream().filter(c -> c.partnerId() != me.partnerId()).findFirst();
        boolean both = other.isPresent() && consents.stream().allMatch(Consent::shares);
        if (!both) {
            events.publishEvent(AuditEvent.denied(me.user(), "partner's balance scores",
                    "not shared by both partners"));
            throw new AccessDeniedException("Your partner's scores are shown only when you both share them");
        }
        int threshold = checkIns.settings(clinicId).settings().threshold();
        long otherId = other.get().partnerId();
        List<MyScore> scores = lines(checkIns.history(clinicId, me.coupleId()), threshold, id -> id == otherId)
                .stream().map(MyScore::of).toList();
        events.publishEvent(read(me, 0, scores.size(), true));
        return scores;
    }

    /** Turns the signed-in partner's own sharing on or off (revocable at any time). Audited when it changes. */
    @PreAuthorize("hasRole('CLIENT')")
    public void share(boolean shares) {
        SignedInPartner me = access.requirePartner();
        if (sharing.share(me.user().clinicId(), me.partnerId(), shares)) {
            events.publishEvent(AuditEvent.of(me.user(), AuditAction.BALANCE_SHARING_CHANGED,
                    Subject.partner(me.partnerId()), shares ? "shares scores" : "stopped sharing scores"));
        }
    }

    private static AuditEvent read(SignedInPartner me, int own, int partners, boolean bothShare) {
        return AuditEvent.of(me.user(), AuditAction.MY_BALANCE_READ, Subject.couple(me.coupleId()),
                own + " own check-in(s), " + partners + " of the partner's" + (bothShare ? " (both share)" : ""));
    }

    /** The submitted check-ins of the partners {@code shown} accepts, oldest first, each with its zone. */
    private static List<CheckInLine> lines(List<ScoredCheckIn> history, int threshold, LongPredicate shown) {
        return history.stream().filter(checkIn -> shown.test(checkIn.partnerId()))
                .map(checkIn -> CheckInLine.unpaired(checkIn, threshold))
                .toList();
    }
}
