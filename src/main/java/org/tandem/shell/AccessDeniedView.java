package org.tandem.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.tandem.accounts.AuditEvent;
import org.tandem.accounts.CurrentUser;

/** Shown when a signed-in person opens a page their role does not allow; the refusal is audited. */
@AnonymousAllowed
@ParentLayout(MainLayout.class)
class AccessDeniedView extends Main implements HasErrorParameter<AccessDeniedException>, HasDynamicTitle {

    private final ApplicationEventPublisher events;

    AccessDeniedView(ApplicationEventPublisher events) {
        this.events = events;
        addClassNames(LumoUtility.Padding.LARGE);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        CurrentUser.find().ifPresent(user -> events.publishEvent(
                AuditEvent.denied(user, "view /" + event.getLocation().getPath(), "role not allowed")));
        removeAll();
        add(new H2(getTranslation("access-denied.title")), new Paragraph(getTranslation("access-denied.message")),
                new Anchor("", getTranslation("access-denied.home")));
        return HttpServletResponse.SC_FORBIDDEN;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("access-denied.page-title");
    }
}
