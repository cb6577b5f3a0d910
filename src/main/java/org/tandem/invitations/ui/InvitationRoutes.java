package org.tandem.invitations.ui;

import org.tandem.invitations.InvitationService;

/** The invitations feature's routes; the path of an invitation's link is made by {@link InvitationService}. */
public final class InvitationRoutes {

    static final String TOKEN = "token";
    public static final String ACCEPT = InvitationService.ACCEPT_ROUTE_PREFIX + ":" + TOKEN;

    private InvitationRoutes() {}
}
