package org.tandem.sessions.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.validation.ConstraintViolationException;
import java.time.ZonedDateTime;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.tandem.accounts.StaleVersionException;
import org.tandem.clinic.ClinicTime;
import org.tandem.sessions.SessionNote;
import org.tandem.sessions.SessionService;
import org.tandem.shell.FormConstraints;
import org.tandem.shell.RetryingSave;

/**
 * The private note of one session, saved as the therapist types (after a short pause, and when the
 * field loses focus). A save that raced another edit is shown, with the other text, and never overwrites it.
 * While the database cannot be reached the text stays, "not saved yet — retrying" shows, and the page tries again.
 */
class NoteEditor extends Composite<Div> {

    static final int SAVE_AFTER_MILLIS = 800;

    private final SessionService sessions;
    private final long sessionId;
    private final ClinicTime time;
    private final TextArea text = new TextArea();
    private final Span status = new Span();
    private final Span saving = new Span();
    private final Div conflict = new Div();
    private int version;
    private String lastSaved;
    private boolean conflicted;
    private final RetryingSave retrying = new RetryingSave(this::retrying);

    NoteEditor(SessionService sessions, long sessionId, ClinicTime time) {
        this.sessions = sessions;
        this.sessionId = sessionId;
        this.time = time;
        SessionNote note = sessions.note(sessionId);
        version = note.version();
        lastSaved = note.body();

        Paragraph privacy = new Paragraph(getTranslation("sessions.note.private"));
        privacy.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.NONE);
        privacy.addComponentAsFirst(VaadinIcon.LOCK.create());

        text.setLabel(getTranslation("sessions.note.label"));
        text.setMaxLength(SessionNote.MAX_LENGTH);
        text.setValue(note.body());
        text.setWidthFull();
        text.setMinRows(4);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setValueChangeTimeout(SAVE_AFTER_MILLIS);
        text.addValueChangeListener(event -> {
            if (event.isFromClient()) {
                save();
            }
        });
        text.addBlurListener(event -> save());

        status.setText(note.version() == 0 ? "" : savedText(note));
        saving.setText(getTranslation("sessions.note.saving"));
        saving.getElement().setAttribute("hidden", true);
        for (Span span : new Span[] {status, saving}) {
            span.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
            span.getElement().setAttribute("aria-live", "polite");
        }
        // "Saving…" appears in the browser at the first keystroke; the server's answer puts "Saved" back.
        text.addAttachListener(attach -> text.getElement().executeJs(
                "this.addEventListener('input', () => { $0.hidden = false; $1.hidden = true; });",
                saving.getElement(), status.getElement()));

        conflict.setVisible(false);
        conflict.addClassNames(LumoUtility.Padding.MEDIUM, LumoUtility.BorderRadius.MEDIUM,
                LumoUtility.Background.ERROR_10, LumoUtility.TextColor.BODY);

        getContent().add(privacy, text, new HorizontalLayout(status, saving), conflict);
        getContent().addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN,
                LumoUtility.Gap.XSMALL, LumoUtility.Width.FULL);
    }

    private void save() {
        retrying.run(this::attempt);
        settle();
    }

    private void attempt() {
        String value = text.getValue();
        if (conflicted || value.equals(lastSaved)) {
            return;
        }
        try {
            SessionNote saved = sessions.saveNote(sessionId, version, value);
            text.setInvalid(false);
            version = saved.version();
            lastSaved = value;
            status.setText(savedText(saved));
        } catch (StaleVersionException raced) {
            showConflict(raced.current(SessionNote.class));
        } catch (ConstraintViolationException refused) {
            // Too long, or a character that cannot be stored: the constraint's own message says which, beside
            // the field; the text stays in it to be mended.
            String message = refused.getConstraintViolations().stream().findFirst()
                    .map(violation -> violation.getMessage())
                    .orElseGet(() -> getTranslation("sessions.note.too-long"));
            FormConstraints.show(text, message);
            status.setText(message);
        } catch (AccessDeniedException refused) {
            status.setText(getTranslation("sessions.note.refused"));
        }
    }

    /** The database is away: what was typed stays in the field and is saved when it returns. */
    private void retrying() {
        status.setText(getTranslation("save.retrying"));
    }

    /** Hides "Saving…" again unless the therapist typed on while the save was under way. */
    private void settle() {
        getElement().executeJs("if ($4 || $5 || $0.value === $3) { $1.hidden = true; $2.hidden = false; }",
                text.getElement(), saving.getElement(), status.getElement(), lastSaved, conflicted,
                retrying.isPending());
    }

    private void showConflict(SessionNote theirs) {
        conflicted = true;
        status.setText(getTranslation("sessions.note.not-saved"));
        Paragraph what = new Paragraph(getTranslation("sessions.note.conflict",
                theirs.updatedBy() == null ? "" : theirs.updatedBy(), when(theirs.updatedAt())));
        what.addClassNames(LumoUtility.Margin.Top.NONE, LumoUtility.FontWeight.SEMIBOLD);
        Paragraph other = new Paragraph(theirs.body());
        other.addClassNames(LumoUtility.Whitespace.PRE_WRAP, LumoUtility.Background.BASE, LumoUtility.Padding.SMALL,
                LumoUtility.BorderRadius.SMALL);
        other.setId("note-conflict-other-" + sessionId);
        Button useTheirs = new Button(getTranslation("sessions.note.use-theirs"), click -> {
            version = theirs.version();
            lastSaved = theirs.body();
            text.setValue(theirs.body());
            resolved(savedText(theirs));
        });
        Button keepMine = new Button(getTranslation("sessions.note.keep-mine"), click -> {
            version = theirs.version();
            lastSaved = theirs.body();
            resolved("");
            save();
        });
        keepMine.addThemeVariants(ButtonVariant.LUMO_ERROR);
        conflict.removeAll();
        conflict.add(what, new Paragraph(getTranslation("sessions.note.conflict-help")), other,
                new HorizontalLayout(useTheirs, keepMine));
        conflict.setVisible(true);
    }

    private void resolved(String statusText) {
        conflicted = false;
        conflict.removeAll();
        conflict.setVisible(false);
        status.setText(statusText);
    }

    private String savedText(SessionNote note) {
        return getTranslation("sessions.note.saved", when(note.updatedAt()));
    }

    private String when(@Nullable ZonedDateTime at) {
        return at == null ? "" : time.format(getLocale()).shortDateTime(at.toInstant());
    }
}
