package org.tandem.messages.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tandem.accounts.Role;
import org.tandem.clinic.ClinicTime;
import org.tandem.messages.MessageService;
import org.tandem.messages.ThreadSummary;
import org.tandem.shell.LiveUpdates;

/**
 * A partner's two threads, on a phone or a laptop: the joint one with their partner and therapist, and their own
 * private one with the therapist, as tabs that show how many messages are unread. {@code ?thread=<id>} opens one of
 * them; any other id opens the joint one and says nothing of it. New messages arrive without a reload.
 */
@Route(MessageRoutes.MY_MESSAGES)
@RolesAllowed(Role.Names.CLIENT)
@Menu(order = 32, title = "menu.messages", icon = "vaadin:comments")
class MyMessagesView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final MessageService messages;
    private final ClinicTime time;
    private final Tabs tabs = new Tabs();
    private final Map<Tab, ThreadSummary> threadOf = new HashMap<>();
    private final Map<Long, Span> unread = new HashMap<>();
    private @Nullable ThreadPanel shown;

    MyMessagesView(MessageService messages, ClinicTime time, LiveUpdates live) {
        this.messages = messages;
        this.time = time;
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Padding.MEDIUM,
                LumoUtility.Gap.MEDIUM, LumoUtility.MaxWidth.SCREEN_MEDIUM, LumoUtility.BoxSizing.BORDER,
                LumoUtility.Width.FULL);
        tabs.addSelectedChangeListener(change -> {
            if (change.isFromClient()) {
                open(threadOf.get(change.getSelectedTab()));
            }
        });
        new LiveThreads(this, live, this::changed);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        threadOf.clear();
        unread.clear();
        tabs.removeAll();
        List<ThreadSummary> mine = messages.myThreads();
        Optional<Long> asked = event.getLocation().getQueryParameters().getSingleParameter(
                MessageRoutes.THREAD_PARAMETER).flatMap(MyMessagesView::number);
        ThreadSummary selected = mine.getFirst();
        for (ThreadSummary thread : mine) {
            Span count = new Span();
            count.getElement().getThemeList().add("badge pill small");
            count.setId("unread-" + thread.threadId());
            unread.put(thread.threadId(), count);
            Tab tab = new Tab(new Span(title(thread)), count);
            tab.setId("tab-" + thread.threadId());
            tabs.add(tab);
            threadOf.put(tab, thread);
            if (asked.isPresent() && asked.get() == thread.threadId()) {
                selected = thread;
            }
        }
        H2 heading = new H2(getTranslation("messages.page.heading"));
        heading.addClassNames(LumoUtility.Margin.NONE, LumoUtility.FontSize.XLARGE);
        add(heading, tabs);
        ThreadSummary first = selected;
        threadOf.forEach((tab, thread) -> {
            if (thread.threadId() == first.threadId()) {
                tabs.setSelectedTab(tab);
            }
        });
        open(first);
    }

    private void open(@Nullable ThreadSummary thread) {
        if (thread == null) {
            return;
        }
        if (shown != null) {
            remove(shown);
        }
        ThreadPanel panel = new ThreadPanel(messages, time, thread.threadId(), title(thread),
                getTranslation(thread.joint() ? "messages.empty.partner-joint" : "messages.empty.partner-private"));
        add(panel);
        shown = panel;
        panel.reload();
        counts();
    }

    private void changed(long threadId) {
        ThreadPanel panel = shown;
        if (panel != null && panel.threadId() == threadId) {
            panel.reload();
        }
        counts();
    }

    private void counts() {
        for (ThreadSummary thread : messages.myThreads()) {
            Span count = unread.get(thread.threadId());
            if (count != null) {
                count.setText(String.valueOf(thread.unread()));
                count.setVisible(thread.unread() > 0);
                count.getElement().setAttribute("aria-label",
                        getTranslation("messages.unread", thread.unread()));
            }
        }
    }

    private String title(ThreadSummary thread) {
        return getTranslation(thread.joint() ? "messages.thread.partner-joint" : "messages.thread.partner-private");
    }

    private static Optional<Long> number(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("messages.page.title");
    }
}
