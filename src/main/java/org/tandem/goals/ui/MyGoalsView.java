package org.tandem.goals.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tandem.accounts.Role;
import org.tandem.couples.CoupleService;
import org.tandem.couples.MyCouple;
import org.tandem.clinic.ClinicTime;
import org.tandem.goals.GoalService;
import org.tandem.goals.MyGoals;
import org.tandem.goals.TrackedGoal;

/**
 * A partner's goals, on a phone or a laptop: the couple's goals, their own (each with a share box that
 * says who will see it), and the goals their partner shares with them, read-only.
 */
@Route(GoalRoutes.MY_GOALS)
@RolesAllowed(Role.Names.CLIENT)
@Menu(order = 35, title = "menu.goals", icon = "vaadin:flag")
class MyGoalsView extends Main implements BeforeEnterObserver, HasDynamicTitle {


    private final CoupleService couples;
    private final GoalService goals;
    private final ClinicTime time;
    private @Nullable String partnerName;
    private GoalBoard board;

    MyGoalsView(CoupleService couples, GoalService goals, ClinicTime time) {
        this.time = time;
        this.couples = couples;
        this.goals = goals;
        this.board = new GoalBoard(goals, null, this::refresh, time);
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Padding.MEDIUM,
                LumoUtility.Gap.MEDIUM, LumoUtility.MaxWidth.SCREEN_MEDIUM, LumoUtility.BoxSizing.BORDER);
    }

    // Built on every visit, so that following the menu entry again shows the latest goals.
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        H2 title = new H2(getTranslation("goals.mine.title"));
        title.addClassNames(LumoUtility.Margin.NONE);
        add(title);
        Optional<MyCouple> couple = couples.myCouple();
        partnerName = couple.map(MyCouple::partnerName).orElse(null);
        board = new GoalBoard(goals, partnerName, this::refresh, time);
        if (couple.isEmpty()) {
            add(new Paragraph(getTranslation("goals.mine.no-couple")));
            return;
        }
        Paragraph intro = new Paragraph(getTranslation(partnerName == null ? "goals.mine.intro-alone"
                : "goals.mine.intro", partnerName));
        intro.addClassNames(LumoUtility.Margin.NONE, LumoUtility.TextColor.SECONDARY);
        MyGoals mine = goals.mine();
        add(intro, addForm(mine), board);
        show(mine);
    }

    private Details addForm(MyGoals mine) {
        List<GoalForm.Owner> owners = new ArrayList<>();
        owners.add(new GoalForm.Owner(mine.partnerId(), getTranslation("goals.form.for-me"),
                partnerName == null ? null : getTranslation("goals.share.label", partnerName),
                getTranslation("goals.share.off", partnerName == null ? "" : partnerName),
                getTranslation("goals.share.on", partnerName == null ? "" : partnerName)));
        owners.add(new GoalForm.Owner(null, getTranslation("goals.form.for-us"), null,
                getTranslation("goals.form.us-help"), getTranslation("goals.form.us-help")));
        return new GoalForm(owners, data -> goals.create(data), this::refresh, time.today())
                .collapsible(mine.ours().isEmpty() && mine.mine().isEmpty());
    }

    private void refresh() {
        show(goals.mine());
    }

    private void show(MyGoals mine) {
        List<TrackedGoal> all = new ArrayList<>(mine.ours());
        all.addAll(mine.mine());
        all.addAll(mine.partnersShared());
        board.clear(all);
        board.section("our-goals", getTranslation("goals.mine.ours"), mine.ours(),
                getTranslation("goals.mine.ours-empty"));
        board.section("my-goals", getTranslation("goals.mine.mine"), mine.mine(),
                getTranslation("goals.mine.mine-empty"));
        if (partnerName != null) {
            board.section("partners-goals", getTranslation("goals.mine.partners", partnerName), mine.partnersShared(),
                    getTranslation("goals.mine.partners-empty", partnerName));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("goals.mine.page-title");
    }
}
