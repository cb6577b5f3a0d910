package org.tandem.accounts.ui;

import com.vaadin.flow.component.Component;
import org.tandem.accounts.AccountDetails;

/**
 * A section that another feature adds to one account's page on the admin's Users page (couples adds the
 * therapist's caseload, to reassign it). Implementations are Spring beans; accounts does not depend on the features
 * that provide them.
 */
public interface UserPageSection {

    /** The section for this account, or nothing to add when it does not concern it. */
    java.util.Optional<Component> create(AccountDetails account);
}
