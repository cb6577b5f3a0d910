package org.tandem.balance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.accounts.TandemUser;
import org.tandem.balance.CoupleBalance.CheckInLine;
import org.tandem.balance.CoupleBalance.PartnerBalance;
import org.tandem.balance.CoupleBalance.Point;
import org.tandem.balance.CoupleBalance.SessionDivergence;
import org.tandem.clinic.ClinicTime;
import org.tandem.couples.CoupleAccess;

/**
 * A couple's balance figures for the therapist: two statements per call (the clinic's settings with its baselines,
 * and the couple's history), every figure from {@link BalanceScoring}; and the Overview's snapshot, which gives
 * the figures, alerts and suggestions from one reading of both (docs/decisions/036-statements-per-screen.md).
 */
@Service
@Transactional(readOnly = true)
public class BalanceService {

    private final CheckInRepository checkIns;
    private final CoupleAccess access;
    private final BalanceSummaries summaries;
    private final SuggestionService suggestions;
    private final ClinicTime time;

    BalanceService(CheckInRepository checkIns, CoupleAccess access, BalanceSummaries summaries,
            SuggestionService suggestions, ClinicTime time) {
        this.checkIns = checkIns;
        this.access = access;
        this.summaries = summaries;
        this.suggestions = suggestions;
        this.time = time;
    }

    /**
     * The balance figures of one of the therapist's couples. Not audited: a section of the couple's Overview, whose
     * one read row {@code CoupleService.overview} writes, or part of an export, which records itself.
     */
    @PreAuthorize("hasRole('THERAPIST')")
    public CoupleBalance overview(long coupleId) {
        TandemUser therapist = access.requireTherapistOf(coupleId);
        BalanceSummaries.ClinicFigures clinic = summaries.clinic(therapist.clinicId());
        List<ScoredCheckIn> history = checkIns.history(therapist.clinicId(), coupleId);
        CoupleBalance balance = balance(coupleId, clinic.settings(), clinic.reliability(), history);
        return balance;
    }

    /**
     * What the couple's Overview shows of its balance, as {@link #overview}, {@link AlertService#alerts} and
     * {@link SuggestionService#suggestions} give it, with the couple's history and the clinic's baselines read once:
     * five statements at most (the ownership check, the clinic's figures, the history, the couple's other facts,
     * the clinic's modules when there is something to suggest). Not audited, like those: a part of the Overview,
     * whose one read row {@code CoupleService.overview} writes.
     */
    @PreAuthorize("hasRole('THERAPIST')")
    public CoupleBalanceOverview overviewSnapshot(long coupleId) {
        TandemUser therapist = access.requireTherapistOf(coupleId);
        long clinicId = therapist.clinicId();
        BalanceSummaries.ClinicFigures clinic = summaries.clinic(clinicId);
        List<ScoredCheckIn> history = checkIns.history(clinicId, coupleId);
        BalanceSummaries.Computed computed = summaries.compute(clinicId, coupleId, clinic, time.now(), history);
        return new CoupleBalanceOverview(computed.balance(), computed.alerts(),
                suggestions.suggestions(clinicId, computed.balance()));
    }

    static CoupleBalance balance(long coupleId, BalanceSettings settings, Reliability reliability,
            List<ScoredCheckIn> history) {
        Map<Long, List<ScoredCheckIn>> byPartner = new LinkedHashMap<>();
        Map<Instant, List<ScoredCheckIn>> bySession = new LinkedHashMap<>();
        for (ScoredCheckIn checkIn : history) {
            byPartner.computeIfAbsent(checkIn.partnerId(), id -> new ArrayList<>()).add(checkIn);
            if (checkIn.sessionStartsAt() != null) {
                bySession.computeIfAbsent(checkIn.sessionStartsAt(), at -> new ArrayList<>()).add(checkIn);
            }
        }
        List<PartnerBalance> partners = byPartner.values().stream()
                .map(checkIns -> partner(checkIns, settings, reliability)).toList();

        Map<Instant, SessionDivergence> sessions = new LinkedHashMap<>();
        bySession.forEach((startsAt, checkIns) -> {
            BigDecimal divergence = checkIns.size() == 2 && checkIns.get(0).partnerId() != checkIns.get(1).partnerId()
                    ? BalanceScoring.divergence(checkIns.get(0).scores(), checkIns.get(1).scores())
                    : null;
            if (divergence != null) {
                sessions.put(startsAt, new SessionDivergence(startsAt, divergence,
                        BalanceScoring.diverged(divergence, settings.divergence())));
            }
        });

        Map<Long, Scores> baselines = new LinkedHashMap<>();
        partners.forEach(partner -> {
            if (partner.baseline() != null) {
                baselines.put(partner.partnerId(), partner.baseline().scores());
            }
        });
        List<CheckInLine> lines = history.stream().map(checkIn -> {
            SessionDivergence session = checkIn.sessionStartsAt() == null ? null : sessions.get(checkIn.sessionStartsAt());
            Scores baseline = baselines.get(checkIn.partnerId());
            return new CheckInLine(checkIn.checkInId(), checkIn.partnerId(), checkIn.partnerName(),
                    checkIn.partnerPosition(),
                    checkIn.instrumentVersion(), checkIn.submittedAt(), checkIn.sessionStartsAt(), checkIn.answers(),
                    checkIn.scores(), checkIn.scores().zone(settings.threshold()),
                    session == null ? null : session.divergence(), session != null && session.flagged(),
                    baseline == null ? null : BalanceScoring.change(baseline, checkIn.scores(), reliability));
        }).toList();
        return new CoupleBalance(coupleId, settings, reliability, partners, lines, List.copyOf(sessions.values()));
    }

    private static PartnerBalance partner(List<ScoredCheckIn> checkIns, BalanceSettings settings,
            Reliability reliability) {
        List<ScoredCheckIn> scored = checkIns.stream().filter(checkIn -> checkIn.scores().scored()).toList();
        ScoredCheckIn first = checkIns.getFirst();
        if (scored.isEmpty()) {
            return new PartnerBalance(first.partnerId(), first.partnerName(), first.partnerPosition(), null, null, null);
        }
        Point baseline = point(scored.getFirst(), settings);
        Point latest = point(scored.getLast(), settings);
        return new PartnerBalance(first.partnerId(), first.partnerName(), first.partnerPosition(), baseline, latest,
                BalanceScoring.change(baseline.scores(), latest.scores(), reliability));
    }

    private static Point point(ScoredCheckIn checkIn, BalanceSettings settings) {
        Zone zone = checkIn.scores().zone(settings.threshold());
        return new Point(checkIn.checkInId(), checkIn.submittedAt(), checkIn.scores(), nonNull(zone));
    }

    private static Zone nonNull(@Nullable Zone zone) {
        if (zone == null) {
            throw new IllegalStateException("A scored check-in has a zone");
        }
        return zone;
    }
}
