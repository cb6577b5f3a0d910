package org.tandem.shell;

import com.vaadin.flow.component.button.Button;

/**
 * A button whose action writes once (submit, create, invite, schedule, publish): the browser disables it at the
 * click, before the request leaves, so a double click sends one click; the server ignores a click on a disabled
 * button too. The answer to that click enables it again, whether the action wrote, was refused or failed, so that a
 * corrected form can be sent; unless the action itself disabled or hid it (a submitted check-in)
 * (docs/decisions/015-errors.md, "A double click is applied once").
 */
public final class OneClick {

    private OneClick() {}

    /** Makes {@code button} run {@code action} once per click, disabled from the click until the action is done. */
    public static Button on(Button button, Runnable action) {
        button.setDisableOnClick(true);
        // Vaadin's own listener, registered first, has disabled it on the server too; the browser keeps it disabled
        // until this click's answer arrives, which enables it again unless the action disables it.
        button.addClickListener(click -> {
            button.setEnabled(true);
            action.run();
        });
        return button;
    }
}
