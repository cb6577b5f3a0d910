package org.tandem.shell;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * Something a feature puts in the app bar beside the signed-in person's name (the notification bell), so that the
 * shell depends on no feature. A Spring bean; {@link MainLayout} asks each for a new component when it is built.
 */
public interface AppBarItem {

    /** A new component for one page's app bar, or nothing for this person (a role it does not serve). */
    Optional<Component> create();
}
