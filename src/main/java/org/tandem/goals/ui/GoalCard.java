package org.tandem.goals.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.tandem.accounts.StaleVersionException;
import org.tandem.clinic.ClinicTime;
import org.tandem.goals.GoalService;
import org.tandem.goals.GoalSharing;
import org.tandem.goals.GoalStatus;
import org.tandem.goals.GoalUpdate;
import org.tandem.goals.Milestone;
import org.tandem.goals.TrackedGoal;

/**
 * One goal on a card: what, why, first step, target date, progress, milestones to tick (celebrated on
 * screen), updates (newest first) and the status. Whoever may change the goal also gets the forms to add an
 * update and a milestone; its owner gets the share box, which says plainly who will see the goal (and, for a
 * goal from a module, that its answer is shared with it), or a sentence saying what decides that instead. The
 * card keeps what is typed in its forms when {@link #show} redraws it with newer data.
 */
final class GoalCard extends Section {

    private final GoalService goals;
    private final @Nullable String partnerName;
    private final Runnable refresh;
    private final Div top = new Div();
    private final UnorderedList milestones = new UnorderedList();
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
        this.partnerName = partnerName;
        this.refresh = refresh;
        setId("goal-" + goal.id());
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL,
                LumoUtility.Border.ALL, LumoUtility.BorderColor.CONTRAST_10, LumoUtility.BorderRadius.LARGE,
                LumoUtility.Padding.MEDIUM, LumoUtility.BoxSizing.BORDER);
        milestones.addClassNames(LumoUtility.ListStyleType.NONE, LumoUtility.Padding.NONE, LumoUtility.Margin.NONE,
                LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.XSMALL);
        updates.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL);
        top.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL,
                LumoUtility.AlignItems.START);
        buildMilestoneForm();
        buildUpdateForm();
        add(top, heading("goals.milestones"), milestones, milestoneForm, heading("goals.updates"), updateForm,
                updates);
        show(goal);
    }

    /** Redraws the card with the goal as it now stands; typed text in the forms stays. */
    void show(TrackedGoal current) {
        goal = current;
        top.removeAll();
        H4 what = new H4(current.what());
        what.addClassNames(LumoUtility.Margin.NONE, LumoUtility.FontSize.LARGE);
        Div badges = new Div(badge("goals.status." + current.status().name(), switch (current.status()) {
            case ACTIVE -> "";
            case ACHIEVED -> " success";
            case SET_ASIDE -> " contrast";
        }));
        badges.add(visibilityBadge(current));
        if (current.fromModule()) {
            badges.add(badge("goals.badge.from-module", " contrast"));
        }
        badges.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.XSMALL);
        top.add(what, badges);
        if (current.why() != null) {
            top.add(labelled("goals.why", current.why()));
        }
        if (current.firstStep() != null) {
            top.add(labelled("goals.first-step", current.firstStep()));
        }
        if (current.targetOn() != null) {
            top.add(labelled("goals.target", time.format(getLocale()).date(current.targetOn())));
        }
        top.add(progress(current));
        if (current.canShare()) {
            top.add(shareBox(current));
        } else if (current.mine()) {
            top.add(sharedBecause(current));
        }
        if (current.canEdit()) {
            top.add(statusSelect(current));
        }

        milestones.removeAll();
        current.milestones().forEach(milestone -> milestones.add(milestoneRow(milestone)));
        if (current.milestones().isEmpty()) {
            milestones.add(new ListItem(quiet(getTranslation(current.canEdit() ? "goals.milestones.empty-edit"
                    : "goals.milestones.empty"))));
        }
        milestoneForm.setVisible(current.canEdit());
        updateForm.setVisible(current.canEdit());

        updates.removeAll();
        current.updates().forEach(update -> updates.add(updateEntry(update)));
        if (current.updates().isEmpty()) {
            updates.add(quiet(getTranslation("goals.updates.empty")));
        }
    }

    private Component progress(TrackedGoal current) {
        ProgressBar bar = new ProgressBar(0, 100, current.progress());
        Span label = new Span(getTranslation("goals.progress", current.progress()));
        label.setId("goal-" + current.id() + "-progress");
        label.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        bar.getElement().setAttribute("aria-labelledby", label.getId().orElseThrow());
        if (current.status() == GoalStatus.ACHIEVED) {
            bar.addThemeName("success");
        }
        Div progress = new Div(label, bar);
        progress.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Width.FULL);
        return progress;
    }

    private Component visibilityBadge(TrackedGoal current) {
        if (current.coupleGoal()) {
            // Only the partner who set it in a mutual-reveal step, and the therapist, see it before both submit.
            return current.shared() ? badge("goals.badge.couple", "")
                    : partnerName == null ? badge("goals.badge.couple-after-both-therapist", " contrast")
                    : badge("goals.badge.couple-after-both", " contrast", partnerName);
        }
        if (partnerName == null) { // the therapist reads it
            return current.shared() ? badge("goals.badge.shared-by", "", current.ownerName())
                    : badge("goals.badge.private-to", " contrast", current.ownerName());
        }
        if (!current.mine()) {
            return badge("goals.badge.shared-by", "", current.ownerName());
        }
        if (current.shared()) {
            return badge("goals.badge.shared-with", "", partnerName);
        }
        return current.sharing() == GoalSharing.BOTH_SUBMITTED ? badge("goals.badge.private-until-both", " contrast")
                : badge("goals.badge.private", " contrast");
    }

    private Component shareBox(TrackedGoal current) {
        String other = partnerName == null ? "" : partnerName;
        String helper = current.sharing() == GoalSharing.ANSWER ? "goals.share.answer-" : "goals.share.";
        Checkbox share = new Checkbox(getTranslation("goals.share.label", other), current.shared());
        share.setHelperText(getTranslation(helper + (current.shared() ? "on" : "off"), other));
        share.addValueChangeListener(change -> {
            if (change.getValue() != goal.shared()) {
                change(() -> goals.setShared(goal.id(), goal.version(), change.getValue()));
            }
        });
        return share;
    }

    /** Why the owner has no share box: the goal is seen as the answer it came from is, for a reason said here. */
    private Component sharedBecause(TrackedGoal current) {
        String other = partnerName == null ? "" : partnerName;
        String key = switch (current.sharing()) {
            case WHOLE_MODULE -> "goals.share.whole-module";
            case NO_SECRETS -> "goals.share.no-secrets";
            case BOTH_SUBMITTED -> current.shared() ? "goals.share.revealed" : "goals.share.after-both";
            case COUPLE, OWN_CHOICE, ANSWER -> "goals.share.on";
        };
        return quiet(getTranslation(key, other));
    }

    private Component statusSelect(TrackedGoal current) {
        Select<GoalStatus> status = new Select<>();
        status.setLabel(getTranslation("goals.status"));
        status.setItems(GoalStatus.values());
        status.setItemLabelGenerator(value -> getTranslation("goals.status." + value.name()));
        status.setValue(current.status());
        status.addValueChangeListener(change -> {
            if (change.getValue() != null && change.getValue() != goal.status()) {
                change(() -> goals.setStatus(goal.id(), goal.version(), change.getValue()));
            }
        });
        return status;
    }

    private ListItem milestoneRow(Milestone milestone) {
        Checkbox tick = new Checkbox(milestone.title(), milestone.reached());
        tick.setReadOnly(milestone.reached() || !goal.canEdit());
        ListItem row = new ListItem(tick);
        row.setId("milestone-" + milestone.id());
        row.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.AlignItems.BASELINE,
                LumoUtility.Gap.SMALL, LumoUtility.BorderRadius.MEDIUM, LumoUtility.Padding.Horizontal.XSMALL);
        if (milestone.reached()) {
            row.add(reachedNote(milestone.reachedAt(), milestone.reachedBy()));
            row.addClassNames(LumoUtility.Background.SUCCESS_10);
        }
        tick.addValueChangeListener(change -> {
            if (change.getValue() && !tick.isReadOnly()) {
                reach(milestone, tick, row);
            }
        });
        return row;
    }

    private void reach(Milestone milestone, Checkbox tick, ListItem row) {
        boolean last;
        try {
            last = goals.reachMilestone(milestone.id());
        } catch (AccessDeniedException refused) {
            error("goals.error.refused");
            tick.setValue(false);
            return;
        }
        tick.setReadOnly(true);
        row.add(reachedNote(time.nowAtClinic(), null));
        row.addClassNames(LumoUtility.Background.SUCCESS_10);
        // A short bounce draws the eye to the ticked milestone, unless the reader asked for less motion.
        row.getElement().executeJs("if (!window.matchMedia('(prefers-reduced-motion: reduce)').matches) {"
                + "this.animate([{transform: 'scale(1)'}, {transform: 'scale(1.05)'}, {transform: 'scale(1)'}],"
                + " {duration: 700, easing: 'ease-out'}); }");
        Notification notification = Notification.show(last
                        ? getTranslation("goals.milestone.celebrate-last", goal.what())
                        : getTranslation("goals.milestone.celebrate", milestone.title()),
                6000, Notification.Position.BOTTOM_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private Span reachedNote(@Nullable OffsetDateTime at, @Nullable String by) {
        String when = at == null ? "" : time.format(getLocale()).date(at);
        Span note = new Span(by == null ? getTranslation("goals.milestone.reached", when)
                : getTranslation("goals.milestone.reached-by", when, by));
        note.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SUCCESS);
        return note;
    }

    private void buildMilestoneForm() {
        milestoneTitle.setLabel(getTranslation("goals.milestone.new"));
        milestoneTitle.setHelperText(getTranslation("goals.milestone.new.helper"));
        milestoneTitle.addClassNames(LumoUtility.Flex.GROW);
        Button add = new Button(getTranslation("goals.milestone.add"), click -> {
            milestoneTitle.setInvalid(false);
            if (save(() -> goals.addMilestone(goal.id(), milestoneTitle.getValue()), milestoneTitle, milestoneTitle)) {
                milestoneTitle.clear();
            }
        });
        milestoneForm.setSummaryText(getTranslation("goals.milestone.add-summary"));
        milestoneForm.add(formRow(milestoneTitle, add));
    }

    private void buildUpdateForm() {
        updateText.setLabel(getTranslation("goals.update.text"));
        updateText.setWidthFull();
        updateProgress.setLabel(getTranslation("goals.update.progress"));
        updateProgress.setHelperText(getTranslation("goals.update.progress.helper"));
        updateProgress.setMin(0);
        updateProgress.setMax(100);
        updateProgress.setStep(5);
        updateProgress.setStepButtonsVisible(true);
        Button add = new Button(getTranslation("goals.update.add"), click -> {
            updateText.setInvalid(false);
            updateProgress.setInvalid(false);
            if (save(() -> goals.addUpdate(goal.id(), goal.version(), updateText.getValue(), updateProgress.getValue()),
                    updateText, updateProgress)) {
                updateText.clear();
                updateProgress.clear();
            }
        });
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        updateForm.setSummaryText(getTranslation("goals.update.add-summary"));
        updateForm.add(formRow(updateText, updateProgress, add));
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

    /** Saves through {@code call} and redraws; a refusal is shown beside the fields and nothing was written. */
    private boolean save(Supplier<?> call, HasValidation textField, HasValidation secondField) {
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
            for (ConstraintViolation<?> violation : refused.getConstraintViolations()) {
                HasValidation field = violation.getPropertyPath().toString().endsWith(".progress") ? secondField
                        : textField;
                field.setErrorMessage(violation.getMessage());
                field.setInvalid(true);
            }
        } catch (IllegalArgumentException noWords) {
            textField.setErrorMessage(getTranslation("goals.error.no-words"));
            textField.setInvalid(true);
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
        Notification.show(getTranslation(key), 6000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private Span badge(String key, String theme, @Nullable Object... args) {
        Span badge = new Span(getTranslation(key, args));
        badge.getElement().getThemeList().add("badge" + theme);
        return badge;
    }

    private Paragraph labelled(String key, String text) {
        Span label = new Span(getTranslation(key));
        label.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        Paragraph paragraph = new Paragraph(label, new Span(" " + text));
        paragraph.addClassNames(LumoUtility.Margin.NONE, LumoUtility.Whitespace.PRE_LINE);
        return paragraph;
    }

    private H4 heading(String key) {
        H4 heading = new H4(getTranslation(key));
        heading.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.Margin.Bottom.NONE, LumoUtility.Margin.Top.SMALL,
                LumoUtility.TextColor.SECONDARY);
        return heading;
    }

    private static Paragraph quiet(String text) {
        Paragraph paragraph = new Paragraph(text);
        paragraph.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.NONE, LumoUtility.FontSize.SMALL);
        return paragraph;
    }
}
