package org.tandem.workbook.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import org.tandem.accounts.Role;
import org.tandem.clinic.ClinicTime;
import org.tandem.couples.CoupleHeading;
import org.tandem.couples.ui.CoupleLayout;
import org.tandem.couples.ui.CoupleRoutes;
import org.tandem.couples.ui.CoupleTab;
import org.tandem.workbook.AssignmentSummary;
import org.tandem.workbook.ModuleLibrary;
import org.tandem.workbook.WorkProgress;
import org.tandem.workbook.WorkbookService;

/** A couple's Workbook tab: the modules assigned to them, how far each partner has come, and assigning another. */
@Route(value = CoupleRoutes.WORKBOOK, layout = CoupleLayout.class)
@RolesAllowed(Role.Names.THERAPIST)
class CoupleWorkbookView extends Div implements CoupleTab, HasDynamicTitle {

    private final WorkbookService workbook;
    private final ModuleLibrary library;
    private final ClinicTime time;
    private final Div list = new Div();
    private long coupleId;
    private String names = "";

    CoupleWorkbookView(WorkbookService workbook, ModuleLibrary library, ClinicTime time) {
        this.workbook = workbook;
        this.library = library;
        this.time = time;
        list.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL);
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.MEDIUM,
                LumoUtility.MaxWidth.SCREEN_LARGE, LumoUtility.BoxSizing.BORDER);
    }

    @Override
    public void show(CoupleHeading couple) {
        coupleId = couple.coupleId();
        names = couple.names();
        removeAll();
        add(toolbar(), list);
        refresh();
    }

    private Component toolbar() {
        H3 title = new H3(getTranslation("workbook.tab.title"));
        title.addClassNames(LumoUtility.Margin.NONE);
        Button assign = new Button(getTranslation("workbook.tab.assign"), VaadinIcon.PLUS.create(),
                click -> new AssignModuleDialog(coupleId, workbook, library, time, null, assigned -> refresh())
                        .open());
        assign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout toolbar = new HorizontalLayout(title, assign);
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);
        toolbar.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        toolbar.setWrap(true);
        toolbar.setWidthFull();
        return toolbar;
    }

    private void refresh() {
        list.removeAll();
        var assignments = workbook.assignments(coupleId);
        assignments.forEach(assignment -> list.add(card(assignment)));
        if (assignments.isEmpty()) {
            Div empty = new Div(new H3(getTranslation("workbook.tab.empty.title")),
                    new Paragraph(getTranslation("workbook.tab.empty.message")),
                    new Paragraph(getTranslation("workbook.tab.empty.how")));
            empty.addClassNames(LumoUtility.Border.ALL, LumoUtility.BorderRadius.LARGE, LumoUtility.Padding.LARGE,
                    LumoUtility.BorderColor.CONTRAST_10, LumoUtility.Background.CONTRAST_5);
            list.add(empty);
        }
    }

    /** One assignment: what, when, and each answer set's progress; its title opens the review. */
    private Component card(AssignmentSummary assignment) {
        RouterLink title = new RouterLink(assignment.title(), AssignmentReviewView.class,
                WorkbookRoutes.review(coupleId, assignment.assignmentId()));
        title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.FontWeight.SEMIBOLD);
        Div progress = new Div();
        for (WorkProgress work : assignment.works()) {
            progress.add(new AssignmentFacts.ProgressBadge(work, time));
        }
        progress.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.SMALL);
        Div card = new Div(title, new AssignmentFacts(assignment, time), progress);
        card.setId("assignment-" + assignment.assignmentId());
        card.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL,
                LumoUtility.Border.ALL, LumoUtility.BorderColor.CONTRAST_10, LumoUtility.BorderRadius.MEDIUM,
                LumoUtility.Padding.MEDIUM);
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("workbook.tab.page-title", names);
    }
}
