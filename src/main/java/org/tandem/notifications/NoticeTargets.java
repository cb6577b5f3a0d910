package org.tandem.notifications;

import org.tandem.couples.ui.CoupleRoutes;
import org.tandem.couples.ui.CoupleRoutes.Tab;
import org.tandem.messages.ui.MessageRoutes;
import org.tandem.workbook.ui.WorkbookRoutes;

/**
 * The page each notification opens, made from the features' routes (decision 017). Where a feature does not publish
 * its routes to other features, the path is written here once, beside the route it must match.
 */
final class NoticeTargets {

    /** GoalRoutes.MY_GOALS: the partner's Goals page (goals.ui is not a named interface). */
    static final String MY_GOALS = "goals";
    /** BalanceRoutes.CHECK_IN without its parameter: one check-in (balance.ui is not a named interface). */
    private static final String CHECK_IN = "check-in/";
    /** A partner's start page: their assignments, the open check-ins' card and the couple's next session. */
    static final String MY_WORKBOOK = WorkbookRoutes.MY_WORKBOOK;

    private NoticeTargets() {}

    /** The partner's own page of one assignment. */
    static String myAssignment(long assignmentId) {
        return WorkbookRoutes.MY_WORKBOOK + "/" + assignmentId;
    }

    /** The therapist's review of one assignment, on the couple's Workbook tab. */
    static String review(long coupleId, long assignmentId) {
        return CoupleRoutes.href(coupleId, Tab.WORKBOOK) + "/" + assignmentId;
    }

    static String checkIn(long checkInId) {
        return CHECK_IN + checkInId;
    }

    static String coupleTab(long coupleId, Tab tab) {
        return CoupleRoutes.href(coupleId, tab);
    }

    /** The couple's Messages tab, where a therapist sees the three threads. */
    static String coupleMessages(long coupleId) {
        return CoupleRoutes.href(coupleId, Tab.MESSAGES);
    }

    /** The partner's Messages page with this thread of theirs open. */
    static String myThread(long threadId) {
        return MessageRoutes.myThreadHref(threadId);
    }
}
