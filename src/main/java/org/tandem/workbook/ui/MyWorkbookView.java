package org.tandem.workbook.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;
import java.util.Objects;
import jakarta.annotation.security.RolesAllowed;
import org.tandem.accounts.CurrentUser;
import org.tandem.accounts.Role;
import org.tandem.clinic.ClinicFormat;
import org.tandem.clinic.ClinicTime;
import org.tandem.couples.CoupleService;
import org.tandem.couples.MyCouple;
import org.tandem.sessions.NextSession;
import org.tandem.sessions.SessionService;
import org.tandem.workbook.AssignmentMode;
import org.tandem.workbook.MyAssignment;
import org.tandem.workbook.MyWorkbookService;
import org.tandem.workbook.Progress;

/**
 * A partner's start page: who they work with, what other features put on top ({@link WorkbookSection}: open
 * check-ins), the next session, and their assignments to do and done.
 */
@Route(WorkbookRoutes.MY_WORKBOOK)
@RolesAllowed(Role.Names.CLIENT)
@Menu(order = 30, title = "menu.workbook", icon = "vaadin:book")
class MyWorkbookView extends Main implements BeforeEnterObserver, HasDynamicTitle {


    private final CoupleService couples;
    private final SessionService sessions;
    private final MyWorkbookService workbook;
    private final ClinicTime time;
    private final List<WorkbookSection> sections;

    MyWorkbookView(CoupleService couples, SessionService sessions, MyWorkbookService workbook, ClinicTime time,
            List<WorkbookSection> sections) {
        this.couples = couples;
        this.sessions = sessions;
        this.workbook = workbook;
        this.time = time;
        this.sections = sections;
        addClassNames(LumoUtility.Padding.MEDIUM, LumoUtility.MaxWidth.SCREEN_MEDIUM, LumoUtility.BoxSizing.BORDER,
                LumoUtility.Width.FULL);
    }

    /** Built on every visit, as the same view is kept when the partner comes back to it from the menu. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        var couple = couples.myCouple();
        String myName = couple.map(MyCouple::myName).orElseGet(() -> CurrentUser.require().displayName());
        add(new H2(getTranslation("workbook.welcome", myName)));
        if (couple.isPresent()) {
            sections.stream().map(WorkbookSection::create).filter(Objects::nonNull).forEach(this::add);
        }
        couple.ifPresentOrElse(found -> add(new Paragraph(describe(found))),
                () -> add(new Paragraph(getTranslation("workbook.no-couple"))));
        if (couple.isPresent()) {
            add(new Paragraph(sessions.myNextSession().map(this::describe)
                    .orElseGet(() -> getTranslation("workbook.no-next-session"))));
        }

        List<MyAssignment> assignments = couple.isPresent() ? workbook.myAssignments() : List.of();
        if (assignments.isEmpty()) {
            Div empty = new Div(new H3(getTranslation("workbook.empty.title")),
                    new Paragraph(getTranslation("workbook.empty.message")));
            empty.addClassNames(LumoUtility.Border.ALL, LumoUtility.BorderRadius.LARGE, LumoUtility.Padding.LARGE,
                    LumoUtility.BorderColor.CONTRAST_10, LumoUtility.Background.CONTRAST_5);
            add(empty);
        } else {
            String therapists = couple.map(found -> String.join(", ", found.therapistNames())).orElse("");
            List<MyAssignment> open = assignments.stream().filter(a -> a.progress() != Progress.SUBMITTED).toList();
            List<MyAssignment> done = assignments.stream().filter(a -> a.progress() == Progress.SUBMITTED).toList();
            Section todo = section("workbook.list.todo");
            if (open.isEmpty()) {
                todo.add(new Paragraph(getTranslation("workbook.list.todo.empty")));
            }
            open.forEach(assignment -> todo.add(card(assignment, therapists)));
            add(todo);
            if (!done.isEmpty()) {
                Section completed = section("workbook.list.completed");
                done.forEach(assignment -> completed.add(card(assignment, therapists)));
                add(completed);
            }
        }
    }

    private Section section(String titleKey) {
        H3 heading = new H3(getTranslation(titleKey));
        heading.addClassNames(LumoUtility.Margin.Bottom.NONE);
        Section section = new Section(heading);
        section.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.MEDIUM,
                LumoUtility.Margin.Bottom.LARGE);
        return section;
    }

    private Component card(MyAssignment assignment, String therapists) {
        boolean submitted = assignment.progress() == Progress.SUBMITTED;
        RouterLink title = new RouterLink(assignment.title(), WorkView.class,
                WorkbookRoutes.work(assignment.assignmentId()));
        title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.FontWeight.SEMIBOLD);
        Span about = new Span(getTranslation("workbook.list.about",
                getTranslation("workbook.category." + assignment.category().name()), assignment.minutes()));
        about.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);

        Div badges = new Div();
        badges.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.SMALL,
                LumoUtility.AlignItems.CENTER, LumoUtility.FontSize.SMALL);
        if (submitted && assignment.submittedAt() != null) {
            badges.add(new Span(getTranslation("workbook.list.submitted",
                    time.format(getLocale()).date(assignment.submittedAt()))));
        } else if (assignment.dueOn() != null) {
            badges.add(new Span(getTranslation("workbook.list.due", time.format(getLocale()).date(assignment.dueOn()))));
        }
        if (assignment.overdue()) {
            badges.add(Library.badge(getTranslation("workbook.list.overdue"), "badge error"));
        }
        if (assignment.mode() == AssignmentMode.TOGETHER) {
            badges.add(Library.badge(getTranslation("workbook.list.together"), "badge contrast"));
        }
        if (assignment.reviewed()) {
            badges.add(Library.badge(getTranslation("workbook.list.reviewed"), "badge success"));
        }
        if (assignment.feedbackCount() > 0) {
            badges.add(Library.badge(therapists.isEmpty() ? getTranslation("workbook.list.feedback-any")
                    : getTranslation("workbook.list.feedback", therapists), "badge"));
        }

        Div card = new Div(title, about, badges);
        if (!submitted) {
            Span answered = new Span(getTranslation("workbook.list.progress", assignment.answered(),
                    assignment.answerable()));
            answered.addClassNames(LumoUtility.FontSize.SMALL);
            ProgressBar bar = new ProgressBar(0, Math.max(1, assignment.answerable()),
                    Math.min(assignment.answered(), Math.max(1, assignment.answerable())));
            bar.getElement().setAttribute("aria-hidden", true); // the words above say the same
            bar.addClassNames(LumoUtility.Margin.NONE);
            card.add(answered, bar);
        }
        Button open = new Button(getTranslation(switch (assignment.progress()) {
            case NOT_STARTED -> "workbook.list.start";
            case IN_PROGRESS -> "workbook.list.continue";
            case SUBMITTED -> "workbook.list.read";
        }), VaadinIcon.ARROW_RIGHT.create(), click -> getUI().ifPresent(ui -> ui.navigate(WorkView.class,
                WorkbookRoutes.work(assignment.assignmentId()))));
        open.setIconAfterText(true);
        open.addThemeVariants(submitted ? ButtonVariant.LUMO_TERTIARY : ButtonVariant.LUMO_PRIMARY);
        open.addClassNames(LumoUtility.AlignSelf.START);
        card.add(open);
        card.setId("assignment-" + assignment.assignmentId());
        card.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL,
                LumoUtility.Border.ALL, LumoUtility.BorderRadius.LARGE, LumoUtility.Padding.MEDIUM,
                assignment.overdue() ? LumoUtility.BorderColor.ERROR_50 : LumoUtility.BorderColor.CONTRAST_10);
        return card;
    }

    private String describe(MyCouple couple) {
        String therapists = String.join(", ", couple.therapistNames());
        return couple.partnerName() == null
                ? getTranslation("workbook.couple-no-partner", therapists)
                : getTranslation("workbook.couple", couple.partnerName(), therapists);
    }

    private String describe(NextSession next) {
        ClinicFormat format = time.format(getLocale());
        return getTranslation("workbook.next-session." + next.modality().name(),
                format.fullDate(next.startsAt().toInstant()), format.time(next.startsAt().toInstant()),
                next.durationMinutes());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("workbook.page-title");
    }
}
