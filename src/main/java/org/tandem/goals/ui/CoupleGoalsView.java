package org.tandem.goals.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import org.tandem.accounts.Role;
import org.tandem.couples.CoupleHeading;
import org.tandem.couples.ui.CoupleLayout;
import org.tandem.couples.ui.CoupleRoutes;
import org.tandem.couples.ui.CoupleTab;
import org.tandem.clinic.ClinicTime;
import org.tandem.goals.CoupleGoals;
import org.tandem.goals.GoalService;
import org.tandem.goals.PartnerGoals;
import org.tandem.goals.TrackedGoal;

/**
 * A couple's goals, as their therapist sees them: the couple's, then each partner's (private ones too),
 * with progress, milestones and updates. The therapist adds goals, milestones and updates here.
 */
@Route(value = CoupleRoutes.GOALS, layout = CoupleLayout.class)
@RolesAllowed(Role.Names.THERAPIST)
class CoupleGoalsView extends Div implements CoupleTab, HasDynamicTitle {

    private final GoalService goals;
    private final ClinicTime time;
    private final GoalBoard board;
    private final Paragraph empty = new Paragraph();
    private long coupleId;
    private String names = "";

    CoupleGoalsView(GoalService goals, ClinicTime time) {
        this.time = time;
        this.goals = goals;
        this.board = new GoalBoard(goals, null, this::refresh, time);
        empty.setText(getTranslation("goals.couple.empty"));
        empty.addClassNames(LumoUtility.Border.ALL, LumoUtility.BorderRadius.LARGE, LumoUtility.Padding.LARGE,
                LumoUtility.BorderColor.CONTRAST_10, LumoUtility.Background.CONTRAST_5, LumoUtility.Margin.NONE);
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.MEDIUM,
                LumoUtility.MaxWidth.SCREEN_LARGE, LumoUtility.BoxSizing.BORDER);
    }

    @Override
    public void show(CoupleHeading couple) {
        coupleId = couple.coupleId();
        names = couple.names();
        CoupleGoals all = goals.ofCouple(coupleId);
        removeAll();
        add(addForm(all), empty, board);
        show(all);
    }

    private Details addForm(CoupleGoals all) {
        List<GoalForm.Owner> owners = new ArrayList<>();
        owners.add(new GoalForm.Owner(null, getTranslation("goals.form.for-couple"), null,
                getTranslation("goals.form.couple-help"), getTranslation("goals.form.couple-help")));
        for (PartnerGoals partner : all.partners()) {
            String other = all.partners().stream().filter(p -> p.partnerId() != partner.partnerId())
                    .map(PartnerGoals::name).findFirst().orElse("");
            owners.add(new GoalForm.Owner(partner.partnerId(), partner.name(),
                    getTranslation("goals.form.therapist-share", other),
                    getTranslation("goals.form.therapist-private-help", partner.name()),
                    getTranslation("goals.form.therapist-shared-help", partner.name(), other)));
        }
        return new GoalForm(owners, data -> goals.create(coupleId, data), this::refresh, time.today()).collapsible(all.isEmpty());
    }

    private void refresh() {
        show(goals.ofCouple(coupleId));
    }

    private void show(CoupleGoals all) {
        List<TrackedGoal> every = new ArrayList<>(all.coupleGoals());
        all.partners().forEach(partner -> every.addAll(partner.goals()));
        empty.setVisible(all.isEmpty());
        board.clear(every);
        board.section("couple-goals", getTranslation("goals.couple.section"), all.coupleGoals(),
                getTranslation("goals.couple.section-empty"));
        for (PartnerGoals partner : all.partners()) {
            board.section("partner-goals-" + partner.partnerId(),
                    getTranslation("goals.partner.section", partner.name()), partner.goals(),
                    getTranslation("goals.partner.section-empty", partner.name()));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("goals.couple.page-title", names);
    }
}
