package org.tandem.goals.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.tandem.clinic.ClinicTime;
import org.tandem.goals.GoalService;
import org.tandem.goals.TrackedGoal;

/**
 * The goals of a page in titled sections of cards. Redrawing keeps each goal's card (and what is typed in
 * it), so a refresh after someone else's change loses nothing the reader wrote.
 */
final class GoalBoard extends Div {

    private final GoalService goals;
    private final @Nullable String partnerName;
    private final Runnable refresh;
    private final ClinicTime time;
    private final Map<Long, GoalCard> cards = new HashMap<>();

    GoalBoard(GoalService goals, @Nullable String partnerName, Runnable refresh, ClinicTime time) {
        this.goals = goals;
        this.time = time;
        this.partnerName = partnerName;
        this.refresh = refresh;
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.LARGE);
    }

    /** Starts a redraw: the sections added until the next {@code clear} replace the ones shown. */
    void clear(List<TrackedGoal> all) {
        Set<Long> shown = all.stream().map(TrackedGoal::id).collect(Collectors.toSet());
        cards.keySet().retainAll(shown);
        removeAll();
    }

    void section(String id, String title, List<TrackedGoal> sectionGoals, String empty) {
        H3 heading = new H3(title);
        heading.addClassNames(LumoUtility.FontSize.XLARGE, LumoUtility.Margin.NONE);
        Section section = new Section(heading);
        section.setId(id);
        section.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.MEDIUM);
        for (TrackedGoal goal : sectionGoals) {
            GoalCard card = cards.get(goal.id());
            if (card == null) {
                card = new GoalCard(goals, goal, partnerName, refresh, time);
                cards.put(goal.id(), card);
            } else {
                card.show(goal);
            }
            section.add(card);
        }
        if (sectionGoals.isEmpty()) {
            Paragraph none = new Paragraph(empty);
            none.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.NONE);
            section.add(none);
        }
        add(section);
    }
}
