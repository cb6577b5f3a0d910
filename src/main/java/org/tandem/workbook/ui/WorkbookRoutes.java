package org.tandem.workbook.ui;

import com.vaadin.flow.router.RouteParam;
import com.vaadin.flow.router.RouteParameters;
import org.tandem.couples.ui.CoupleRoutes;

/** The workbook feature's routes, the one place their URLs are written; other features link here. */
public final class WorkbookRoutes {

    public static final String LIBRARY = "library";
    static final String MODULE_ID = "moduleId";
    public static final String MODULE = LIBRARY + "/:" + MODULE_ID;
    private static final String EDIT = "/edit";
    public static final String EDITOR = MODULE + EDIT;
    /** A partner's own workbook, their start page. */
    public static final String MY_WORKBOOK = "workbook";
    static final String ASSIGNMENT_ID = "assignmentId";
    public static final String WORK = MY_WORKBOOK + "/:" + ASSIGNMENT_ID;
    /** One assignment of a couple, read by their therapist: a page of the couple's Workbook tab. */
    public static final String REVIEW = CoupleRoutes.WORKBOOK + "/:" + ASSIGNMENT_ID;

    private WorkbookRoutes() {}

    public static String moduleHref(long moduleId) {
        return LIBRARY + "/" + moduleId;
    }

    public static String editorHref(long moduleId) {
        return moduleHref(moduleId) + EDIT;
    }

    static RouteParameters module(long moduleId) {
        return new RouteParameters(MODULE_ID, String.valueOf(moduleId));
    }

    static RouteParameters work(long assignmentId) {
        return new RouteParameters(ASSIGNMENT_ID, String.valueOf(assignmentId));
    }

    static RouteParameters review(long coupleId, long assignmentId) {
        return new RouteParameters(new RouteParam(CoupleRoutes.COUPLE_ID, String.valueOf(coupleId)),
                new RouteParam(ASSIGNMENT_ID, String.valueOf(assignmentId)));
    }
}
