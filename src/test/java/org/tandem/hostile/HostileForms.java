package org.tandem.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.BlurNotifier;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.accounts.TypedText;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.HostileInput;
import org.tandem.support.SignIn;
import org.tandem.support.TableWrites;
import org.tandem.workbook.Category;
import org.tandem.workbook.ModuleLibrary;
import org.tandem.workbook.NewModule;

/**
 * What the hostile form tests share ({@link HostileFormsTest}, {@link HostileFormsMoreTest}): forms, browserless,
 * each text field filled in turn with hostile values and the form's button pressed
 * (docs/decisions/032-hostile-input.md): the press never fails (no server error); a value that cannot be stored
 * (a refused character, over the field's limit) leaves the field invalid with a message beside it; when the form
 * did not save, no table but the audit trail has a row more. The other fields keep valid values (an edit form's
 * own, or a plausible one typed first). To keep the run short each field gets {@link #PER_FIELD} values spread over
 * its type's corpus; the full corpus goes through the services in {@link HostileServicesTest}. Values are set on
 * the component as a tampered browser would send them, past the field's own {@code maxlength}.
 */
@SpringBootTest
@ActiveProfiles("test")
@ViewPackages(packages = "org.tandem")
abstract class HostileForms extends SpringBrowserlessTest {

    static final int PER_FIELD = 60;
    static final int MORE_PER_FIELD = 20;
    static final String[] GOAL_FORM = {"goals.form.what", "goals.form.why", "goals.form.first-step",
        "goals.form.target"};
    static final Set<String> MAY_CHANGE_ON_REFUSAL = TableWrites.BESIDE_ANY_CALL;
    private static final AtomicInteger SERIAL = new AtomicInteger();

    enum Kind { NAME, EMAIL, FREE_TEXT, NUMBER, DATE, TIME }

    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired EmbeddedPostgres postgres;
    @Autowired ModuleLibrary library;
    @Autowired Clock clock;

    final Properties texts = new Properties();
    TableWrites writes;
    final Map<Kind, int[]> tallies = new EnumMap<>(Kind.class);
    final Map<String, String> problems = new TreeMap<>();

    @AfterEach
    void sign_out() {
        signIn.out();
        if (writes != null) {
            writes.close();
        }
    }

    /**
     * A form: where it is, who fills it, the caption of its button (none: it saves when the field loses focus);
     * {@code fresh} forms start empty. A form whose service cleans what it saves (the module editor drops control
     * characters) reads back what it stored. {@code labels} (translation keys) picks the form's fields on a page
     * that has several forms; {@code then} runs after the page opened (opens a section); {@code perField} values
     * go into each field.
     */
    record Form(String name, String route, @Nullable String actor, @Nullable String buttonKey, boolean fresh,
            @Nullable Supplier<List<String>> stored, @Nullable String openerKey, @Nullable Set<String> labels,
            @Nullable Runnable then, int perField, boolean draft, int maxFields) {

        Form(String name, String route, @Nullable String actor, @Nullable String buttonKey, boolean fresh) {
            this(name, route, actor, buttonKey, fresh, null, null, null, null, PER_FIELD, false, Integer.MAX_VALUE);
        }

        Form(String name, String route, @Nullable String actor, String buttonKey, boolean fresh,
                @Nullable Supplier<List<String>> stored, @Nullable String openerKey) {
            this(name, route, actor, buttonKey, fresh, stored, openerKey, null, null, PER_FIELD, false,
                    Integer.MAX_VALUE);
        }

        /** Only the fields with these labels (a label's {@code {0}} stands for any text). */
        Form only(String... labelKeys) {
            return new Form(name, route, actor, buttonKey, fresh, stored, openerKey, Set.of(labelKeys), then,
                    perField, draft, maxFields);
        }

        Form then(Runnable opening) {
            return new Form(name, route, actor, buttonKey, fresh, stored, openerKey, labels, opening, perField,
                    draft, maxFields);
        }

        Form values(int count) {
            return new Form(name, route, actor, buttonKey, fresh, stored, openerKey, labels, then, count, draft,
                    maxFields);
        }

        /** Only the first {@code count} of the fields (a page with one form per item). */
        Form fields(int count) {
            return new Form(name, route, actor, buttonKey, fresh, stored, openerKey, labels, then, perField, draft,
                    count);
        }

        /** What the form stored, read back: a form whose service cleans what it saves. */
        Form storing(Supplier<List<String>> readBack) {
            return new Form(name, route, actor, buttonKey, fresh, readBack, openerKey, labels, then, perField, draft,
                    maxFields);
        }

        /** A draft is saved with what is still wrong shown beside its field (publishing refuses it). */
        Form asDraft() {
            return new Form(name, route, actor, buttonKey, fresh, stored, openerKey, labels, then, perField, true,
                    maxFields);
        }
    }

    /**
     * Fills each field of each form with its share of its type's corpus (see {@link #attempt}), prints the tallies
     * under {@code run}'s name and fails on any problem found.
     */
    void check(String run, List<Form> forms, long started) {
        Map<Kind, List<?>> corpus = new EnumMap<>(Kind.class);
        corpus.put(Kind.NAME, HostileInput.names());
        corpus.put(Kind.EMAIL, HostileInput.emails());
        corpus.put(Kind.FREE_TEXT, HostileInput.freeText());
        corpus.put(Kind.NUMBER, HostileInput.integers());
        corpus.put(Kind.DATE, HostileInput.dates(LocalDate.now(clock)));
        corpus.put(Kind.TIME, HostileInput.times());
        int fields = 0;
        for (Form form : forms) {
            if (form.actor() == null) {
                signIn.anonymous();
            } else {
                signIn.as(form.actor());
            }
            open(form);
            List<Kind> kinds = inputs(form).stream().map(HostileForms::kind).toList();
            assertThat(kinds).as("fields of " + form.name()).isNotEmpty();
            for (int field = 0; field < Math.min(kinds.size(), form.maxFields()); field++) {
                fields++;
                Kind kind = kinds.get(field);
                for (Object value : HostileServicesTest.spread(corpus.get(kind), form.perField())) {
                    attempt(form, field, kind, value);
                }
            }
            signIn.out();
        }
        tallies.forEach((kind, t) -> System.out.printf("HOSTILE %s %-9s values tried %4d: saved %4d, refused with"
                + " a message beside the field %4d, not saved for another field %4d, server errors 0%n", run, kind,
                t[0], t[1], t[2], t[3]));
        System.out.printf("HOSTILE %s: %d forms, %d fields, %s values per field, in %d s%n", run, forms.size(),
                fields, forms.stream().map(form -> String.valueOf(form.perField())).distinct().sorted()
                        .collect(java.util.stream.Collectors.joining(" or ")),
                (System.nanoTime() - started) / 1_000_000_000L);
        problems.forEach((key, example) -> System.out.println("HOSTILE " + run + " problem " + key + " e.g. "
                + example));
        assertThat(problems.keySet()).as("server errors, refusals without a message beside the field, rows left"
                + " behind (see the output)").isEmpty();
    }


    @SuppressWarnings("unchecked")
    void attempt(Form form, int field, Kind kind, Object value) {
        int[] tally = tallies.computeIfAbsent(kind, k -> new int[4]);
        tally[0]++;
        open(form);
        List<AbstractField<?, ?>> inputs = inputs(form);
        AbstractField<?, ?> probe = inputs.get(field);
        String label = label(probe);
        if (form.fresh()) {
            for (AbstractField<?, ?> other : inputs) {
                if (other != probe) {
                    ((AbstractField<?, Object>) other).setValue(plausible(other));
                }
            }
        }
        long before = writes.mark();
        String where = form.name() + " / " + label;
        String shown = value instanceof String text ? HostileInputConstraintsTest.escaped(text) : String.valueOf(value);
        try {
            ((AbstractField<?, Object>) probe).setValue(value);
            press(form, probe);
        } catch (RuntimeException e) {
            problems.putIfAbsent("SERVER-ERROR " + where + " " + e.getClass().getSimpleName(),
                    shown + ": " + e.getMessage());
            return;
        }
        var changed = writes.since(before);
        boolean saved = !changed.isEmpty();
        HasValidation validation = (HasValidation) probe;
        boolean storable = storable(probe, value, false);
        if (validation.isInvalid()) {
            if (validation.getErrorMessage() == null || validation.getErrorMessage().isBlank()) {
                problems.putIfAbsent("NO-MESSAGE " + where, shown);
            }
            if (saved && (!form.draft() || !storable(probe, value, true))) {
                problems.putIfAbsent("HALF-WRITTEN " + where, shown + " (" + changed + ")");
            }
            tally[2]++;
        } else if (saved) {
            tally[1]++;
            List<String> stored = form.stored() == null ? List.of() : form.stored().get();
            if (!storable && (form.stored() == null
                    || !stored.stream().allMatch(text -> TypedText.Check.acceptable(text, true)))) {
                problems.putIfAbsent("SAVED-UNSTORABLE " + where, shown);
            }
        } else {
            tally[3]++;
            if (!storable && !form.route().equals("forgot-password")) {
                problems.putIfAbsent("NO-MESSAGE " + where, shown);
            }
        }
    }

    /**
     * Whether the value can be stored as it is: text without a refused character within the field's limit (a
     * blank value is stored as nothing; anything else without its outer blanks), a date in the years
     * {@code TypedDate} allows, a number within the field's range (any number in a draft), any time.
     */
    private static boolean storable(AbstractField<?, ?> field, Object value, boolean draft) {
        return switch (value) {
            case String text -> text.isBlank() || TypedText.Check.acceptable(text.strip(), field instanceof TextArea)
                    && text.strip().length() <= limit(field);
            case LocalDate date -> date.getYear() >= 1900 && date.getYear() <= 2199;
            case Integer number -> draft || field instanceof IntegerField integers && number >= integers.getMin()
                    && number <= integers.getMax();
            default -> true;
        };
    }

    /** Opens the form's page and, for a dialog, the dialog (a new colleague is invited as a therapist). */
    @SuppressWarnings("unchecked")
    void open(Form form) {
        // A fresh session and page each time: a page's changes pile up when no browser collects them.
        cleanVaadinEnvironment();
        initVaadinEnvironment();
        navigate(form.route(), Component.class);
        if (form.openerKey() != null) {
            String caption = texts.getProperty(form.openerKey());
            test($(Button.class).all().stream().filter(b -> caption.equals(b.getText())).findFirst()
                    .orElseThrow(() -> new AssertionError("No button " + caption))).click();
            $(com.vaadin.flow.component.checkbox.CheckboxGroup.class).from(dialog()).first()
                    .setValue(Set.of(org.tandem.accounts.Role.THERAPIST));
        }
        if (form.then() != null) {
            form.then().run();
        }
    }

    /** Opens the session's private note (the editor is made when its section opens). */
    void openNote() {
        Set<String> summaries = Set.of(texts.getProperty("sessions.note.summary"),
                texts.getProperty("sessions.note.summary-written"));
        $(Details.class).all().stream().filter(details -> summaries.contains(details.getSummaryText())).findFirst()
                .orElseThrow(() -> new AssertionError("No note section")).setOpened(true);
    }

    @Nullable Component dialog() {
        return $(com.vaadin.flow.component.dialog.Dialog.class).all().stream().filter(d -> d.isOpened()).findFirst()
                .orElse(null);
    }

    /** Presses the form's button, or leaves the field (a form that saves when a field loses focus). */
    void press(Form form, AbstractField<?, ?> probe) {
        if (form.buttonKey() == null) {
            ComponentUtil.fireEvent(probe, new BlurNotifier.BlurEvent<>(probe, true));
            return;
        }
        String caption = texts.getProperty(form.buttonKey());
        Component dialog = dialog();
        // The button nearest the field: a page may have one form per item, each with the same button.
        for (Component near = probe.getParent().orElse(null); near != null && near != dialog;
                near = near.getParent().orElse(null)) {
            var nearest = $(Button.class).from(near).all().stream().filter(b -> caption.equals(b.getText()))
                    .findFirst();
            if (nearest.isPresent()) {
                test(nearest.get()).click();
                return;
            }
        }
        Button button = (dialog == null ? $(Button.class).all() : $(Button.class).from(dialog).all()).stream()
                .filter(b -> caption.equals(b.getText())).findFirst()
                .orElseThrow(() -> new AssertionError("No button " + caption + " on " + form.route()));
        test(button).click();
    }

    /** The typed fields of the form (of its dialog when one is open), those with its labels when it names them. */
    @SuppressWarnings("unchecked")
    List<AbstractField<?, ?>> inputs(Form form) {
        List<AbstractField<?, ?>> inputs = new ArrayList<>();
        Component dialog = dialog();
        List<java.util.regex.Pattern> labels = form.labels() == null ? null
                : form.labels().stream().map(key -> java.util.regex.Pattern.compile(
                        java.util.regex.Pattern.quote(texts.getProperty(key)).replaceAll("\\{\\d+}", "\\\\E.*\\\\Q")))
                        .toList();
        for (Class<?> type : List.of(TextField.class, EmailField.class, TextArea.class, IntegerField.class,
                DatePicker.class, TimePicker.class)) {
            var query = $((Class<Component>) type);
            for (Object field : dialog == null ? query.all() : query.from(dialog).all()) {
                AbstractField<?, ?> input = (AbstractField<?, ?>) field;
                if (input.isVisible() && !(input instanceof PasswordField) && !input.isReadOnly()
                        && (labels == null || labels.stream().anyMatch(p -> p.matcher(label(input)).matches()))) {
                    inputs.add(input);
                }
            }
        }
        return inputs;
    }

    private static Kind kind(AbstractField<?, ?> field) {
        return switch (field) {
            case EmailField email -> Kind.EMAIL;
            case TextArea area -> Kind.FREE_TEXT;
            case IntegerField number -> Kind.NUMBER;
            case DatePicker date -> Kind.DATE;
            case TimePicker time -> Kind.TIME;
            default -> Kind.NAME;
        };
    }

    /** A valid value for a field not under test; dates differ, so that sessions never overlap. */
    private Object plausible(AbstractField<?, ?> field) {
        return switch (field) {
            case EmailField email -> "forms." + SERIAL.incrementAndGet() + "@fixture.example";
            case TextArea area -> "Some words of a note.";
            case IntegerField number -> 50;
            case DatePicker date -> LocalDate.now(clock).plusDays(300 + SERIAL.incrementAndGet());
            case TimePicker time -> LocalTime.of(14, 0);
            default -> "Ann Lee";
        };
    }

    private static int limit(AbstractField<?, ?> field) {
        int max = switch (field) {
            case TextField text -> text.getMaxLength();
            case EmailField email -> email.getMaxLength();
            case TextArea area -> area.getMaxLength();
            default -> 0;
        };
        return max > 0 ? max : Integer.MAX_VALUE;
    }

    private static String label(AbstractField<?, ?> field) {
        String label = field.getElement().getProperty("label", "");
        return label.isBlank() ? field.getId().orElse(field.getClass().getSimpleName()) : label;
    }
}
