package org.tandem.goals.ui;

/**
 * The goals feature's routes, the one place their URLs are written; a couple's Goals tab is
 * {@code CoupleRoutes.GOALS}.
 */
public final class GoalRoutes {

    public static final String MY_GOALS = "goals";

    private GoalRoutes() {}
}
