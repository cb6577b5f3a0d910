package org.tandem.couples.ui;

/**
 * The couples feature's routes, the one place their URLs are written: other features link to a couple with
 * {@link #href(long, Tab)} and declare their tab of a couple's page as
 * {@code @Route(value = CoupleRoutes.SESSIONS, layout = CoupleLayout.class)}.
 */
public final class CoupleRoutes {

    public static final String COUPLE_ID = "coupleId";
    private static final String COUPLES = "couples";
    /** The prefix {@link CoupleLayout} gives every tab of a couple's page. */
    public static final String COUPLE = COUPLES + "/:" + COUPLE_ID;
    public static final String NEW_COUPLE = COUPLES + "/new";
    public static final String ASSIGNMENTS = "assignments";

    /** The tabs' routes, relative to {@link #COUPLE}. */
    public static final String OVERVIEW = "";
    public static final String SESSIONS = "sessions";
    public static final String WORKBOOK = "workbook";
    public static final String GOALS = "goals";
    public static final String MESSAGES = "messages";
    public static final String PARTNERS = "partners";
    /** Editing the couple, a page of the Overview tab. */
    public static final String EDIT = "edit";

    /** A couple's tabs, in the order of the tab bar; the URL's segment after the couple's id names the selected one. */
    public enum Tab {
        OVERVIEW(CoupleRoutes.OVERVIEW),
        SESSIONS(CoupleRoutes.SESSIONS),
        WORKBOOK(CoupleRoutes.WORKBOOK),
        GOALS(CoupleRoutes.GOALS),
        MESSAGES(CoupleRoutes.MESSAGES),
        PARTNERS(CoupleRoutes.PARTNERS);

        private final String segment;

        Tab(String segment) {
            this.segment = segment;
        }

        /** The tab whose route starts with {@code segment} (a tab's own page, e.g. an assignment, included). */
        static Tab of(String segment) {
            for (Tab tab : values()) {
                if (tab.segment.equals(segment)) {
                    return tab;
                }
            }
            return OVERVIEW;
        }

        String translationKey() {
            return "couple.tab." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private CoupleRoutes() {}

    public static String href(long coupleId, Tab tab) {
        String overview = COUPLES + "/" + coupleId;
        return tab.segment.isEmpty() ? overview : overview + "/" + tab.segment;
    }

    public static String editHref(long coupleId) {
        return href(coupleId, Tab.OVERVIEW) + "/" + EDIT;
    }
}
