package org.tandem.accounts;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;
import org.tandem.accounts.ui.AccountRoutes;

/**
 * Keeps a {@link PartialSignIn} on the page of the step it owes: every navigation (a typed URL, a link, the start
 * page after the sign-in form) goes to the code page, or to enrolment where the clinic requires a second factor. The
 * partial sign-in has no role, so views and services refuse it anyway; this makes it land where it can go on.
 * Signing out stays possible from both pages.
 */
@Component
class SecondFactorGuard implements VaadinServiceInitListener {

    private final SecurityContextHolderStrategy strategy;

    SecondFactorGuard(SecurityContextHolderStrategy strategy) {
        this.strategy = strategy;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::keepOnStep));
    }

    private void keepOnStep(BeforeEnterEvent event) {
        if (strategy.getContext().getAuthentication() instanceof PartialSignIn partial) {
            String page = partial.step() == PartialSignIn.Step.CODE ? AccountRoutes.SECOND_FACTOR_CODE
                    : AccountRoutes.SECOND_FACTOR;
            if (!event.getLocation().getPath().equals(page)) {
                event.forwardTo(page);
            }
        }
    }
}
