package org.tandem.messages.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.validation.ConstraintViolationException;
import org.jspecify.annotations.Nullable;
import org.tandem.accounts.RefusedException;
import org.tandem.clinic.ClinicTime;
import org.tandem.messages.MessageService;
import org.tandem.messages.MessageThread;
import org.tandem.messages.ShownMessage;
import org.tandem.shell.FormConstraints;
import org.tandem.shell.OneClick;

/**
 * One thread: its messages oldest first with the newest at the bottom (scrolled into view), sender and time in the
 * clinic's zone, "read by" under the joint thread's last message, and the composer: the draft is saved as the person
 * types (so closing the tab loses nothing), a counter shows how much of the {@value MessageService#MAX_LENGTH}
 * characters is used. A badge counts the messages of others that were new to the reader on this page (unread when it
 * opened, or arrived since: reading marks them read at once, so the badge is what still says "new"). A closed couple's thread shows why it cannot be answered instead of the composer. Opening or
 * reloading the panel reads the thread, which marks it read.
 */
class ThreadPanel extends Section {

    private final MessageService messages;
    private final ClinicTime time;
    private final long threadId;
    private final Span fresh = new Span();
    private final Div list = new Div();
    private final Scroller scroller = new Scroller(list);
    private final Paragraph empty = new Paragraph();
    private final Paragraph readBy = new Paragraph();
    private final Paragraph closed = new Paragraph();
    private final TextArea composer = new TextArea();
    private final Button send = new Button();
    private boolean loaded;
    /** Messages of others that arrived while this page was open or were unread when it opened. */
    private int arrived;

    ThreadPanel(MessageService messages, ClinicTime time, long threadId, String title, String emptyText) {
        this.messages = messages;
        this.time = time;
        this.threadId = threadId;
        setId("thread-" + threadId);
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL,
                LumoUtility.Border.ALL, LumoUtility.BorderColor.CONTRAST_10, LumoUtility.BorderRadius.LARGE,
                LumoUtility.Padding.MEDIUM, LumoUtility.BoxSizing.BORDER, LumoUtility.MinWidth.NONE);

        H3 heading = new H3(title);
        heading.addClassNames(LumoUtility.Margin.NONE, LumoUtility.FontSize.LARGE);
        fresh.getElement().getThemeList().add("badge success pill");
        fresh.setVisible(false);
        fresh.setId("new-" + threadId);
        Header header = new Header(heading, fresh);
        header.addClassNames(LumoUtility.Display.FLEX, LumoUtility.AlignItems.BASELINE, LumoUtility.Gap.SMALL,
                LumoUtility.FlexWrap.WRAP);

        list.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL);
        scroller.setScrollDirection(Scroller.ScrollDirection.VERTICAL);
        scroller.setMaxHeight("28rem");
        empty.setText(emptyText);
        empty.addClassNames(LumoUtility.Margin.NONE, LumoUtility.TextColor.SECONDARY);
        readBy.addClassNames(LumoUtility.Margin.NONE, LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        readBy.setId("read-by-" + threadId);
        closed.setText(getTranslation("messages.closed"));
        closed.addClassNames(LumoUtility.Margin.NONE, LumoUtility.Padding.SMALL, LumoUtility.Background.CONTRAST_5,
                LumoUtility.BorderRadius.MEDIUM);
        closed.setVisible(false);

        composer.setLabel(getTranslation("messages.composer.label"));
        composer.setMaxLength(MessageService.MAX_LENGTH);
        composer.setWidthFull();
        composer.setMinRows(2);
        composer.setValueChangeMode(ValueChangeMode.LAZY);
        composer.addValueChangeListener(change -> {
            counter();
            if (change.isFromClient()) {
                saveDraft();
            }
        });
        send.setText(getTranslation("messages.send"));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        OneClick.on(send, this::send);
        add(header, empty, scroller, readBy, closed, composer, send);
    }

    long threadId() {
        return threadId;
    }

    /** Reads the thread again (marking it read) and shows it; the text being typed stays as it is. */
    void reload() {
        show(messages.read(threadId));
    }

    private void show(MessageThread thread) {
        list.removeAll();
        thread.messages().forEach(message -> list.add(message(message)));
        empty.setVisible(thread.messages().isEmpty());
        scroller.setVisible(!thread.messages().isEmpty());
        arrived += thread.newForReader();
        fresh.setText(getTranslation("messages.new", arrived));
        fresh.setVisible(arrived > 0);
        readBy.setText(thread.readBy().isEmpty() ? ""
                : getTranslation("messages.read-by", String.join(", ", thread.readBy())));
        readBy.setVisible(!thread.readBy().isEmpty());
        closed.setVisible(thread.readOnly());
        composer.setVisible(!thread.readOnly());
        send.setVisible(!thread.readOnly());
        if (!loaded) {
            composer.setValue(thread.draft());
            loaded = true;
        }
        counter();
        // the newest message at the bottom, in view: again once the page's other panels and fonts have settled, which
        // may grow the list after the first frame
        scroller.getElement().executeJs("const end = () => this.scrollTop = this.scrollHeight;"
                + " requestAnimationFrame(end); setTimeout(end, 150); setTimeout(end, 600);");
    }

    private Component message(ShownMessage message) {
        Span sender = new Span(message.senderName());
        sender.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        Span at = new Span(time.dateTime(message.sentAt(), getLocale()));
        at.addClassNames(LumoUtility.TextColor.SECONDARY);
        Div meta = new Div(sender, at);
        meta.addClassNames(LumoUtility.Display.FLEX, LumoUtility.Gap.SMALL, LumoUtility.FlexWrap.WRAP,
                LumoUtility.FontSize.SMALL);
        Div body = new Div();
        String text = message.body();
        if (text == null) {
            body.setText(getTranslation("messages.withdrawn"));
            body.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        } else {
            MessageText.of(text).forEach(body::add);
            body.addClassNames(LumoUtility.Whitespace.PRE_WRAP);
        }
        Div shown = new Div(meta, body);
        shown.setId("message-" + message.id());
        shown.addClassNames(LumoUtility.Padding.SMALL, LumoUtility.BorderRadius.MEDIUM,
                message.mine() ? LumoUtility.Background.PRIMARY_10 : LumoUtility.Background.CONTRAST_5);
        if (message.withdrawable()) {
            Button withdraw = new Button(getTranslation("messages.withdraw"));
            withdraw.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            OneClick.on(withdraw, () -> withdraw(message.id()));
            shown.add(withdraw);
        }
        return shown;
    }

    private void counter() {
        composer.setHelperText(getTranslation("messages.composer.counter", composer.getValue().length(),
                MessageService.MAX_LENGTH));
    }

    private void saveDraft() {
        try {
            messages.saveDraft(threadId, composer.getValue());
            composer.setInvalid(false);
        } catch (ConstraintViolationException refused) {
            FormConstraints.show(composer, firstMessage(refused));
        } catch (RefusedException refused) {
            FormConstraints.show(composer, getTranslation(refused.messageKey(), refused.args()));
        }
    }

    private void send() {
        composer.setInvalid(false);
        try {
            messages.send(threadId, composer.getValue());
        } catch (ConstraintViolationException refused) {
            FormConstraints.show(composer, firstMessage(refused));
            return;
        } catch (RefusedException refused) {
            FormConstraints.show(composer, getTranslation(refused.messageKey(), refused.args()));
            return;
        }
        composer.clear();
        reload();
    }

    private void withdraw(long messageId) {
        try {
            messages.withdraw(messageId);
        } catch (RefusedException refused) {
            Notification.show(getTranslation(refused.messageKey(), refused.args()));
        }
        reload();
    }

    private static String firstMessage(ConstraintViolationException refused) {
        @Nullable String message = refused.getConstraintViolations().stream().findFirst()
                .map(violation -> violation.getMessage()).orElse(null);
        return message == null ? "" : message;
    }
}
