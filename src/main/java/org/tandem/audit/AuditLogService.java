package org.tandem.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.accounts.AuditAction;
import org.tandem.accounts.AuditEvent;
import org.tandem.accounts.AuditEvent.Subject;
import org.tandem.accounts.CurrentUser;
import org.tandem.accounts.Reauthentication;
import org.tandem.accounts.ReauthenticationRequiredException;
import org.tandem.accounts.TandemUser;
import org.tandem.clinic.ClinicFormat;
import org.tandem.clinic.ClinicTime;
import org.tandem.clinic.CsvCells;

/**
 * The audit log, for the clinic's admins: their own clinic's rows only, newest first in pages that continue from a
 * cursor (keyset paging, never an offset), and a CSV of every row of a filter streamed from the database to the
 * download. Admins see who did what to which record, when and from where: the trail's metadata, which holds no
 * clinical words (docs/decisions/026-audit-log-page.md). Reading the log is not itself audited; the export, a copy
 * that leaves Tandem, is.
 */
@Service
@Transactional(readOnly = true)
public class AuditLogService {

    public static final int MAX_PAGE_SIZE = 200;

    /** The export's columns, in order. */
    public static final List<String> CSV_HEADER = List.of("id", "occurred_at", "actor_account_id", "actor",
            "actor_name", "action", "subject_type", "subject_id", "outcome", "detail", "address");

    /** The detail column of a row whose detail carries a clinical value. */
    static final String WITHHELD = "(withheld: clinical)";

    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setHeader(CSV_HEADER.toArray(String[]::new)).get();

    private final AuditLogRepository log;
    private final ClinicTime time;
    private final ApplicationEventPublisher events;
    private final Reauthentication reauthentication;

    AuditLogService(AuditLogRepository log, ClinicTime time, ApplicationEventPublisher events,
            Reauthentication reauthentication) {
        this.log = log;
        this.time = time;
        this.events = events;
        this.reauthentication = reauthentication;
    }

    /**
     * Up to {@code size} rows of the filter after the cursor ({@code null}: the newest), and where the next page
     * starts.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public AuditPage page(AuditFilter filter, @Nullable AuditCursor after, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("A page holds at least one row");
        }
        int limit = Math.min(size, MAX_PAGE_SIZE);
        List<AuditEntry> rows = log.page(CurrentUser.require().clinicId(), filter, time.zone(), after, limit + 1);
        if (rows.size() <= limit) {
            return new AuditPage(rows, null);
        }
        List<AuditEntry> page = rows.subList(0, limit);
        return new AuditPage(page, page.getLast().cursor());
    }

    /** The clinic's accounts, to choose whose acts to show. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<AuditPerson> people() {
        return log.people(CurrentUser.require().clinicId());
    }

    /** The clinic's couples, to choose which couple's records to show. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<AuditCouple> couples() {
        return log.couples(CurrentUser.require().clinicId());
    }

    /**
     * Writes every row of the filter as CSV (UTF-8, times in ISO-8601 with the clinic's offset) to {@code out} as it
     * is read, so the heap holds one fetch of rows whatever the range, and records the export with its filter and row
     * count. An export that breaks off (the browser went away) is recorded as failed after the rows it wrote. Refused,
     * before anything is written, when the admin's passphrase was given more than 5 minutes ago
     * ({@link ReauthenticationRequiredException}).
     *
     * @return the number of rows written
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public long export(AuditFilter filter, OutputStream out) throws IOException {
        TandemUser admin = CurrentUser.require();
        reauthentication.require("audit log export");
        ClinicFormat format = time.format(Locale.ROOT);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        long[] written = {0};
        try {
            CSVPrinter printer = new CSVPrinter(writer, CSV);
            log.forEach(admin.clinicId(), filter, format.zone(), entry -> {
                try {
                    printer.printRecord(row(entry, format));
                } catch (IOException broken) {
                    throw new UncheckedIOException(broken);
                }
                written[0]++;
            });
            printer.flush();
        } catch (IOException | RuntimeException broken) {
            events.publishEvent(AuditEvent.failed(admin, AuditAction.AUDIT_LOG_EXPORTED,
                    Subject.clinic(admin.clinicId()), filter.describe() + ": broken off after " + written[0]
                            + " rows (" + broken.getClass().getSimpleName() + ")"));
            throw broken;
        }
        events.publishEvent(AuditEvent.of(admin, AuditAction.AUDIT_LOG_EXPORTED, Subject.clinic(admin.clinicId()),
                filter.describe() + ": " + written[0] + " rows"));
        return written[0];
    }

    private static List<String> row(AuditEntry entry, ClinicFormat format) {
        return List.of(String.valueOf(entry.id()), format.iso(entry.occurredAt()), text(entry.actorAccountId()),
                CsvCells.text(entry.actor()), CsvCells.text(entry.actorName()), entry.action(),
                CsvCells.text(entry.subjectType()),
                text(entry.subjectId()), entry.outcome().name(),
                entry.detailWithheld() ? WITHHELD : CsvCells.text(entry.detail()), CsvCells.text(entry.address()));
    }

    private static String text(@Nullable Long value) {
        return value == null ? "" : value.toString();
    }
}
