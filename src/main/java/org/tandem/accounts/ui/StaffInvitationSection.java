package org.tandem.accounts.ui;

import com.vaadin.flow.component.Component;
import org.tandem.accounts.UserFilter;

/**
 * The staff invitations on the admin's Users page, which the invitations feature provides (a Spring bean; accounts
 * does not depend on it): the button that invites someone, and the pending invitations that match the page's
 * filter. {@code changed} tells the page that the lists changed.
 */
public interface StaffInvitationSection {

    Component inviteButton(Runnable changed);

    /** The pending invitations matching the filter; an empty component when none match. */
    Component pending(UserFilter filter, Runnable changed);
}
