package org.tandem.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
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
 * The main forms, browserless, each text field filled in turn with hostile values and the form's button pressed
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
class HostileFormsTest extends SpringBrowserlessTest {

    static final int PER_FIELD = 60;
    static final Set<String> MAY_CHANGE_ON_REFUSAL = Set.of("audit_event");
    private static final AtomicInteger SERIAL = new AtomicInteger();

    enum Kind { NAME, EMAIL, FREE_TEXT }

    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired ModuleLibrary library;

    private final Properties texts = new Properties();
    private TableWrites writes;
    private final Map<Kind, int[]> tallies = new EnumMap<>(Kind.class);
    private final Map<String, String> problems = new TreeMap<>();

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    /**
     * A form: where it is, who fills it, the caption of its button; {@code fresh} forms start empty. A form whose
     * service cleans what it saves (the module editor drops control characters) reads back what it stored.
     */
    record Form(String name, String route, @org.jspecify.annotations.Nullable String actor, String buttonKey,
            boolean fresh, java.util.function.@org.jspecify.annotations.Nullable Supplier<List<String>> stored,
            @org.jspecify.annotations.Nullable String openerKey) {

        Form(String name, String route, @org.jspecify.annotations.Nullable String actor, String buttonKey,
                boolean fresh) {
            this(name, route, actor, buttonKey, fresh, null, null);
        }
    }

    @Test
    void hostile_values_in_every_field_of_the_main_forms_are_saved_cleaned_or_refused_beside_the_field()
            throws IOException {
        long started = System.nanoTime();
        try (InputStream in = getClass().getResourceAsStream("/vaadin-i18n/translations.properties")) {
            texts.load(in);
        }
        Person[] people = new Person[2];
        Couple[] couples = new Couple[1];
        long[] module = new long[1];
        fixtures.committed(() -> {
            Fixtures.Clinic clinic = fixtures.clinic("Hostile Forms Clinic");
            people[0] = fixtures.admin(clinic, "Ada Forms");
            people[1] = fixtures.therapist(clinic, "Theo Forms");
            couples[0] = fixtures.couple(people[1], "Pat Forms", "Pip Forms");
            module[0] = signIn.during(people[1].email(),
                    () -> library.create(new NewModule("Hostile form module", Category.COMMUNICATION_FRAMEWORKS)));
        });
        writes = new TableWrites(dsl, MAY_CHANGE_ON_REFUSAL);
        String admin = people[0].email();
        String therapist = people[1].email();
        List<Form> forms = List.of(
                new Form("new couple", "couples/new", therapist, "new-couple.submit", true),
                new Form("edit couple", "couples/" + couples[0].id() + "/edit", therapist, "edit-couple.submit", false),
                new Form("clinic settings", "clinic/settings", admin, "clinic.settings.profile.save", false),
                new Form("module editor", "library/" + module[0] + "/edit", therapist, "library.editor.save", false,
                        () -> {
                            var content = library.draft(module[0]).content();
                            return List.of(content.title(), content.purpose());
                        }, null),
                new Form("staff invitation", "users", admin, "staff-invitations.create", true, null,
                        "staff-invitations.invite"),
                new Form("my account", "account", therapist, "account.name.save", false),
                new Form("forgot passphrase", "forgot-password", null, "password-reset.forgot.submit", true));

        Map<Kind, List<String>> corpus = new EnumMap<>(Kind.class);
        corpus.put(Kind.NAME, HostileServicesTest.spread(HostileInput.names(), PER_FIELD));
        corpus.put(Kind.EMAIL, HostileServicesTest.spread(HostileInput.emails(), PER_FIELD));
        corpus.put(Kind.FREE_TEXT, HostileServicesTest.spread(HostileInput.freeText(), PER_FIELD));
        int fields = 0;
        for (Form form : forms) {
            if (form.actor() == null) {
                signIn.anonymous();
            } else {
                signIn.as(form.actor());
            }
            open(form);
            List<Kind> kinds = inputs().stream().map(HostileFormsTest::kind).toList();
            for (int field = 0; field < kinds.size(); field++) {
                fields++;
                Kind kind = kinds.get(field);
                // The forgot-passphrase page answers no sooner than a second by design: ten values there.
                List<String> values = form.route().equals("forgot-password")
                        ? HostileServicesTest.spread(corpus.get(kind), 10) : corpus.get(kind);
                for (String value : values) {
                    attempt(form, field, kind, value);
                }
            }
            signIn.out();
        }
        tallies.forEach((kind, t) -> System.out.printf("HOSTILE forms %-9s values tried %4d: saved %4d, refused with"
                + " a message beside the field %4d, not saved for another field %4d, server errors 0%n", kind, t[0],
                t[1], t[2], t[3]));
        System.out.printf("HOSTILE forms: %d forms, %d fields, %d values per field, in %d s%n", forms.size(), fields,
                PER_FIELD, (System.nanoTime() - started) / 1_000_000_000L);
        problems.forEach((key, example) -> System.out.println("HOSTILE form problem " + key + " e.g. " + example));
        assertThat(problems.keySet()).as("server errors, refusals without a message beside the field, rows left"
                + " behind (see the output)").isEmpty();
    }

    private void attempt(Form form, int field, Kind kind, String value) {
        int[] tally = tallies.computeIfAbsent(kind, k -> new int[4]);
        tally[0]++;
        open(form);
        List<AbstractField<?, String>> inputs = inputs();
        AbstractField<?, String> probe = inputs.get(field);
        String label = label(probe);
        if (form.fresh()) {
            for (AbstractField<?, String> other : inputs) {
                if (other != probe) {
                    other.setValue(plausible(other));
                }
            }
        }
        Map<String, Long> before = writes.snapshot();
        String where = form.name() + " / " + label;
        try {
            probe.setValue(value);
            press(form);
        } catch (RuntimeException e) {
            problems.putIfAbsent("SERVER-ERROR " + where + " " + e.getClass().getSimpleName(),
                    HostileInputConstraintsTest.escaped(value) + ": " + e.getMessage());
            return;
        }
        boolean saved = !TableWrites.changed(before, writes.snapshot(), MAY_CHANGE_ON_REFUSAL).isEmpty();
        HasValidation validation = (HasValidation) probe;
        // A blank value is stored as nothing; anything else as typed without its outer blanks.
        boolean storable = value.isBlank() || TypedText.Check.acceptable(value.strip(), probe instanceof TextArea)
                && value.strip().length() <= limit(probe);
        if (validation.isInvalid()) {
            if (validation.getErrorMessage() == null || validation.getErrorMessage().isBlank()) {
                problems.putIfAbsent("NO-MESSAGE " + where, HostileInputConstraintsTest.escaped(value));
            }
            if (saved) {
                problems.putIfAbsent("HALF-WRITTEN " + where, HostileInputConstraintsTest.escaped(value));
            }
            tally[2]++;
        } else if (saved) {
            tally[1]++;
            List<String> stored = form.stored() == null ? List.of() : form.stored().get();
            if (!storable && (form.stored() == null
                    || !stored.stream().allMatch(text -> TypedText.Check.acceptable(text, true)))) {
                problems.putIfAbsent("SAVED-UNSTORABLE " + where, HostileInputConstraintsTest.escaped(value));
            }
        } else {
            tally[3]++;
            if (!storable && !form.route().equals("forgot-password")) {
                problems.putIfAbsent("NO-MESSAGE " + where, HostileInputConstraintsTest.escaped(value));
            }
        }
    }

    /** Opens the form's page and, for a dialog, the dialog (a new colleague is invited as a therapist). */
    @SuppressWarnings("unchecked")
    private void open(Form form) {
        $(com.vaadin.flow.component.dialog.Dialog.class).all().forEach(com.vaadin.flow.component.dialog.Dialog::close);
        navigate(form.route(), Component.class);
        if (form.openerKey() != null) {
            String caption = texts.getProperty(form.openerKey());
            test($(Button.class).all().stream().filter(b -> caption.equals(b.getText())).findFirst()
                    .orElseThrow(() -> new AssertionError("No button " + caption))).click();
            $(com.vaadin.flow.component.checkbox.CheckboxGroup.class).from(dialog()).first()
                    .setValue(Set.of(org.tandem.accounts.Role.THERAPIST));
        }
    }

    private @org.jspecify.annotations.Nullable Component dialog() {
        return $(com.vaadin.flow.component.dialog.Dialog.class).all().stream().filter(d -> d.isOpened()).findFirst()
                .orElse(null);
    }

    private void press(Form form) {
        String caption = texts.getProperty(form.buttonKey());
        Component dialog = dialog();
        Button button = (dialog == null ? $(Button.class).all() : $(Button.class).from(dialog).all()).stream().filter(b -> caption.equals(b.getText())).findFirst()
                .orElseThrow(() -> new AssertionError("No button " + caption + " on " + form.route()));
        test(button).click();
    }

    @SuppressWarnings("unchecked")
    private List<AbstractField<?, String>> inputs() {
        List<AbstractField<?, String>> inputs = new ArrayList<>();
        Component dialog = dialog();
        for (Class<?> type : List.of(TextField.class, EmailField.class, TextArea.class)) {
            var query = $((Class<Component>) type);
            for (Object field : dialog == null ? query.all() : query.from(dialog).all()) {
                Component component = (Component) field;
                if (component.isVisible() && !(component instanceof PasswordField)
                        && !((AbstractField<?, ?>) field).isReadOnly()) {
                    inputs.add((AbstractField<?, String>) field);
                }
            }
        }
        return inputs;
    }

    private static Kind kind(AbstractField<?, String> field) {
        if (field instanceof EmailField) {
            return Kind.EMAIL;
        }
        return field instanceof TextArea ? Kind.FREE_TEXT : Kind.NAME;
    }

    private static String plausible(AbstractField<?, String> field) {
        if (field instanceof EmailField) {
            return "forms." + SERIAL.incrementAndGet() + "@fixture.example";
        }
        return field instanceof TextArea ? "Some words of a note." : "Ann Lee";
    }

    private static int limit(AbstractField<?, String> field) {
        int max = switch (field) {
            case TextField text -> text.getMaxLength();
            case EmailField email -> email.getMaxLength();
            case TextArea area -> area.getMaxLength();
            default -> 0;
        };
        return max > 0 ? max : Integer.MAX_VALUE;
    }

    private static String label(AbstractField<?, String> field) {
        String label = field.getElement().getProperty("label", "");
        return label.isBlank() ? field.getId().orElse(field.getClass().getSimpleName()) : label;
    }
}
