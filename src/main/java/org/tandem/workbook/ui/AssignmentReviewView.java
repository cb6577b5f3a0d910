package org.tandem.workbook.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.H5;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.tandem.accounts.RefusedException;
import org.tandem.accounts.Role;
import org.tandem.clinic.ClinicTime;
import org.tandem.couples.CoupleHeading;
import org.tandem.couples.ui.CoupleLayout;
import org.tandem.couples.ui.CoupleRoutes;
import org.tandem.couples.ui.CoupleTab;
import org.tandem.shell.RouteIds;
import org.tandem.workbook.Answer;
import org.tandem.workbook.AssignmentReview.WorkAnswers;
import org.tandem.workbook.AssignmentReview;
import org.tandem.workbook.AssignmentSummary;
import org.tandem.workbook.Feedback;
import org.tandem.workbook.Progress;
import org.tandem.workbook.Step;
import org.tandem.workbook.WorkbookService;

/**
 * One assignment of a couple, read by their therapist: every step of the module as it was given, each
 * answer set's submitted answer beside the other's (stacked on a narrow screen), the feedback so far and
 * a box for more, per step and for the whole module; and "Mark reviewed". Answers appear once submitted:
 * until then they are the partner's draft.
 */
@Route(value = WorkbookRoutes.REVIEW, layout = CoupleLayout.class)
@RolesAllowed(Role.Names.THERAPIST)
class AssignmentReviewView extends Div implements BeforeEnterObserver, CoupleTab, HasDynamicTitle {

    private final WorkbookService workbook;
    private final ClinicTime time;
    private String names = "";
    private String title = "";

    AssignmentReviewView(WorkbookService workbook, ClinicTime time) {
        this.workbook = workbook;
        this.time = time;
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.MEDIUM,
                LumoUtility.MaxWidth.SCREEN_XLARGE, LumoUtility.BoxSizing.BORDER);
    }

    /**
     * The couple is checked by {@link CoupleLayout}; an assignment id that is malformed, unknown or not the couple's
     * is denied alike.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long coupleId = CoupleLayout.coupleId(event);
        RouteIds.enter(event, WorkbookRoutes.ASSIGNMENT_ID, assignmentId -> {
            AssignmentReview review = workbook.review(coupleId, assignmentId);
            title = review.summary().title();
            removeAll();
            add(header(coupleId, review));
            int number = 0;
            for (Step step : review.content().steps()) {
                add(step(++number, step, review.works()));
            }
            add(wholeModule(review.works()));
        });
    }

    @Override
    public void show(CoupleHeading couple) {
        names = couple.names();
    }

    private Component header(long coupleId, AssignmentReview review) {
        AssignmentSummary summary = review.summary();
        RouterLink back = new RouterLink(getTranslation("workbook.review.back"), CoupleWorkbookView.class,
                new RouteParameters(CoupleRoutes.COUPLE_ID, String.valueOf(coupleId)));
        H3 heading = new H3(summary.title());
        heading.addClassNames(LumoUtility.Margin.NONE);
        Div progress = new Div();
        summary.works().forEach(work -> progress.add(new AssignmentFacts.ProgressBadge(work, time)));
        progress.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.SMALL);
        Section header = new Section(back, heading, new AssignmentFacts(summary, time), progress);
        if (summary.note() != null && !summary.note().isBlank()) {
            H5 label = new H5(getTranslation("workbook.review.note"));
            label.addClassNames(LumoUtility.Margin.Bottom.NONE);
            header.add(label, plainText(summary.note()));
        }
        header.add(reviewed(summary));
        header.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL,
                LumoUtility.AlignItems.START);
        return header;
    }

    /** "Mark reviewed" while it is not, possible once some answers are submitted; "Reviewed on …" once it is. */
    private Component reviewed(AssignmentSummary summary) {
        Div area = new Div();
        if (summary.reviewedAt() != null) {
            area.add(reviewedOn(time.format(getLocale()).date(summary.reviewedAt())));
            return area;
        }
        boolean anySubmitted = summary.works().stream().anyMatch(work -> work.progress() == Progress.SUBMITTED);
        Button mark = new Button(getTranslation("workbook.review.mark-reviewed"));
        mark.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        mark.setEnabled(anySubmitted);
        mark.addClickListener(click -> {
            workbook.markReviewed(summary.assignmentId());
            area.removeAll();
            area.add(reviewedOn(time.format(getLocale()).date(time.today())));
        });
        area.add(mark);
        if (!anySubmitted) {
            Span why = new Span(getTranslation("workbook.review.mark-reviewed.helper"));
            why.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.Left.SMALL);
            area.add(why);
        }
        return area;
    }

    private Span reviewedOn(String date) {
        Span reviewed = AssignmentFacts.badge(getTranslation("workbook.review.reviewed-on", date), "success");
        reviewed.setId("reviewed-on");
        return reviewed;
    }

    /** A step as the partners got it, then each answer set's answer and feedback side by side. */
    private Component step(int number, Step step, List<WorkAnswers> works) {
        H4 heading = new H4(getTranslation("workbook.review.step", number, step.title()));
        heading.addClassNames(LumoUtility.Margin.NONE);
        Div titleRow = new Div(heading);
        titleRow.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.AlignItems.BASELINE,
                LumoUtility.Gap.SMALL);
        if (step.mutualReveal()) {
            titleRow.add(AssignmentFacts.badge(getTranslation("workbook.review.mutual-reveal"), "contrast small"));
        }
        Section section = new Section(titleRow, stepText(step.text()));
        section.setId("step-" + step.id());
        if (step.answerable()) {
            section.add(columns(works.stream().map(work -> answer(step, work)).toList()));
        }
        section.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL,
                LumoUtility.Border.TOP, LumoUtility.BorderColor.CONTRAST_10, LumoUtility.Padding.Top.MEDIUM);
        return section;
    }

    private Component answer(Step step, WorkAnswers work) {
        Div column = column(work);
        column.setId("step-" + step.id() + "-work-" + work.progress().workId());
        if (work.progress().progress() == Progress.SUBMITTED) {
            Answer answer = work.answers().get(step.id());
            column.add(new AnswerText(step, answer == null ? null : answer.value(), time));
        } else {
            Paragraph pending = new Paragraph(getTranslation(work.progress().progress() == Progress.IN_PROGRESS
                    ? "workbook.review.in-progress" : "workbook.review.not-submitted"));
            pending.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.NONE);
            column.add(pending);
        }
        column.add(feedback(work, step.id()));
        return column;
    }

    private Component wholeModule(List<WorkAnswers> works) {
        H4 heading = new H4(getTranslation("workbook.review.whole"));
        heading.addClassNames(LumoUtility.Margin.NONE);
        Section section = new Section(heading, columns(works.stream().map(work -> {
            Div column = column(work);
            column.setId("module-work-" + work.progress().workId());
            column.add(feedback(work, null));
            return (Component) column;
        }).toList()));
        section.setId("whole-module");
        section.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL,
                LumoUtility.Border.TOP, LumoUtility.BorderColor.CONTRAST_10, LumoUtility.Padding.Top.MEDIUM);
        return section;
    }

    /** One answer set's column, headed by whose it is. */
    private Div column(WorkAnswers work) {
        H5 who = new H5(whose(work));
        who.addClassNames(LumoUtility.Margin.NONE);
        Div column = new Div(who);
        column.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL,
                LumoUtility.Background.CONTRAST_5, LumoUtility.BorderRadius.MEDIUM, LumoUtility.Padding.SMALL);
        return column;
    }

    private String whose(WorkAnswers work) {
        return work.progress().partnerName() != null ? work.progress().partnerName()
                : getTranslation("workbook.tab.together");
    }

    /** Side by side from a medium screen up, one under the other on a phone. */
    private static Div columns(List<Component> columns) {
        Div grid = new Div();
        columns.forEach(grid::add);
        grid.addClassNames(LumoUtility.Display.GRID, LumoUtility.Grid.Column.COLUMNS_1, LumoUtility.Gap.MEDIUM);
        if (columns.size() > 1) {
            grid.addClassNames(LumoUtility.Grid.Breakpoint.Medium.COLUMNS_2);
        }
        return grid;
    }

    /** The feedback given on this step (or the whole module, {@code stepId} null) and, once submitted, a box for more. */
    private Component feedback(WorkAnswers work, @Nullable String stepId) {
        Div given = new Div();
        given.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.XSMALL);
        work.feedback().stream().filter(feedback -> Objects.equals(feedback.stepId(), stepId))
                .forEach(feedback -> given.add(feedbackItem(feedback)));
        Div area = new Div(given);
        area.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL);
        if (work.progress().progress() == Progress.SUBMITTED) {
            area.add(feedbackForm(work, stepId, given));
        }
        return area;
    }

    private Component feedbackItem(Feedback feedback) {
        Span by = new Span(getTranslation("workbook.review.feedback.by", feedback.authorName(),
                time.format(getLocale()).date(feedback.createdAt())));
        by.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
        Div item = new Div(plainText(feedback.body()), by);
        item.addClassNames("feedback", LumoUtility.Border.LEFT, LumoUtility.BorderColor.PRIMARY_50,
                LumoUtility.Padding.Left.SMALL);
        return item;
    }

    private Component feedbackForm(WorkAnswers work, @Nullable String stepId, Div given) {
        TextArea text = new TextArea(getTranslation("workbook.review.feedback.label", whose(work)));
        text.setMaxLength(WorkbookService.MAX_FEEDBACK);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setWidthFull();
        text.setHelperText(getTranslation("workbook.review.feedback.counter", 0, WorkbookService.MAX_FEEDBACK));
        text.addValueChangeListener(change -> text.setHelperText(getTranslation("workbook.review.feedback.counter",
                change.getValue().length(), WorkbookService.MAX_FEEDBACK)));
        Button add = new Button(getTranslation("workbook.review.feedback.add"), click -> {
            String body = text.getValue().strip();
            if (body.isEmpty() || body.length() > WorkbookService.MAX_FEEDBACK) {
                invalid(text, getTranslation(body.isEmpty() ? "workbook.review.feedback.empty"
                        : "workbook.review.feedback.too-long"));
                return;
            }
            Feedback saved;
            try {
                saved = workbook.giveFeedback(work.progress().workId(), stepId, body);
            } catch (RefusedException refused) {
                invalid(text, getTranslation(refused.messageKey(), refused.args()));
                return;
            } catch (IllegalArgumentException refused) {
                invalid(text, getTranslation("workbook.review.feedback.empty"));
                return;
            } catch (org.springframework.security.access.AccessDeniedException denied) {
                invalid(text, getTranslation("workbook.review.feedback.refused"));
                return;
            }
            given.add(feedbackItem(saved));
            text.clear();
            text.setInvalid(false);
            Notification.show(getTranslation("workbook.review.feedback.added"), 3000,
                            Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
        add.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Div form = new Div(text, add);
        form.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.AlignItems.START);
        return form;
    }

    private static void invalid(TextArea field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    /** A step's text as the partners saw it: the module's Markdown, formatted (any HTML in it escaped). */
    private static Component stepText(String markdown) {
        return new MarkdownText(markdown);
    }

    /** Text typed by someone, shown as the characters typed, line breaks kept. */
    private static Component plainText(String text) {
        Paragraph paragraph = new Paragraph(text);
        paragraph.addClassNames(LumoUtility.Whitespace.PRE_WRAP, LumoUtility.Margin.NONE);
        return paragraph;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("workbook.review.page-title", title, names);
    }
}
