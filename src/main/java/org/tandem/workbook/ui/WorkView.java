package org.tandem.workbook.ui;

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
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
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
import org.tandem.workbook.Answer;
import org.tandem.workbook.AnswerConflictException;
import org.tandem.workbook.AnswerRejectedException;
import org.tandem.workbook.AnswerValue;
import org.tandem.workbook.AssignmentMode;
import org.tandem.workbook.Feedback;
import org.tandem.workbook.MyWork;
import org.tandem.workbook.Step;
import org.tandem.workbook.WorkSubmittedException;
import org.tandem.workbook.WorkbookService;

/**
 * A partner works through one assignment here: every answer is saved as they write (so nothing is lost
 * when the tab closes or the session ends), they choose what to share with their partner, read what their
 * partner shared and the therapist's feedback, and submit. A save that raced another edit is shown with
 * both versions and never overwrites silently.
 */
@Route(WorkbookRoutes.WORK)
@RolesAllowed(Role.Names.CLIENT)
class WorkView extends Main implements BeforeEnterObserver, HasDynamicTitle {


    private final WorkbookService workbook;
    private final CoupleService couples;
    private final ClinicTime time;

    private final Map<String, Integer> versions = new HashMap<>();
    private final Map<String, @Nullable AnswerValue> answers = new HashMap<>();
    private final Map<String, Boolean> shared = new HashMap<>();
    private final Map<String, StepAside> asides = new HashMap<>();
    private final Map<String, Checkbox> shareBoxes = new HashMap<>();
    private @Nullable MyWork work;
    private @Nullable ModuleWalkthrough walkthrough;
    private boolean sharedAll;
    private String title = "";

    WorkView(WorkbookService workbook, CoupleService couples, ClinicTime time) {
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
        versions.clear();
        answers.clear();
        shared.clear();
        asides.clear();
        shareBoxes.clear();
        loaded.myAnswers().forEach((stepId, answer) -> {
            versions.put(stepId, answer.version());
            answers.put(stepId, answer.value());
            shared.put(stepId, answer.shared());
        });
        sharedAll = loaded.sharedAll();
        removeAll();

        RouterLink back = new RouterLink(getTranslation("workbook.work.back"), MyWorkbookView.class);
        back.addClassNames(LumoUtility.FontSize.SMALL);
        add(back);
        if (message != null) {
            add(message.apply(loaded));
        }
        add(about(loaded));
        loaded.feedback().stream().filter(feedback -> feedback.stepId() == null)
                .forEach(feedback -> add(feedback(feedback, true)));

        ModuleWalkthrough steps = new ModuleWalkthrough(loaded.content(), step -> answers.get(step.id()),
                loaded.submitted());
        walkthrough = steps;
        steps.addAnswerListener(this::answered);
        steps.setStepExtras(this::aside);
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
        Checkbox all = new Checkbox(getTranslation("workbook.work.share-all", partner(work)), sharedAll);
        all.setHelperText(getTranslation("workbook.work.share-all.help", partner(work)));
        all.addValueChangeListener(change -> {
            if (!change.isFromClient()) {
                return;
            }
            try {
                workbook.shareWork(work.workId(), change.getValue());
                sharedAll = change.getValue();
                shareBoxes.keySet().forEach(this::showSharing);
            } catch (AccessDeniedException refused) {
                all.setValue(change.getOldValue());
            }
        });
        return box(LumoUtility.Background.CONTRAST_5, all);
    }

    // ---- under each step ----

    private @Nullable Component aside(Step step) {
        MyWork work = current();
        List<Feedback> feedback = work.feedback().stream().filter(given -> step.id().equals(given.stepId()))
                .toList();
        if (!step.answerable()) {
            if (feedback.isEmpty()) {
                return null;
            }
            Div list = new Div();
            list.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL);
            feedback.forEach(given -> list.add(feedback(given, false)));
            return list;
        }
        StepAside aside = stepAside(step);
        if (work.submitted()) {
            aside.hideStatus();
        }
        if (work.mode() == AssignmentMode.SEPARATE) {
            aside.add(sharing(work, step));
            Answer theirs = work.partnerAnswers().get(step.id());
            if (theirs != null) {
                Span heading = new Span(getTranslation("workbook.work.partner-answer", partner(work)));
                heading.addClassNames(LumoUtility.FontWeight.SEMIBOLD, LumoUtility.FontSize.SMALL);
                Div partnerAnswer = box(LumoUtility.Background.CONTRAST_5, heading,
                        new AnswerText(step, theirs.value(), time));
                partnerAnswer.addClassNames("partner-answer");
                aside.add(partnerAnswer);
            } else if (work.waitingForReveal().contains(step.id())) {
                aside.add(notice(VaadinIcon.EYE_SLASH, getTranslation("workbook.work.reveal.waiting", partner(work))));
            }
        }
        feedback.forEach(given -> aside.add(feedback(given, false)));
        return aside;
    }

    private StepAside stepAside(Step step) {
        return asides.computeIfAbsent(step.id(), id -> new StepAside());
    }

    private Component sharing(MyWork work, Step step) {
        if (step.mutualReveal()) {
            return StepAside.note(getTranslation("workbook.work.share.after-both", partner(work)));
        }
        Checkbox box = new Checkbox(getTranslation("workbook.work.share", partner(work)));
        shareBoxes.put(step.id(), box);
        box.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                share(step, change.getValue());
            }
        });
        showSharing(step.id());
        return box;
    }

    /** The share switch of a step as the policy, the whole-module share and the answer's own share make it. */
    private void showSharing(String stepId) {
        Checkbox box = shareBoxes.get(stepId);
        if (box == null) {
            return;
        }
        String partner = partner(current());
        boolean own = shared.getOrDefault(stepId, false);
        if (current().noSecrets()) {
            boolean writtenEarlier = !own && versions.getOrDefault(stepId, 0) > 0;
            box.setValue(!writtenEarlier);
            box.setEnabled(false);
            box.setHelperText(getTranslation(writtenEarlier ? "workbook.work.share.no-secrets-earlier"
                    : "workbook.work.share.no-secrets", partner));
        } else if (sharedAll) {
            box.setValue(true);
            box.setEnabled(false);
            box.setHelperText(getTranslation("workbook.work.share.all-on", partner));
        } else {
            box.setValue(own);
            box.setEnabled(true);
            box.setHelperText(getTranslation(own ? "workbook.work.share.on" : "workbook.work.share.off", partner));
        }
    }

    private void share(Step step, boolean share) {
        try {
            workbook.shareAnswer(current().workId(), step.id(), share);
            shared.put(step.id(), share);
            // Sharing a step not answered yet stores an empty answer (version 1) to keep the choice.
            versions.putIfAbsent(step.id(), 1);
        } catch (AccessDeniedException | IllegalStateException refused) {
            stepAside(step).notSaved(getTranslation("workbook.work.save.refused"));
        }
        showSharing(step.id());
    }

    private Div feedback(Feedback feedback, boolean wholeModule) {
        Span heading = new Span(getTranslation(wholeModule ? "workbook.work.feedback.module"
                : "workbook.work.feedback.step", feedback.authorName()));
        heading.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        heading.addComponentAsFirst(icon(VaadinIcon.COMMENT_O));
        Span when = new Span(time.format(getLocale()).dateTime(feedback.createdAt()));
        when.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
        Div box = box(LumoUtility.Background.PRIMARY_10, heading, when, text(feedback.body()));
        box.addClassNames("feedback");
        return box;
    }

    // ---- saving ----

    private void answered(Step step, AnswerValue value) {
        answers.put(step.id(), value);
        save(step, value);
    }

    private void save(Step step, AnswerValue value) {
        MyWork work = current();
        StepAside aside = stepAside(step);
        try {
            Answer saved = workbook.saveAnswer(work.workId(), step.id(), versions.getOrDefault(step.id(), 0), value);
            versions.put(step.id(), saved.version());
            shared.put(step.id(), saved.shared());
            showSharing(step.id());
            aside.saved();
        } catch (AnswerRejectedException rejected) {
            aside.notSaved(ProblemMessages.answer(this, rejected.problem()));
        } catch (AnswerConflictException conflict) {
            raced(step, value, conflict.current());
        } catch (WorkSubmittedException submitted) {
            load(work.assignmentId(), reloaded -> banner(VaadinIcon.INFO_CIRCLE, LumoUtility.Background.CONTRAST_5,
                    getTranslation(reloaded.mode() == AssignmentMode.TOGETHER
                            ? "workbook.work.already-submitted.together" : "workbook.work.already-submitted",
                            partner(reloaded))));
        } catch (AccessDeniedException refused) {
            aside.notSaved(getTranslation("workbook.work.save.refused"));
        }
    }

    /** Someone saved this answer first: theirs goes into the input, and what this partner wrote stays in view. */
    private void raced(Step step, AnswerValue mine, Answer theirs) {
        versions.put(step.id(), theirs.version());
        shared.put(step.id(), theirs.shared());
        if (theirs.value().isEmpty()) {
            save(step, mine); // only a share was recorded: there is no text of theirs to lose
            return;
        }
        ModuleWalkthrough steps = walkthrough();
        steps.setAnswer(step, theirs.value());
        answers.put(step.id(), theirs.value());
        StepAside aside = stepAside(step);
        aside.notSaved(getTranslation("workbook.work.save.conflict"));

        Paragraph what = new Paragraph(current().mode() == AssignmentMode.TOGETHER
                ? getTranslation("workbook.work.conflict.partner", partner(current()))
                : getTranslation("workbook.work.conflict.elsewhere"));
        what.addClassNames(LumoUtility.Margin.NONE, LumoUtility.FontWeight.SEMIBOLD);
        Button useMine = new Button(getTranslation("workbook.work.conflict.use-mine"), click -> {
            steps.setAnswer(step, mine);
            answers.put(step.id(), mine);
            save(step, mine);
        });
        Button keepTheirs = new Button(getTranslation("workbook.work.conflict.keep"), click -> aside.saved());
        keepTheirs.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div buttons = new Div(keepTheirs, useMine);
        buttons.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.SMALL);
        Div theirsShown = box(LumoUtility.Background.BASE, new AnswerText(step, theirs.value(), time));
        theirsShown.addClassNames("conflict-theirs");
        Div mineShown = box(LumoUtility.Background.BASE, new AnswerText(step, mine, time));
        mineShown.addClassNames("conflict-mine");
        aside.trouble(what, StepAside.note(getTranslation("workbook.work.conflict.now")), theirsShown,
                StepAside.note(getTranslation("workbook.work.conflict.yours")), mineShown, buttons);
    }

    // ---- submitting ----

    private Component finish(MyWork work) {
        Paragraph ready = new Paragraph(getTranslation("workbook.work.finish"));
        ready.addClassNames(LumoUtility.Margin.NONE);
        Button submit = new Button(getTranslation(work.mode() == AssignmentMode.TOGETHER
                ? "workbook.work.submit.together" : "workbook.work.submit"), VaadinIcon.CHECK.create(),
                click -> confirmSubmit());
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE, ButtonVariant.LUMO_SUCCESS);
        submit.addClassNames(LumoUtility.AlignSelf.START);
        Div finish = box(LumoUtility.Background.SUCCESS_10, ready, submit);
        finish.addClassNames(LumoUtility.Margin.Top.MEDIUM);
        return finish;
    }

    private void confirmSubmit() {
        List<Step> answerable = current().content().steps().stream().filter(Step::answerable).toList();
        long unanswered = answerable.stream().filter(step -> {
            AnswerValue value = answers.get(step.id());
            return value == null || value.isEmpty();
        }).count();
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("workbook.work.submit.confirm.title"),
                unanswered == 0 ? getTranslation("workbook.work.submit.confirm.text")
                        : getTranslation("workbook.work.submit.confirm.text-unanswered", unanswered, answerable.size()),
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
        return work.partnerName() == null || work.partnerName().isBlank()
                ? getTranslation("workbook.work.your-partner") : work.partnerName();
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

    private static Paragraph notice(VaadinIcon icon, String message) {
        Paragraph notice = new Paragraph(message);
        notice.addComponentAsFirst(icon(icon));
        notice.addClassNames(LumoUtility.Margin.NONE, LumoUtility.Padding.SMALL, LumoUtility.BorderRadius.MEDIUM,
                LumoUtility.Background.PRIMARY_10, LumoUtility.FontSize.SMALL);
        return notice;
    }

    private static Div box(String background, Component... content) {
        Div box = new Div(content);
        box.addClassNames(background, LumoUtility.Padding.MEDIUM, LumoUtility.BorderRadius.MEDIUM,
                LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.XSMALL);
        return box;
    }

    /** What a person typed, shown as text with its line breaks. */
    private static Paragraph text(String typed) {
        Paragraph text = new Paragraph(typed);
        text.addClassNames(LumoUtility.Margin.NONE, LumoUtility.Whitespace.PRE_WRAP);
        return text;
    }

    private static Icon icon(VaadinIcon icon) {
        Icon shown = icon.create();
        shown.addClassNames(LumoUtility.IconSize.SMALL, LumoUtility.Margin.End.XSMALL);
        shown.getElement().setAttribute("aria-hidden", true);
        return shown;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("workbook.work.page-title", title);
    }
}
