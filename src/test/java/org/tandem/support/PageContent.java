package org.tandem.support;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.dom.Element;

/** What a page gives the browser, for the tests that prove a text never reaches someone's screen. */
public final class PageContent {

    private PageContent() {}

    /** The top of the view's page: the main layout, which the UI holds as a virtual child (not among its children). */
    public static Element root(HasElement view) {
        Element top = view.getElement();
        while (top.getParent() != null && top.getParent().getChildren().anyMatch(top::equals)) {
            top = top.getParent();
        }
        return top;
    }

    /** Every text, attribute and property the browser is given for the view's page, its layout included. */
    public static String everything(HasElement view) {
        StringBuilder all = new StringBuilder();
        collect(root(view), all);
        return all.toString();
    }

    private static void collect(Element element, StringBuilder all) {
        if (element.isTextNode()) {
            all.append(element.getText()).append('\n');
        }
        element.getPropertyNames().forEach(name -> all.append(element.getPropertyRaw(name)).append('\n'));
        element.getAttributeNames().forEach(name -> all.append(element.getAttribute(name)).append('\n'));
        element.getChildren().forEach(child -> collect(child, all));
    }
}
