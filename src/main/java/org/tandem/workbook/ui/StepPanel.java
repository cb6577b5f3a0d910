package org.tandem.workbook.ui;

import static org.tandem.workbook.ui.WorkPieces.box;
import static org.tandem.workbook.ui.WorkPieces.notice;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.tandem.clinic.ClinicTime;
import org.tandem.shell.RetryingSave;
import org.tandem.accounts.RefusedException;
import org.tandem.accounts.StaleVersionException;
import org.tandem.workbook.Answer;
import org.tandem.workbook.AnswerValue;
import org.tandem.workbook.AssignmentMode;
import org.tandem.workbook.MyWork;
import org.tandem.workbook.MyWorkbookService;
import org.tandem.workbook.Step;
import org.tandem.workbook.WorkSubmittedException;

/**
 * One answerable step of a partner's work, shown under the step's input: the answer as last saved (its
 * version, so that a save that raced another edit is caught), the save status, the step's share switch,
 * the other partner's answer and the therapist's feedback. {@link WorkView} makes one per step. While the
 * database cannot be reached, the answer stays in the input, "not saved yet — retrying" shows, and the page tries
 * again with what is typed by then.
 */
class StepPanel extends StepAside {

    private final MyWork work;
    private final Step step;
    private final String partner;
    private final MyWorkbookService workbook;
    private final ClinicTime time;
    private final Consumer<AnswerValue> showInInput;
    private final Runnable submittedMeanwhile;
    private final @Nullable Checkbox shareBox;
    private final RetryingSave retrying = new RetryingSave(this::retrying);

    private int version;
    private @Nullable AnswerValue answer;
    private boolean shared;
    private boolean sharedAll;

    /**
     * @param showInInput        puts a value into the step's input without saving it (after a raced save)
     * @param submittedMeanwhile called when the answers turn out to be submitted already (the page reloads)
     */
    StepPanel(MyWork work, Step step, MyWorkbookService workbook, ClinicTime time, Consumer<AnswerValue> showInInput,
            Runnable submittedMeanwhile) {
        this.work = work;
        this.step = step;
        this.partner = WorkPieces.partner(this, work);
        this.workbook = workbook;
        this.time = time;
        this.showInInput = showInInput;
        this.submittedMeanwhile = submittedMeanwhile;
        Answer mine = work.myAnswers().get(step.id());
        if (mine != null) {
            version = mine.version();
            answer = mine.value();
            shared = mine.shared();
        }
        sharedAll = work.sharedAll();
        if (work.submitted()) {
            hideStatus();
        }
        shareBox = work.mode() == AssignmentMode.SEPARATE && !step.mutualReveal() ? shareBox() : null;
        if (work.mode() == AssignmentMode.SEPARATE) {
            add(shareBox != null ? shareBox : StepAside.note(getTranslation("workbook.work.share.after-both", partner)));
            Answer theirs = work.partnerAnswers().get(step.id());
            if (theirs != null) {
                add(partnersAnswer(theirs));
            } else if (work.waitingForReveal().contains(step.id())) {
                add(notice(VaadinIcon.EYE_SLASH, getTranslation("workbook.work.reveal.waiting", partner)));
            }
        }
        work.feedback().stream().filter(given -> step.id().equals(given.stepId()))
                .forEach(given -> add(WorkPieces.feedback(this, getLocale(), given, false, time)));
        showSharing();
    }

    /** The answer as this page knows it (typed, or loaded); null when none was given. */
    @Nullable AnswerValue answer() {
        return answer;
    }

    /** The partner changed the answer in the input: it is saved now. */
    void answered(AnswerValue value) {
        answer = value;
        retrying.run(this::saveLatest);
    }

    /** Saves the answer as typed now (a retry after the database was away saves the latest text). */
    private void saveLatest() {
        AnswerValue latest = answer;
        if (latest != null) {
            save(latest);
        }
    }

    /** The whole module was shared or taken back: the step's own switch follows. */
    void setSharedAll(boolean sharedAll) {
        this.sharedAll = sharedAll;
        showSharing();
    }

    private Checkbox shareBox() {
        Checkbox box = new Checkbox(getTranslation("workbook.work.share", partner));
        box.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                share(change.getValue());
            }
        });
        return box;
    }

    private Div partnersAnswer(Answer theirs) {
        Span heading = new Span(getTranslation("workbook.work.partner-answer", partner));
        heading.addClassNames(LumoUtility.FontWeight.SEMIBOLD, LumoUtility.FontSize.SMALL);
        Div partnerAnswer = box(LumoUtility.Background.CONTRAST_5, heading, new AnswerText(step, theirs.value(), time));
        partnerAnswer.addClassNames("partner-answer");
        return partnerAnswer;
    }

    /** The share switch as the policy, the whole-module share and the answer's own share make it. */
    private void showSharing() {
        Checkbox box = shareBox;
        if (box == null) {
            return;
        }
        if (work.noSecrets()) {
            boolean writtenEarlier = !shared && version > 0;
            box.setValue(!writtenEarlier);
            box.setEnabled(false);
            box.setHelperText(getTranslation(writtenEarlier ? "workbook.work.share.no-secrets-earlier"
                    : "workbook.work.share.no-secrets", partner));
        } else if (sharedAll) {
            box.setValue(true);
            box.setEnabled(false);
            box.setHelperText(getTranslation("workbook.work.share.all-on", partner));
        } else {
            box.setValue(shared);
            box.setEnabled(true);
            box.setHelperText(getTranslation(shared ? "workbook.work.share.on" : "workbook.work.share.off", partner));
        }
    }

    private void share(boolean share) {
        try {
            workbook.shareAnswer(work.workId(), step.id(), share);
            shared = share;
            // Sharing a step not answered yet stores an empty answer (version 1) to keep the choice.
            version = Math.max(version, 1);
        } catch (AccessDeniedException | IllegalStateException refused) {
            notSaved(getTranslation("workbook.work.save.refused"));
        }
        showSharing();
    }

    private void save(AnswerValue value) {
        try {
            Answer saved = workbook.saveAnswer(work.workId(), step.id(), version, value);
            version = saved.version();
            shared = saved.shared();
            showSharing();
            saved();
        } catch (RefusedException rejected) {
            notSaved(getTranslation(rejected.messageKey()));
        } catch (StaleVersionException conflict) {
            raced(value, conflict.current(Answer.class));
        } catch (WorkSubmittedException submitted) {
            submittedMeanwhile.run();
        } catch (AccessDeniedException refused) {
            notSaved(getTranslation("workbook.work.save.refused"));
        }
    }

    /** Someone saved this answer first: theirs goes into the input, and what this partner wrote stays in view. */
    private void raced(AnswerValue mine, Answer theirs) {
        version = theirs.version();
        shared = theirs.shared();
        if (theirs.value().isEmpty()) {
            save(mine); // only a share was recorded: there is no text of theirs to lose
            return;
        }
        showInInput.accept(theirs.value());
        answer = theirs.value();
        notSaved(getTranslation("workbook.work.save.conflict"));

        Paragraph what = new Paragraph(work.mode() == AssignmentMode.TOGETHER
                ? getTranslation("workbook.work.conflict.partner", partner)
                : getTranslation("workbook.work.conflict.elsewhere"));
        what.addClassNames(LumoUtility.Margin.NONE, LumoUtility.FontWeight.SEMIBOLD);
        Button useMine = new Button(getTranslation("workbook.work.conflict.use-mine"), click -> {
            showInInput.accept(mine);
            answer = mine;
            retrying.run(this::saveLatest);
        });
        Button keepTheirs = new Button(getTranslation("workbook.work.conflict.keep"), click -> saved());
        keepTheirs.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div buttons = new Div(keepTheirs, useMine);
        buttons.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.SMALL);
        Div theirsShown = box(LumoUtility.Background.BASE, new AnswerText(step, theirs.value(), time));
        theirsShown.addClassNames("conflict-theirs");
        Div mineShown = box(LumoUtility.Background.BASE, new AnswerText(step, mine, time));
        mineShown.addClassNames("conflict-mine");
        trouble(what, StepAside.note(getTranslation("workbook.work.conflict.now")), theirsShown,
                StepAside.note(getTranslation("workbook.work.conflict.yours")), mineShown, buttons);
    }
}
