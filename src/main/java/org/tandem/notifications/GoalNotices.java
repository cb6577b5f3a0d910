package org.tandem.notifications;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tandem.couples.ui.CoupleRoutes.Tab;
import org.tandem.goals.MilestoneReached;
import org.tandem.notifications.Audience.Couple;

/**
 * A goal's milestone reached: to those the goals' rules let see the goal (both partners of a shared or couple goal,
 * only the owner of a private one) and the couple's therapists, but the person who ticked it.
 */
@Component
class GoalNotices {

    private final Audience audience;
    private final Notifications notifications;

    GoalNotices(Audience audience, Notifications notifications) {
        this.audience = audience;
        this.notifications = notifications;
    }

    @EventListener
    void on(MilestoneReached reached) {
        Couple couple = audience.of(reached.clinicId(), reached.coupleId());
        @Nullable Long keeper = reached.keeperPartnerId();
        List<Long> partners = reached.bothPartnersSee() ? couple.partnerAccounts()
                : keeper == null ? List.of() : couple.accountOf(keeper);
        notifications.send(couple.letters(NotificationKind.GOAL_MILESTONE_REACHED, "", reached.reachedBy())
                .to(partners, NoticeTargets.MY_GOALS)
                .to(couple.therapists(), NoticeTargets.coupleTab(reached.coupleId(), Tab.GOALS))
                .list());
    }
}
