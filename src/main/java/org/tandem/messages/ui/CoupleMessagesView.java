package org.tandem.messages.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import org.tandem.accounts.Role;
import org.tandem.clinic.ClinicTime;
import org.tandem.couples.CoupleHeading;
import org.tandem.couples.ui.CoupleLayout;
import org.tandem.couples.ui.CoupleRoutes;
import org.tandem.couples.ui.CoupleTab;
import org.tandem.messages.MessageService;
import org.tandem.messages.ThreadSummary;
import org.tandem.shell.LiveUpdates;

/**
 * A couple's three threads as their therapist sees them: the joint one and each partner's private one, side by side
 * on a wide screen and one below the other on a narrow one. New messages arrive without a reload.
 */
@Route(value = CoupleRoutes.MESSAGES, layout = CoupleLayout.class)
@RolesAllowed(Role.Names.THERAPIST)
class CoupleMessagesView extends Div implements CoupleTab, HasDynamicTitle {

    private final MessageService messages;
    private final ClinicTime time;
    private final List<ThreadPanel> panels = new ArrayList<>();
    private String names = "";

    CoupleMessagesView(MessageService messages, ClinicTime time, LiveUpdates live) {
        this.messages = messages;
        this.time = time;
        // one column under the large breakpoint: the couple's page has the menu beside it on a laptop
        addClassNames(LumoUtility.Display.GRID, LumoUtility.Grid.Column.COLUMNS_1,
                LumoUtility.Grid.Breakpoint.Large.COLUMNS_3, LumoUtility.Gap.MEDIUM, LumoUtility.BoxSizing.BORDER,
                LumoUtility.AlignItems.START);
        new LiveThreads(this, live, this::changed);
    }

    @Override
    public void show(CoupleHeading couple) {
        names = couple.names();
        removeAll();
        panels.clear();
        for (ThreadSummary thread : messages.ofCouple(couple.coupleId())) {
            String title = thread.joint() ? getTranslation("messages.thread.joint")
                    : getTranslation("messages.thread.private", thread.privatePartnerName());
            String empty = thread.joint() ? getTranslation("messages.empty.therapist-joint")
                    : getTranslation("messages.empty.therapist-private", thread.privatePartnerName());
            ThreadPanel panel = new ThreadPanel(messages, time, thread.threadId(), title, empty);
            panels.add(panel);
            add(panel);
            panel.reload();
        }
    }

    private void changed(long threadId) {
        panels.stream().filter(panel -> panel.threadId() == threadId).forEach(ThreadPanel::reload);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("messages.couple.page-title", names);
    }
}
