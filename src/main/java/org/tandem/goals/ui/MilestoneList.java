package org.tandem.goals.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.tandem.clinic.ClinicTime;
import org.tandem.goals.GoalService;
import org.tandem.goals.Milestone;
import org.tandem.goals.TrackedGoal;

/** The milestones of a {@link GoalCard}, each with a box to tick; a reached one is celebrated on screen. */
final class MilestoneList extends Composite<UnorderedList> {

    private final GoalService goals;
    private final ClinicTime time;
    private TrackedGoal goal;

    MilestoneList(GoalService goals, TrackedGoal goal, ClinicTime time) {
        this.goals = goals;
        this.goal = goal;
        this.time = time;
        getContent().addClassNames(LumoUtility.ListStyleType.NONE, LumoUtility.Padding.NONE, LumoUtility.Margin.NONE,
                LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.XSMALL);
    }

    void show(TrackedGoal current) {
        goal = current;
        UnorderedList milestones = getContent();
        milestones.removeAll();
        current.milestones().forEach(milestone -> milestones.add(row(milestone)));
        if (current.milestones().isEmpty()) {
            milestones.add(new ListItem(GoalCard.quiet(getTranslation(current.canEdit()
                    ? "goals.milestones.empty-edit" : "goals.milestones.empty"))));
        }
    }

    private ListItem row(Milestone milestone) {
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
            GoalCard.error(this, "goals.error.refused");
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
}
