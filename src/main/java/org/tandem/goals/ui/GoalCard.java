package org.tandem.goals.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.validation.ConstraintViolationException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.tandem.accounts.StaleVersionException;
import org.tandem.clinic.ClinicTime;
import org.tandem.goals.GoalService;
import org.tandem.goals.GoalUpdate;
import org.tandem.goals.GoalUpdateData;
import org.tandem.goals.MilestoneData;
import org.tandem.goals.TrackedGoal;
import org.tandem.shell.FormConstraints;

/**
 * One goal on a card: its {@link GoalHeader} (what, why, first step, target date, progress, sharing and
 * status), its {@link MilestoneList} (ticked and celebrated on screen) and its updates (newest first). Whoever
 * may change the goal also gets the forms to add an update and a milestone. The card keeps what is typed in
 * its forms when {@link #show} redraws it with newer data.
 */
final class GoalCard extends Section {

    private final GoalService goals;
    private final Runnable refresh;
    private final GoalHeader top;
    private final MilestoneList milestones;
    private final Details milestoneForm = new Details();
    private final TextField milestoneTitle = new TextField();
    private final Details updateForm = new Details();
    private final TextArea updateText = new TextArea();
    private final IntegerField updateProgress = new IntegerField();
    private final Div updates = new Div();
    private final ClinicTime time;
    private TrackedGoal goal;

    /**
     * @param partnerName the reader's partner (whom the share box names), null for a therapist
     * @param refresh redraws the whole page after someone else's change was detected
     */
    GoalCard(GoalService goals, TrackedGoal goal, @Nullable String partnerName, Runnable refresh, ClinicTime time) {
        this.goals = goals;
        this.time = time;
        this.goal = goal;
        this.refresh = refresh;
        setId("goal-" + goal.id());
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL,
                LumoUtility.Border.ALL, LumoUtility.BorderColor.CONTRAST_10, LumoUtility.BorderRadius.LARGE,
                LumoUtility.Padding.MEDIUM, LumoUtility.BoxSizing.BORDER);
        top = new GoalHeader(goals, goal, partnerName, this::change, time);
        milestones = new MilestoneList(goals, goal, time);
        updates.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL);
        buildMilestoneForm();
        buildUpdateForm();
        add(top, heading("goals.milestones"), milestones, milestoneForm, heading("goals.updates"), updateForm,
                updates);
        show(goal);
    }

    /** Redraws the card with the goal as it now stands; typed text in the forms stays. */
    void show(TrackedGoal current) {
        goal = current;
        top.show(current);
        milestones.show(current);
        milestoneForm.setVisible(current.canEdit());
        updateForm.setVisible(current.canEdit());

        updates.removeAll();
        current.updates().forEach(update -> updates.add(updateEntry(update)));
        if (current.updates().isEmpty()) {
            updates.add(quiet(getTranslation("goals.updates.empty")));
        }
    }

    private void buildMilestoneForm() {
        milestoneTitle.setLabel(getTranslation("goals.milestone.new"));
        milestoneTitle.setHelperText(getTranslation("goals.milestone.new.helper"));
        milestoneTitle.setRequiredIndicatorVisible(true);
        milestoneTitle.addClassNames(LumoUtility.Flex.GROW);
        Binder<MilestoneForm> binder = new Binder<>();
        binder.forField(milestoneTitle).withValidator(FormConstraints.of(MilestoneData.class, "title"))
                .bind(MilestoneForm::title, MilestoneForm::title);
        binder.setBean(new MilestoneForm());
        Button add = new Button(getTranslation("goals.milestone.add"), click -> {
            if (binder.validate().isOk() && save(() -> goals.addMilestone(goal.id(), binder.getBean().toData()),
                    Map.of("title", milestoneTitle), milestoneTitle)) {
                binder.setBean(new MilestoneForm());
            }
        });
        milestoneForm.setSummaryText(getTranslation("goals.milestone.add-summary"));
        milestoneForm.add(formRow(milestoneTitle, add));
    }

    private void buildUpdateForm() {
        updateText.setLabel(getTranslation("goals.update.text"));
        updateText.setRequiredIndicatorVisible(true);
        updateText.setWidthFull();
        updateProgress.setLabel(getTranslation("goals.update.progress"));
        updateProgress.setHelperText(getTranslation("goals.update.progress.helper"));
        updateProgress.setMin(0);
        updateProgress.setMax(100);
        updateProgress.setStep(5);
        updateProgress.setStepButtonsVisible(true);
        Binder<UpdateForm> binder = new Binder<>();
        binder.forField(updateText).withValidator(FormConstraints.of(GoalUpdateData.class, "text"))
                .bind(UpdateForm::text, UpdateForm::text);
        // The record's range alone decides (the field's min, max and step only shape its stepper).
        binder.forField(updateProgress).withDefaultValidator(false)
                .withValidator(FormConstraints.of(GoalUpdateData.class, "progress"))
                .bind(UpdateForm::progress, UpdateForm::progress);
        binder.setBean(new UpdateForm());
        Button add = new Button(getTranslation("goals.update.add"), click -> {
            if (binder.validate().isOk() && save(() -> goals.addUpdate(goal.id(), goal.version(),
                    binder.getBean().toData()), Map.of("text", updateText, "progress", updateProgress), updateText)) {
                binder.setBean(new UpdateForm());
            }
        });
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        updateForm.setSummaryText(getTranslation("goals.update.add-summary"));
        updateForm.add(formRow(updateText, updateProgress, add));
    }

    /** What the milestone form holds while it is filled in. */
    static final class MilestoneForm {
        private String title = "";

        String title() { return title; }
        void title(@Nullable String value) { title = value == null ? "" : value; }

        MilestoneData toData() {
            return new MilestoneData(title);
        }
    }

    /** What the update form holds while it is filled in. */
    static final class UpdateForm {
        private String text = "";
        private @Nullable Integer progress;

        String text() { return text; }
        void text(@Nullable String value) { text = value == null ? "" : value; }
        @Nullable Integer progress() { return progress; }
        void progress(@Nullable Integer value) { progress = value; }

        GoalUpdateData toData() {
            return new GoalUpdateData(text, progress);
        }
    }

    private Component updateEntry(GoalUpdate update) {
        String when = time.format(getLocale()).date(update.createdAt());
        Span meta = new Span(update.progress() == null ? getTranslation("goals.update.meta", update.author(), when)
                : getTranslation("goals.update.meta-progress", update.author(), when, update.progress()));
        meta.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        Paragraph body = new Paragraph(update.body());
        body.addClassNames(LumoUtility.Margin.NONE, LumoUtility.Whitespace.PRE_LINE);
        Div entry = new Div(meta, body);
        entry.addClassNames(LumoUtility.Border.LEFT, LumoUtility.BorderColor.CONTRAST_20, LumoUtility.Padding.Left.SMALL);
        return entry;
    }

    /**
     * Saves through {@code call} and redraws; a refusal is shown beside the field of the record component it names
     * (an update or milestone of only control characters beside {@code wordsField}), and nothing was written.
     */
    private boolean save(Supplier<?> call, Map<String, ? extends HasValidation> fields, HasValidation wordsField) {
        try {
            return attempt(call).map(saved -> {
                if (saved instanceof TrackedGoal current) {
                    show(current);
                } else {
                    refresh.run();
                }
                return true;
            }).orElse(false);
        } catch (ConstraintViolationException refused) {
            FormConstraints.show(refused, fields);
        } catch (IllegalArgumentException noWords) {
            FormConstraints.show(wordsField, getTranslation("goals.error.no-words"));
        }
        return false;
    }

    private void change(Supplier<TrackedGoal> call) {
        attempt(call).ifPresent(this::show);
    }

    /**
     * The result of {@code call}; nothing when someone else changed the goal meanwhile or the reader may no
     * longer change it: that is said, and the page redrawn with what now stands.
     */
    private <T> Optional<T> attempt(Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (StaleVersionException raced) {
            error("goals.error.conflict");
        } catch (AccessDeniedException refused) {
            error("goals.error.refused");
        } catch (IllegalStateException decidedElsewhere) { // e.g. the whole module was shared in another tab
            error("goals.error.sharing-changed");
        }
        refresh.run();
        return Optional.empty();
    }

    private static Div formRow(Component... fields) {
        Div row = new Div(fields);
        row.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.AlignItems.BASELINE,
                LumoUtility.Gap.SMALL);
        return row;
    }

    private void error(String key) {
        error(this, key);
    }

    /** Says in the middle of the screen that a change was not made, and why. */
    static void error(Component host, String key) {
        Notification.show(host.getTranslation(key), 6000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private H4 heading(String key) {
        H4 heading = new H4(getTranslation(key));
        heading.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.Margin.Bottom.NONE, LumoUtility.Margin.Top.SMALL,
                LumoUtility.TextColor.SECONDARY);
        return heading;
    }

    static Paragraph quiet(String text) {
        Paragraph paragraph = new Paragraph(text);
        paragraph.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.NONE, LumoUtility.FontSize.SMALL);
        return paragraph;
    }
}
