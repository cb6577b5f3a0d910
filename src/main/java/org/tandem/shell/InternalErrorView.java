package org.tandem.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Replaces Vaadin's own error view (which shows the exception's message, and in development its stack trace) for a
 * page that fails while it opens: a reference the user gives to the administrator, the detail in the log only.
 * Without the app layout, which may be what failed.
 */
@AnonymousAllowed
class InternalErrorView extends Main implements HasErrorParameter<Exception>, HasDynamicTitle {

    InternalErrorView() {
        addClassNames(LumoUtility.Padding.LARGE);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String reference = ErrorReference.logged("page /" + event.getLocation().getPath(), parameter.getCaughtException());
        removeAll();
        Paragraph message = new Paragraph(getTranslation("error-page.message", reference));
        message.setId("error-reference");
        add(new H2(getTranslation("error-page.title")), message, new Anchor("", getTranslation("error-page.home")));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("error-page.page-title");
    }
}
