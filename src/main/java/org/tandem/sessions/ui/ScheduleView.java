package org.tandem.sessions.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.security.access.AccessDeniedException;
import org.tandem.accounts.Role;
import org.tandem.clinic.ClinicFormat;
import org.tandem.clinic.ClinicTime;
import org.tandem.couples.ui.CoupleRoutes;
import org.tandem.sessions.CalendarLabels;
import org.tandem.sessions.SessionService;
import org.tandem.sessions.UpcomingSession;

/** The therapist's upcoming sessions across their caseload, and the same as a calendar file. */
@Route(SessionRoutes.SCHEDULE)
@RolesAllowed(Role.Names.THERAPIST)
@Menu(order = 15, title = "menu.schedule", icon = "vaadin:calendar")
class ScheduleView extends Main implements HasDynamicTitle {

    static final String FILE_NAME = "tandem-sessions.ics";

    ScheduleView(SessionService sessions, ClinicTime time) {
        H2 title = new H2(getTranslation("schedule.title"));
        title.addClassNames(LumoUtility.Margin.NONE);

        // Translated here, on the UI thread: the download runs later in a request of its own.
        CalendarLabels labels = new CalendarLabels(getTranslation("schedule.ics.summary-prefix"),
                getTranslation("sessions.modality.IN_PERSON"), getTranslation("sessions.modality.VIDEO"));
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> {
            try {
                byte[] ics = sessions.calendar(labels).getBytes(StandardCharsets.UTF_8);
                return new DownloadResponse(new ByteArrayInputStream(ics), FILE_NAME, "text/calendar;charset=UTF-8",
                        ics.length);
            } catch (AccessDeniedException refused) {
                return DownloadResponse.error(403);
            }
        }), getTranslation("schedule.download"));
        download.addComponentAsFirst(VaadinIcon.DOWNLOAD_ALT.create());
        download.addClassNames(LumoUtility.Display.FLEX, LumoUtility.AlignItems.CENTER, LumoUtility.Gap.XSMALL);

        HorizontalLayout top = new HorizontalLayout(title, download);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        top.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        top.setWidthFull();
        top.setWrap(true);

        Paragraph help = new Paragraph(getTranslation("schedule.help"));
        help.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL, LumoUtility.Margin.NONE);

        ClinicFormat format = time.format(getLocale());
        Grid<UpcomingSession> grid = new Grid<>();
        grid.addColumn(session -> format.fullDate(session.startsAt().toInstant()))
                .setHeader(getTranslation("schedule.column.date")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(session -> format.time(session.startsAt().toInstant()) + "–"
                        + format.time(session.endsAt().toInstant()))
                .setHeader(getTranslation("schedule.column.time")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(session -> new Anchor(CoupleRoutes.href(session.coupleId(), CoupleRoutes.Tab.SESSIONS),
                        session.names()))
                .setHeader(getTranslation("schedule.column.couple"));
        grid.addColumn(session -> getTranslation("sessions.modality." + session.modality().name()))
                .setHeader(getTranslation("schedule.column.modality")).setAutoWidth(true).setFlexGrow(0);
        // No total count: the grid asks for the next page as the therapist scrolls. A count cannot stop early, and
        // it read every upcoming session of a large caseload on each visit (docs/performance.md).
        grid.setItems(query -> sessions.upcoming(query.getOffset(), query.getLimit()).stream());
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("schedule.empty"));
        grid.setSizeFull();

        add(top, help, grid);
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Padding.MEDIUM,
                LumoUtility.Gap.SMALL, LumoUtility.Height.FULL, LumoUtility.BoxSizing.BORDER);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("schedule.page-title");
    }
}
