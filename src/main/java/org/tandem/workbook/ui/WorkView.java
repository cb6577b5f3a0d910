package org.tandem.workbook.ui;

import static org.tandem.workbook.ui.WorkPieces.box;
import static org.tandem.workbook.ui.WorkPieces.icon;
import static org.tandem.workbook.ui.WorkPieces.notice;
import static org.tandem.workbook.ui.WorkPieces.text;

import org.tandem.shell.RouteIds;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.tandem.accounts.CurrentUser;
import org.tandem.accounts.Role;
import org.tandem.clinic.ClinicTime;
import org.tandem.couples.CoupleService;
import org.tandem.couples.MyCouple;
import org.tandem.workbook.AnswerValue;
import org.tandem.workbook.AssignmentMode;
import org.tandem.workbook.Feedback;
import org.tandem.workbook.MyWork;
import org.tandem.workbook.MyWorkbookService;
import org.tandem.workbook.Step;
import org.tandem.workbook.WorkSubmittedException;
import org.tandem.shell.OneClick;

/**
 * A partner works through one assignment here: every answer is saved as they write (so nothing is lost
 * when the tab closes or the session ends), they choose what to share with their partner, read what their
 * partner shared and the therapist's feedback, and submit. A save that raced another edit is shown with
 * both versions and never overwrites silently.
 */
@Route(WorkbookRoutes.WORK)
@RolesAllowed(Role.Names.CLIENT)
class WorkView extends Main implements BeforeEnterObserver, HasDynamicTitle {


    private final MyWorkbookService workbook;
    private final CoupleService couples;
    private final ClinicTime time;

    /** One per answerable step, in the module's order. */
    private final Map<String, StepPanel> panels = new LinkedHashMap<>();
    private @Nullable MyWork work;
    private @Nullable ModuleWalkthrough walkthrough;
    private String title = "";

    WorkView(MyWorkbookService workbook, CoupleService couples, ClinicTime time) {
        this.workbook = workbook;
        this.couples = couples;
        this.time = time;
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.MEDIUM,
                LumoUtility.Padding.MEDIUM, LumoUtility.MaxWidth.SCREEN_MEDIUM, LumoUtility.BoxSizing.BORDER,
                LumoUtility.Width.FULL);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        RouteIds.enter(event, WorkbookRoutes.ASSIGNMENT_ID, id -> load(id, null));
    }

    /** Shows the assignment as it is stored now, with a message on top (after submitting, for example). */
    private void load(long assignmentId, @Nullable Function<MyWork, Component> message) {
        MyWork loaded = workbook.myWork(assignmentId);
        work = loaded;
        title = loaded.title();
        panels.clear();
        loaded.content().steps().stream().filter(Step::answerable).forEach(step -> panels.put(step.id(),
                new StepPanel(loaded, step, workbook, time, value -> walkthrough().setAnswer(step, value),
                        () -> load(loaded.assignmentId(), this::submittedMeanwhile))));
        removeAll();

        RouterLink back = new RouterLink(getTranslation("workbook.work.back"), MyWorkbookView.class);
        back.addClassNames(LumoUtility.FontSize.SMALL);
        add(back);
        if (message != null) {
            add(message.apply(loaded));
        }
        add(about(loaded));
        loaded.feedback().stream().filter(feedback -> feedback.stepId() == null)
                .forEach(feedback -> add(WorkPieces.feedback(this, getLocale(), feedback, true, time)));

        ModuleWalkthrough steps = new ModuleWalkthrough(loaded.content(), this::answer, loaded.submitted());
        walkthrough = steps;
        steps.addAnswerListener((step, value) -> panel(step).answered(value));
        steps.setStepExtras(this::under);
        if (!loaded.submitted()) {
            steps.setFinish(finish(loaded));
        }
        add(steps);
        // Below the steps, so that on a phone the first step is not pushed out of sight.
        if (loaded.mode() == AssignmentMode.SEPARATE && !loaded.noSecrets()) {
            add(shareAll(loaded));
        }
    }

    // ---- the top of the page ----

    private Component about(MyWork work) {
        Div facts = new Div();
        facts.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.SMALL,
                LumoUtility.AlignItems.CENTER, LumoUtility.FontSize.SMALL);
        if (work.dueOn() != null) {
            facts.add(new Span(getTranslation("workbook.work.due", time.format(getLocale()).date(work.dueOn()))));
            if (!work.submitted() && work.dueOn().isBefore(time.today())) {
                facts.add(Library.badge(getTranslation("workbook.list.overdue"), "badge error"));
            }
        }
        if (work.mode() == AssignmentMode.TOGETHER) {
            facts.add(Library.badge(getTranslation("workbook.list.together"), "badge contrast"));
        }

        Div about = new Div(facts);
        about.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL);
        if (work.note() != null && !work.note().isBlank()) {
            Span heading = new Span(getTranslation("workbook.work.note"));
            heading.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
            Div note = box(LumoUtility.Background.CONTRAST_5, heading, text(work.note()));
            about.add(note);
        }
        String partner = partner(work);
        if (work.mode() == AssignmentMode.TOGETHER) {
            about.add(notice(VaadinIcon.USERS, getTranslation("workbook.work.together", partner)));
        } else if (work.noSecrets()) {
            about.add(notice(VaadinIcon.EYE, getTranslation("workbook.work.no-secrets", partner)));
        } else {
            about.add(notice(VaadinIcon.LOCK, getTranslation("workbook.work.private", partner)));
        }
        if (work.submitted()) {
            about.add(notice(VaadinIcon.CHECK, getTranslation(work.mode() == AssignmentMode.TOGETHER
                    ? "workbook.work.read-only.together" : "workbook.work.read-only")));
        }
        return about;
    }

    private Component shareAll(MyWork work) {
        Checkbox all = new Checkbox(getTranslation("workbook.work.share-all", partner(work)), work.sharedAll());
        all.setHelperText(getTranslation("workbook.work.share-all.help", partner(work)));
        all.addValueChangeListener(change -> {
            if (!change.isFromClient()) {
                return;
            }
            try {
                workbook.shareWork(work.workId(), change.getValue());
                panels.values().forEach(panel -> panel.setSharedAll(change.getValue()));
            } catch (AccessDeniedException refused) {
                all.setValue(change.getOldValue());
            }
        });
        return box(LumoUtility.Background.CONTRAST_5, all);
    }

    // ---- under each step ----

    /** What the walkthrough shows under a step: its panel, or the therapist's feedback on a reading. */
    private @Nullable Component under(Step step) {
        StepPanel panel = panels.get(step.id());
        if (panel != null) {
            return panel;
        }
        List<Feedback> feedback = current().feedback().stream().filter(given -> step.id().equals(given.stepId()))
                .toList();
        if (feedback.isEmpty()) {
            return null;
        }
        Div list = new Div();
        list.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL);
        feedback.forEach(given -> list.add(WorkPieces.feedback(this, getLocale(), given, false, time)));
        return list;
    }

    private @Nullable AnswerValue answer(Step step) {
        StepPanel panel = panels.get(step.id());
        return panel == null ? null : panel.answer();
    }

    private StepPanel panel(Step step) {
        StepPanel panel = panels.get(step.id());
        if (panel == null) {
            throw new IllegalStateException("Step " + step.id() + " takes no answer");
        }
        return panel;
    }

    /** A save found the answers submitted meanwhile (another window, or the partner in TOGETHER mode). */
    private Component submittedMeanwhile(MyWork reloaded) {
        return banner(VaadinIcon.INFO_CIRCLE, LumoUtility.Background.CONTRAST_5,
                getTranslation(reloaded.mode() == AssignmentMode.TOGETHER
                        ? "workbook.work.already-submitted.together" : "workbook.work.already-submitted",
                        partner(reloaded)));
    }

    // ---- submitting ----

    private Component finish(MyWork work) {
        Paragraph ready = new Paragraph(getTranslation("workbook.work.finish"));
        ready.addClassNames(LumoUtility.Margin.NONE);
        Button submit = OneClick.on(new Button(getTranslation(work.mode() == AssignmentMode.TOGETHER
                ? "workbook.work.submit.together" : "workbook.work.submit"), VaadinIcon.CHECK.create()),
                this::confirmSubmit);
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE, ButtonVariant.LUMO_SUCCESS);
        submit.addClassNames(LumoUtility.AlignSelf.START);
        Div finish = box(LumoUtility.Background.SUCCESS_10, ready, submit);
        finish.addClassNames(LumoUtility.Margin.Top.MEDIUM);
        return finish;
    }

    private void confirmSubmit() {
        long unanswered = panels.values().stream().filter(panel -> {
            AnswerValue value = panel.answer();
            return value == null || value.isEmpty();
        }).count();
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("workbook.work.submit.confirm.title"),
                unanswered == 0 ? getTranslation("workbook.work.submit.confirm.text")
                        : getTranslation("workbook.work.submit.confirm.text-unanswered", unanswered, panels.size()),
                getTranslation("workbook.work.submit.confirm.submit"), confirmed -> submit());
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("workbook.work.submit.confirm.cancel"));
        confirm.open();
    }

    private void submit() {
        long assignmentId = current().assignmentId();
        try {
            workbook.submit(current().workId());
        } catch (WorkSubmittedException already) {
            // Submitted meanwhile (another window, or the partner in TOGETHER mode): the result is the same.
        }
        load(assignmentId, this::thanks);
        MyWork submitted = current();
        List<Step> steps = submitted.content().steps();
        for (int index = 0; index < steps.size(); index++) {
            if (steps.get(index).mutualReveal() && submitted.partnerAnswers().containsKey(steps.get(index).id())) {
                walkthrough().showStep(index);
                break;
            }
        }
    }

    private Component thanks(MyWork submitted) {
        String name = couples.myCouple().map(MyCouple::myName).orElseGet(() -> CurrentUser.require().displayName());
        Div thanks = banner(VaadinIcon.HEART, LumoUtility.Background.SUCCESS_10,
                getTranslation("workbook.work.submitted.thanks", name));
        boolean waits = submitted.content().steps().stream().anyMatch(Step::mutualReveal)
                && submitted.mode() == AssignmentMode.SEPARATE;
        if (waits) {
            boolean revealed = submitted.content().steps().stream().anyMatch(step -> step.mutualReveal()
                    && submitted.partnerAnswers().containsKey(step.id()));
            thanks.add(StepAside.note(getTranslation(revealed ? "workbook.work.submitted.revealed"
                    : "workbook.work.submitted.reveal-later", partner(submitted))));
        }
        return thanks;
    }

    // ---- pieces ----

    private MyWork current() {
        if (work == null) {
            throw new IllegalStateException("No assignment loaded");
        }
        return work;
    }

    private ModuleWalkthrough walkthrough() {
        if (walkthrough == null) {
            throw new IllegalStateException("No assignment loaded");
        }
        return walkthrough;
    }

    private String partner(MyWork work) {
        return WorkPieces.partner(this, work);
    }

    private Div banner(VaadinIcon icon, String background, String message) {
        Paragraph text = new Paragraph(message);
        text.addClassNames(LumoUtility.Margin.NONE, LumoUtility.FontWeight.SEMIBOLD);
        text.addComponentAsFirst(icon(icon));
        Div banner = box(background, text);
        banner.getElement().setAttribute("role", "status");
        banner.addClassNames("work-banner");
        return banner;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("workbook.work.page-title", title);
    }
}
