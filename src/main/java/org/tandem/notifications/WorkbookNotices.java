package org.tandem.notifications;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tandem.notifications.Audience.Couple;
import org.tandem.workbook.FeedbackGiven;
import org.tandem.workbook.ModuleAssigned;
import org.tandem.workbook.WorkSubmitted;

/**
 * A module assigned (to both partners), an answer set submitted (to the couple's therapists, never to the other
 * partner) and feedback given (to the partner whose work it is; both for answers written together). Synchronous, in
 * the act's transaction: an act that rolls back notifies no one.
 */
@Component
class WorkbookNotices {

    private final Audience audience;
    private final AudienceRepository rows;
    private final Notifications notifications;

    WorkbookNotices(Audience audience, AudienceRepository rows, Notifications notifications) {
        this.audience = audience;
        this.rows = rows;
        this.notifications = notifications;
    }

    @EventListener
    void on(ModuleAssigned assigned) {
        Couple couple = audience.of(assigned.clinicId(), assigned.coupleId());
        notifications.send(couple.letters(NotificationKind.MODULE_ASSIGNED,
                        title(assigned.clinicId(), assigned.assignmentId()), assigned.assignedBy())
                .to(couple.partnerAccounts(), NoticeTargets.myAssignment(assigned.assignmentId())).list());
    }

    @EventListener
    void on(WorkSubmitted submitted) {
        Couple couple = audience.of(submitted.clinicId(), submitted.coupleId());
        notifications.send(couple.letters(NotificationKind.MODULE_SUBMITTED,
                        title(submitted.clinicId(), submitted.assignmentId()), submitted.submittedBy())
                .to(couple.therapists(), NoticeTargets.review(submitted.coupleId(), submitted.assignmentId()))
                .list());
    }

    @EventListener
    void on(FeedbackGiven given) {
        Couple couple = audience.of(given.clinicId(), given.coupleId());
        Long partnerId = given.partnerId();
        notifications.send(couple.letters(NotificationKind.FEEDBACK_GIVEN,
                        title(given.clinicId(), given.assignmentId()), given.givenBy())
                .to(partnerId == null ? couple.partnerAccounts() : couple.accountOf(partnerId),
                        NoticeTargets.myAssignment(given.assignmentId()))
                .list());
    }

    private String title(long clinicId, long assignmentId) {
        return rows.moduleTitle(clinicId, assignmentId).orElse("");
    }
}
