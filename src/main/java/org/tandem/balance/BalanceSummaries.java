package org.tandem.balance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.balance.AlertRepository.Acknowledged;
import org.tandem.balance.AlertRepository.CoupleFacts;
import org.tandem.balance.AlertRepository.CoupleRef;
import org.tandem.balance.AlertRepository.PartnerSummary;
import org.tandem.clinic.ClinicTime;
import org.tandem.database.OnceAcrossInstances;
import org.tandem.database.TenantScope;
import org.tandem.sessions.SessionMarked;
import org.tandem.sessions.SessionMoved;
import org.tandem.sessions.SessionScheduled;

/**
 * Computes a couple's alerts from its facts (the one place that gathers {@link AlertFacts}) and keeps the
 * caseload's {@code balance_summary} row in step: in the transaction of a submitted check-in, a scheduled or marked
 * session or an acknowledgement, in the background after changed clinic settings ({@link BalanceRecomputes},
 * docs/decisions/037-background-work.md), and by a sweep at startup and every {@code tandem.balance.sweep-cron} for
 * the alerts that time alone brings (docs/decisions/012-alert-summary.md), on one instance of several.
 * Not public: only {@link AlertService} and the events reach it.
 */
@Service
@EnableScheduling
@Transactional
class BalanceSummaries {

    private static final Logger log = LoggerFactory.getLogger(BalanceSummaries.class);
    private static final ZoneOffset EARLIEST = ZoneOffset.ofHours(-12);
    private static final ZoneOffset LATEST = ZoneOffset.ofHours(14);

    private final CheckInRepository checkIns;
    private final AlertRepository alerts;
    private final ClinicTime time;
    private final ApplicationEventPublisher events;
    private final OnceAcrossInstances once;
    private final ClinicFiguresCache figures;

    BalanceSummaries(CheckInRepository checkIns, AlertRepository alerts, ClinicTime time,
            ApplicationEventPublisher events, OnceAcrossInstances once, ClinicFiguresCache figures) {
        this.checkIns = checkIns;
        this.alerts = alerts;
        this.time = time;
        this.events = events;
        this.once = once;
        this.figures = figures;
    }

    /** The clinic's figures that every couple's alerts depend on, read once per clinic. */
    record ClinicFigures(BalanceSettings settings, Reliability reliability) {}

    /** A couple's alerts, each with whether it was acknowledged, and its balance figures. */
    record Computed(List<CoupleAlert> alerts, CoupleBalance balance, List<AlertRepository.PartnerRow> partners) {

        int unacknowledged() {
            return (int) alerts.stream().filter(alert -> !alert.acknowledged()).count();
        }
    }

    /** The clinic's figures, kept between reads until they change ({@link ClinicFiguresCache}). */
    ClinicFigures clinic(long clinicId) {
        return figures.get(clinicId, id -> {
            CheckInRepository.ClinicBaselines clinic = checkIns.clinicBaselines(id);
            return new ClinicFigures(clinic.settings(), clinic.reliability());
        });
    }

    /** Three statements: the couple's check-in history, its other facts, and (unless given) the clinic's figures. */
    Computed compute(long clinicId, long coupleId, ClinicFigures clinic, Instant now) {
        return compute(clinicId, coupleId, clinic, now, checkIns.history(clinicId, coupleId));
    }

    /** As {@link #compute(long, long, ClinicFigures, Instant)} from the couple's history already read: one statement. */
    Computed compute(long clinicId, long coupleId, ClinicFigures clinic, Instant now, List<ScoredCheckIn> history) {
        CoupleFacts facts = alerts.facts(clinicId, coupleId, now, time.dateOf(clinicId, now));
        CoupleBalance balance = BalanceService.balance(coupleId, clinic.settings(), clinic.reliability(), history);
        List<Alert> raised = Alerts.of(alertFacts(facts, history, balance, time.zone(clinicId)), clinic.settings(),
                clinic.reliability(), now);
        Set<Acknowledged> acknowledged = new HashSet<>(facts.acknowledged());
        List<CoupleAlert> result = raised.stream()
                .map(alert -> CoupleAlert.of(alert, acknowledged.contains(
                        new Acknowledged(alert.kind(), alert.partnerId(), alert.subjectId()))))
                .toList();
        return new Computed(result, balance, facts.partners());
    }

    private static AlertFacts alertFacts(CoupleFacts facts, List<ScoredCheckIn> history, CoupleBalance balance,
            ZoneId zone) {
        List<AlertFacts.PartnerHistory> partners = new ArrayList<>();
        for (AlertRepository.PartnerRow partner : facts.partners()) {
            List<CheckInScores> scores = history.stream()
                    .filter(checkIn -> checkIn.partnerId() == partner.partnerId())
                    .map(checkIn -> new CheckInScores(checkIn.checkInId(), checkIn.scores()))
                    .toList();
            partners.add(new AlertFacts.PartnerHistory(partner.partnerId(), partner.name(), scores));
        }
        Map<Instant, Long> sessionIds = new HashMap<>();
        facts.sessions().forEach(session -> sessionIds.put(session.startsAt(), session.sessionId()));
        List<AlertFacts.SessionDivergence> divergences = balance.sessions().stream()
                .flatMap(session -> Optional.ofNullable(sessionIds.get(session.sessionStartsAt()))
                        .map(sessionId -> new AlertFacts.SessionDivergence(sessionId,
                                LocalDate.ofInstant(session.sessionStartsAt(), zone), session.divergence()))
                        .stream())
                .toList();
        return new AlertFacts(partners, divergences, facts.upcoming(), facts.overdue());
    }

    /** Recomputes the couple's summary row. */
    public void refresh(long clinicId, long coupleId) {
        refresh(clinicId, coupleId, clinic(clinicId), time.now());
    }

    void refresh(long clinicId, long coupleId, ClinicFigures clinic, Instant now) {
        save(clinicId, coupleId, compute(clinicId, coupleId, clinic, now), now);
    }

    void save(long clinicId, long coupleId, Computed computed, Instant now) {
        PartnerSummary one = PartnerSummary.NONE;
        PartnerSummary two = PartnerSummary.NONE;
        for (CoupleBalance.PartnerBalance partner : computed.balance().partners()) {
            PartnerSummary summary = summary(partner);
            if (partner.partnerPosition() == 1) {
                one = summary;
            } else {
                two = summary;
            }
        }
        alerts.saveSummary(clinicId, coupleId, one, two, computed.unacknowledged(), now);
        List<AlertsRaised.Raised> standing = computed.alerts().stream().filter(alert -> !alert.acknowledged())
                .map(alert -> new AlertsRaised.Raised(alert.kind(), alert.partnerId(), alert.subjectId())).toList();
        if (!standing.isEmpty()) {
            events.publishEvent(new AlertsRaised(clinicId, coupleId, standing));
        }
    }

    /**
     * The latest zone and the trend since baseline: down when either subscale reliably decreased, up when either
     * reliably increased and neither decreased, flat otherwise.
     */
    static PartnerSummary summary(CoupleBalance.PartnerBalance partner) {
        Change change = partner.change();
        if (partner.latest() == null || change == null) {
            return PartnerSummary.NONE;
        }
        boolean worse = false;
        boolean better = false;
        for (Subscale subscale : Subscale.values()) {
            @Nullable BigDecimal delta = change.change(subscale);
            if (change.reliable(subscale) && delta != null) {
                worse |= delta.signum() < 0;
                better |= delta.signum() > 0;
            }
        }
        return new PartnerSummary(partner.latest().zone(), worse ? Trend.DOWN : better ? Trend.UP : Trend.FLAT);
    }

    /** Every couple of the clinic, the clinic's figures read once. */
    public void refreshClinic(long clinicId) {
        refresh(clinicId, alerts.couples(clinicId));
    }

    /** These couples of the clinic (a batch of a recompute job), the clinic's figures read once. */
    void refresh(long clinicId, List<Long> coupleIds) {
        ClinicFigures clinic = clinic(clinicId);
        Instant now = time.now();
        for (long coupleId : coupleIds) {
            refresh(clinicId, coupleId, clinic, now);
        }
    }

    // ---- what changes a summary ----

    @EventListener
    public void on(CheckInSubmitted submitted) {
        List<ScoredCheckIn> history = checkIns.history(submitted.clinicId(), submitted.coupleId());
        if (mayBeBaseline(history, submitted.checkInId())) {
            figures.forget(submitted.clinicId());
        }
        Instant now = time.now();
        save(submitted.clinicId(), submitted.coupleId(), compute(submitted.clinicId(), submitted.coupleId(),
                clinic(submitted.clinicId()), now, history), now);
    }

    /**
     * Whether the check-in may be its partner's baseline, and so change the clinic's figures: unless the partner has
     * an earlier complete check-in of the current instrument (that one is the baseline, whatever this one is).
     */
    static boolean mayBeBaseline(List<ScoredCheckIn> history, long checkInId) {
        ScoredCheckIn submitted = history.stream().filter(checkIn -> checkIn.checkInId() == checkInId).findFirst()
                .orElse(null);
        if (submitted == null) {
            return true;
        }
        for (ScoredCheckIn earlier : history) {
            if (earlier == submitted) {
                return true;
            }
            if (earlier.partnerId() == submitted.partnerId()
                    && earlier.instrumentVersion() == BalanceScoring.INSTRUMENT_VERSION
                    && earlier.scores().scored()) {
                return false;
            }
        }
        return true;
    }

    @EventListener
    public void on(BalanceSettingsChanged changed) {
        figures.forget(changed.clinicId());
    }

    @EventListener
    public void on(SessionScheduled scheduled) {
        refresh(scheduled.clinicId(), scheduled.coupleId());
    }

    @EventListener
    public void on(SessionMoved moved) {
        refresh(moved.clinicId(), moved.coupleId());
    }

    @EventListener
    public void on(BalanceDataWritten written) {
        figures.forget(written.clinicId());
        refreshClinic(written.clinicId());
    }

    @EventListener
    public void on(SessionMarked marked) {
        refresh(marked.clinicId(), marked.coupleId());
    }

    /**
     * After the demo clinic (an application runner) has loaded: every couple of every clinic, on one of the instances
     * that start together ({@link OnceAcrossInstances}).
     */
    @EventListener(ApplicationReadyEvent.class)
    public void sweepAll() {
        if (once.onSchedule("balance-sweep-all", this::refreshEveryClinic)) {
            log.info("Balance summaries refreshed for every couple");
        }
    }

    private void refreshEveryClinic() {
        // At start, with no one signed in: the list of clinics across them, then each clinic in its own (decision 029).
        for (long clinicId : TenantScope.installation(alerts::clinics)) {
            TenantScope.clinic(clinicId, () -> refreshClinic(clinicId));
        }
    }

    /**
     * The scheduled firing of {@link #sweepTimeSensitive}, on one instance only: the couples refreshed, or empty when
     * another instance sweeps (or just swept).
     */
    @Scheduled(cron = "${tandem.balance.sweep-cron:0 */10 * * * *}")
    public Optional<Integer> sweepTimeSensitiveOnce() {
        return once.onSchedule("balance-sweep", this::sweepTimeSensitive);
    }

    /**
     * The alerts that time alone raises or ends: a check-in window that opened, a session begun, a due date passed.
     * Each clinic's couples are judged by the date in that clinic's zone ({@link #compute}); the candidates are the
     * due dates around "today" anywhere on Earth (UTC−12 to UTC+14).
     */
    public int sweepTimeSensitive() {
        Instant now = time.now();
        Map<Long, ClinicFigures> clinics = new HashMap<>();
        // A job with no one signed in: the candidates across clinics, then each in its own clinic (decision 029).
        List<CoupleRef> couples = TenantScope.installation(() -> alerts.timeSensitive(now,
                LocalDate.ofInstant(now, EARLIEST), LocalDate.ofInstant(now, LATEST)));
        for (CoupleRef couple : couples) {
            TenantScope.clinic(couple.clinicId(), () -> refresh(couple.clinicId(), couple.coupleId(),
                    clinics.computeIfAbsent(couple.clinicId(), this::clinic), now));
        }
        return couples.size();
    }
}
