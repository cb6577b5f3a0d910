package org.tandem.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.tandem.accounts.AuditAction;
import org.tandem.accounts.AuditEvent;
import org.tandem.accounts.AuditEvent.Outcome;
import org.tandem.accounts.Reauthentication;
import org.tandem.accounts.ReauthenticationRequiredException;
import org.tandem.accounts.Role;
import org.tandem.accounts.ui.ReauthenticationDialog;
import org.tandem.audit.AuditCursor;
import org.tandem.audit.AuditEntry;
import org.tandem.audit.AuditFilter;
import org.tandem.audit.AuditLogService;
import org.tandem.audit.AuditPage;
import org.tandem.clinic.ClinicFormat;
import org.tandem.clinic.ClinicTime;

/**
 * The clinic's audit trail for its admins: who did what to which record, when and from where, newest first, a page
 * at a time (Older / Newer / Newest walk keyset pages; there is no page number to jump to), filtered, and downloaded
 * as CSV (after the admin's passphrase, when it is more than 5 minutes old). Metadata only: the trail holds no
 * clinical words.
 */
@Route(AuditRoutes.AUDIT_LOG)
@RolesAllowed(Role.Names.ADMIN)
@Menu(order = 45, title = "menu.audit-log", icon = "vaadin:clipboard-text")
class AuditLogView extends Main implements HasDynamicTitle {

    static final int PAGE_SIZE = 50;

    /** Subject types with a name of their own on this page; another is shown as stored. */
    private static final Set<String> NAMED_SUBJECTS = Set.of("account", "clinic", "couple", "partner", "invitation",
            "couple_session", "check_in", "module", "module_assignment", "assignment_work", "goal", "message_thread",
            "message");

    private final AuditLogService log;
    private final ClinicFormat format;
    private final Grid<AuditEntry> grid = new Grid<>();
    private final Button newest = new Button();
    private final Button newer = new Button();
    private final Button older = new Button();
    private final Span position = new Span();
    private final Reauthentication reauthentication;
    /** Holds the download link while the passphrase is fresh, otherwise the button that asks for it first. */
    private final Div exportSlot = new Div();
    private final Button exportButton = new Button();
    private final Anchor exportLink;
    /** Where each page between the newest and the one shown started, to go back without an offset. */
    private final Deque<AuditCursor> before = new ArrayDeque<>();
    private volatile AuditFilter filter = AuditFilter.NONE;
    private @Nullable AuditCursor shownFrom;
    private @Nullable AuditCursor next;

    AuditLogView(AuditLogService log, ClinicTime time, Reauthentication reauthentication) {
        this.log = log;
        this.reauthentication = reauthentication;
        this.format = time.format(getLocale());
        H2 title = new H2(getTranslation("audit.log.title"));
        title.addClassNames(LumoUtility.Margin.NONE, LumoUtility.FontSize.XLARGE);
        Paragraph intro = new Paragraph(getTranslation("audit.log.intro"));
        intro.addClassNames(LumoUtility.Margin.NONE, LumoUtility.TextColor.SECONDARY);

        AuditFilters filters = new AuditFilters(log.people(), log.couples(), time.zone(), chosen -> {
            filter = chosen;
            before.clear();
            show(null);
            showExport();
        });

        grid.addColumn(entry -> format.dateTime(entry.occurredAt())).setHeader(getTranslation("audit.log.column.when"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::who).setHeader(getTranslation("audit.log.column.who")).setFlexGrow(2);
        grid.addColumn(this::what).setHeader(getTranslation("audit.log.column.what")).setFlexGrow(2);
        grid.addColumn(this::record).setHeader(getTranslation("audit.log.column.record")).setFlexGrow(1);
        grid.addColumn(entry -> getTranslation(outcomeKey(entry.outcome())))
                .setHeader(getTranslation("audit.log.column.outcome")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(entry -> entry.address() == null ? "" : entry.address())
                .setHeader(getTranslation("audit.log.column.address")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::detail)
                .setHeader(getTranslation("audit.log.column.detail")).setFlexGrow(3);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText(getTranslation("audit.log.empty"));
        grid.setSizeFull();

        newest.setText(getTranslation("audit.log.newest"));
        newest.addClickListener(click -> {
            before.clear();
            show(null);
        });
        newer.setText(getTranslation("audit.log.newer"));
        newer.addClickListener(click -> show(before.isEmpty() ? null : before.pop()));
        older.setText(getTranslation("audit.log.older"));
        older.addClickListener(click -> {
            if (shownFrom != null) {
                before.push(shownFrom);
            }
            show(next);
        });
        for (Button button : new Button[] {newest, newer, older}) {
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        }
        position.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        exportLink = new Anchor(export(time), getTranslation("audit.log.export"));
        exportLink.setId("audit-export");
        exportLink.addComponentAsFirst(VaadinIcon.DOWNLOAD_ALT.create());
        exportLink.addClassNames(LumoUtility.Display.FLEX, LumoUtility.AlignItems.CENTER, LumoUtility.Gap.XSMALL);
        exportButton.setText(getTranslation("audit.log.export"));
        exportButton.setId("audit-export-confirm");
        exportButton.setIcon(VaadinIcon.DOWNLOAD_ALT.create());
        exportButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        exportButton.addClickListener(click -> ReauthenticationDialog.ensure(reauthentication, () -> {
            showExport();
            Notification.show(getTranslation("audit.log.export.ready"), 5000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }));
        exportSlot.addClassNames(LumoUtility.Margin.Left.AUTO);
        showExport();
        HorizontalLayout paging = new HorizontalLayout(newest, newer, older, position, exportSlot);
        paging.setAlignItems(FlexComponent.Alignment.BASELINE);
        paging.setWidthFull();

        add(title, intro, filters, grid, paging);
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Padding.MEDIUM,
                LumoUtility.Gap.SMALL, LumoUtility.Height.FULL, LumoUtility.BoxSizing.BORDER);
        show(null);
    }

    /** Shows the page that starts after {@code from} (the newest rows without one). */
    private void show(@Nullable AuditCursor from) {
        AuditPage page = log.page(filter, from, PAGE_SIZE);
        shownFrom = from;
        next = page.next();
        grid.setItems(page.rows());
        newest.setEnabled(from != null);
        newer.setEnabled(from != null);
        older.setEnabled(next != null);
        position.setText(page.rows().isEmpty() ? ""
                : getTranslation("audit.log.position", from == null ? 1 : before.size() + 2, page.rows().size()));
    }

    /**
     * The download is a plain link, which cannot wait for a dialog: it is offered only while the passphrase is fresh
     * (the service refuses a stale one anyway); otherwise a button asks for the passphrase and then offers it.
     */
    private void showExport() {
        exportSlot.removeAll();
        exportSlot.add(reauthentication.fresh() ? exportLink : exportButton);
    }

    /** The file of every row of the filter as it stands when the download starts, streamed as it is read. */
    private DownloadHandler export(ClinicTime time) {
        return event -> {
            AuditFilter exported = filter;
            event.setFileName("audit-log-" + time.today() + ".csv");
            event.setContentType("text/csv;charset=UTF-8");
            try (OutputStream out = event.getOutputStream()) {
                log.export(exported, out);
            } catch (AccessDeniedException | ReauthenticationRequiredException refused) {
                event.getResponse().setStatus(403);
            }
        };
    }

    private String who(AuditEntry entry) {
        if (entry.actorName() != null) {
            return getTranslation("audit.log.person", entry.actorName(), entry.actor());
        }
        return entry.actorAccountId() == null && entry.actor().equals(AuditEvent.ANONYMOUS)
                ? getTranslation("audit.log.anonymous")
                : entry.actor();
    }

    private String what(AuditEntry entry) {
        return entry.kind().map(action -> getTranslation(actionKey(action))).orElse(entry.action());
    }

    private String record(AuditEntry entry) {
        String type = entry.subjectType();
        if (type == null) {
            return "";
        }
        return NAMED_SUBJECTS.contains(type)
                ? getTranslation("audit.log.subject." + type, String.valueOf(entry.subjectId()))
                : type + " " + entry.subjectId();
    }

    private String detail(AuditEntry entry) {
        if (entry.detailWithheld()) {
            return getTranslation("audit.log.detail-withheld");
        }
        return entry.detail() == null ? "" : entry.detail();
    }

    static String actionKey(AuditAction action) {
        return "audit.action." + action.name();
    }

    static String outcomeKey(Outcome outcome) {
        return "audit.outcome." + outcome.name();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.log.page-title");
    }
}
