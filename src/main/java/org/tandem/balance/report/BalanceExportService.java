package org.tandem.balance.report;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.accounts.AuditAction;
import org.tandem.accounts.AuditEvent;
import org.tandem.accounts.AuditEvent.Subject;
import org.tandem.accounts.TandemUser;
import org.tandem.balance.BalanceService;
import org.tandem.balance.CoupleBalance;
import org.tandem.balance.report.ExportRepository.ExportHeading;
import org.tandem.clinic.ClinicTime;
import org.tandem.couples.CoupleAccess;

/**
 * A couple's balance as files for the therapist: the CSV of balance.md and the progress report PDF. The figures
 * are {@link BalanceService#overview}'s, so the files agree with the Overview to the decimal. Only the couple's
 * own therapists get them; every export and every refusal is audited.
 */
@Service
// Not read-only: the export of clinical data writes its audit row in the same transaction.
@Transactional
public class BalanceExportService {

    public static final String CSV = "text/csv";
    public static final String PDF = "application/pdf";

    private final BalanceService balance;
    private final CoupleAccess access;
    private final ExportRepository repository;
    private final ClinicTime time;
    private final ApplicationEventPublisher events;

    BalanceExportService(BalanceService balance, CoupleAccess access, ExportRepository repository, ClinicTime time,
            ApplicationEventPublisher events) {
        this.balance = balance;
        this.access = access;
        this.repository = repository;
        this.time = time;
        this.events = events;
    }

    /** The couple's check-ins as CSV (UTF-8), one row per partner per check-in. Audited. */
    @PreAuthorize("hasRole('THERAPIST')")
    public BalanceExport csv(long coupleId) {
        TandemUser therapist = access.requireTherapistOf(coupleId);
        ExportHeading heading = repository.heading(therapist.clinicId(), coupleId).orElseThrow();
        CoupleBalance figures = balance.overview(coupleId);
        // ISO-8601 throughout: the file is for machines, in no reader's language.
        byte[] csv = BalanceCsv.bytes(figures, time.format(Locale.ROOT));
        events.publishEvent(exported(therapist, coupleId, "csv", figures));
        return new BalanceExport(fileName(heading, time.today(), "csv"), CSV, csv);
    }

    /**
     * The progress report as PDF in the reader's language: charts, latest figures with change since baseline,
     * the given alert sentences (the caller's, already worded) and the note that the measure is Tandem's own.
     * Audited.
     */
    @PreAuthorize("hasRole('THERAPIST')")
    public BalanceExport report(long coupleId, Locale locale, List<String> alertSentences) {
        TandemUser therapist = access.requireTherapistOf(coupleId);
        ExportHeading heading = repository.heading(therapist.clinicId(), coupleId).orElseThrow();
        CoupleBalance figures = balance.overview(coupleId);
        LocalDate today = time.today();
        byte[] pdf = new ProgressReport(time.format(locale)).pdf(
                new ProgressReport.Heading(heading.clinicName(), heading.partnerOne(), heading.partnerTwo()),
                figures, List.copyOf(alertSentences), today);
        events.publishEvent(exported(therapist, coupleId, "pdf", figures));
        return new BalanceExport(fileName(heading, today, "pdf"), PDF, pdf);
    }

    private static AuditEvent exported(TandemUser therapist, long coupleId, String format, CoupleBalance figures) {
        return AuditEvent.of(therapist, AuditAction.BALANCE_EXPORTED, Subject.couple(coupleId),
                format + ", " + figures.checkIns().size() + " check-in(s)");
    }

    /** {@code tandem-balance-alex-and-sam-2026-12-02.csv}: the names the partners are called by, as a slug. */
    static String fileName(ExportHeading heading, LocalDate today, String extension) {
        return "tandem-balance-" + slug(heading.calledOne()) + "-and-" + slug(heading.calledTwo()) + "-" + today
                + "." + extension;
    }

    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "partner" : slug;
    }
}
