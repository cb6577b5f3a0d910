package org.tandem.goals.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.tandem.clinic.ClinicTime;
import org.tandem.goals.GoalService;
import org.tandem.goals.GoalSharing;
import org.tandem.goals.GoalStatus;
import org.tandem.goals.TrackedGoal;

/**
 * The top of a {@link GoalCard}: what, its badges, why, first step, target date and progress; the status for
 * whoever may change the goal; for its owner the share box, which says plainly who will see the goal (and, for
 * a goal from a module, that its answer is shared with it), or a sentence saying what decides that instead.
 */
final class GoalHeader extends Composite<Div> {

    private final GoalService goals;
    private final ClinicTime time;
    private final @Nullable String partnerName;
    private final Consumer<Supplier<TrackedGoal>> change;
    private TrackedGoal goal;

    /** @param change runs a change of the goal and shows its outcome (see {@link GoalCard}) */
    GoalHeader(GoalService goals, TrackedGoal goal, @Nullable String partnerName,
            Consumer<Supplier<TrackedGoal>> change, ClinicTime time) {
        this.goals = goals;
        this.goal = goal;
        this.partnerName = partnerName;
        this.change = change;
        this.time = time;
        getContent().addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL,
                LumoUtility.AlignItems.START);
    }

    void show(TrackedGoal current) {
        goal = current;
        Div top = getContent();
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
        share.addValueChangeListener(changed -> {
            if (changed.getValue() != goal.shared()) {
                change.accept(() -> goals.setShared(goal.id(), goal.version(), changed.getValue()));
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
        return GoalCard.quiet(getTranslation(key, other));
    }

    private Component statusSelect(TrackedGoal current) {
        Select<GoalStatus> status = new Select<>();
        status.setLabel(getTranslation("goals.status"));
        status.setItems(GoalStatus.values());
        status.setItemLabelGenerator(value -> getTranslation("goals.status." + value.name()));
        status.setValue(current.status());
        status.addValueChangeListener(changed -> {
            if (changed.getValue() != null && changed.getValue() != goal.status()) {
                change.accept(() -> goals.setStatus(goal.id(), goal.version(), changed.getValue()));
            }
        });
        return status;
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
}
