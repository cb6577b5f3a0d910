package org.tandem.workbook.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;
import org.tandem.clinic.ClinicFormat;
import org.tandem.clinic.ClinicTime;
import org.tandem.workbook.AssignmentSummary;
import org.tandem.workbook.WorkProgress;

/**
 * The facts of an assignment at a glance, as badges: category, version, mode, due date (and "Overdue"),
 * "Reviewed"; and who assigned it when. Shared by the Workbook tab and the review.
 */
final class AssignmentFacts extends Div {

    AssignmentFacts(AssignmentSummary assignment, ClinicTime time) {
        ClinicFormat format = time.format(getLocale());
        add(badge(getTranslation("workbook.category." + assignment.category().name()), "contrast"),
                badge(getTranslation("workbook.tab.version", assignment.versionNumber()), "contrast"),
                badge(getTranslation("workbook.mode." + assignment.mode().name()), "contrast"));
        Span due = new Span(assignment.dueOn() == null ? getTranslation("workbook.tab.no-due")
                : getTranslation("workbook.tab.due", format.date(assignment.dueOn())));
        due.addClassNames(LumoUtility.FontSize.SMALL);
        add(due);
        if (assignment.overdue()) {
            add(badge(getTranslation("workbook.tab.overdue"), "error primary"));
        }
        if (assignment.reviewedAt() != null) {
            add(badge(getTranslation("workbook.tab.reviewed"), "success"));
        }
        Span assigned = new Span(getTranslation("workbook.tab.assigned",
                format.date(assignment.assignedAt()), assignment.assignedBy()));
        assigned.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        add(assigned);
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.AlignItems.CENTER,
                LumoUtility.Gap.SMALL);
    }

    /** How far one answer set has come: "Alex: in progress, 3 of 7", "Together: submitted May 4, 2026". */
    static final class ProgressBadge extends Span {

        ProgressBadge(WorkProgress work, ClinicTime time) {
            String who = work.partnerName() != null ? work.partnerName() : getTranslation("workbook.tab.together");
            setText(switch (work.progress()) {
                case NOT_STARTED -> getTranslation("workbook.progress.NOT_STARTED", who);
                case IN_PROGRESS -> getTranslation("workbook.progress.IN_PROGRESS", who, work.answered(),
                        work.answerable());
                case SUBMITTED -> getTranslation("workbook.progress.SUBMITTED", who,
                        work.submittedAt() == null ? "" : time.format(getLocale()).date(work.submittedAt()));
            });
            getElement().getThemeList().add(switch (work.progress()) {
                case NOT_STARTED -> "badge contrast";
                case IN_PROGRESS -> "badge";
                case SUBMITTED -> "badge success";
            });
        }
    }

    static Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add("badge " + theme);
        return badge;
    }
}
