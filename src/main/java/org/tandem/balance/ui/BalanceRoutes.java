package org.tandem.balance.ui;

import com.vaadin.flow.router.RouteParameters;

/** The balance feature's routes, the one place their URLs are written. */
public final class BalanceRoutes {

    public static final String MY_BALANCE = "my-balance";
    public static final String SETTINGS = "clinic/balance";
    static final String CHECK_IN_ID = "checkInId";
    public static final String CHECK_IN = "check-in/:" + CHECK_IN_ID;

    private BalanceRoutes() {}

    static RouteParameters checkIn(long checkInId) {
        return new RouteParameters(CHECK_IN_ID, String.valueOf(checkInId));
    }
}
