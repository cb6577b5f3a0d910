package org.tandem.clinic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.jooq.Tables.ACCOUNT;
import static org.tandem.jooq.Tables.CLINIC;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.accounts.TypedText;
import org.tandem.support.HostileInput;

/**
 * The first-run setup page with hostile values (issue 13, decision 032), on an installation with no clinic. A value
 * the page accepts sets the installation up, so each attempt runs in a savepoint that is rolled back afterwards: the
 * next attempt meets the empty installation again. Each value ends saved (read back cleaned: no refused character, no
 * outer blanks, within the column) or refused with a message beside some field and nothing written; never an error.
 */
@SpringBootTest(properties = "tandem.demo.enabled=false")
@ActiveProfiles("test")
@Transactional
@ViewPackages(packages = "org.tandem")
@WithAnonymousUser
class HostileSetupFormTest extends SpringBrowserlessTest {

    private static final int PER_FIELD = 60;

    @Autowired DSLContext dsl;
    @Autowired SetupCode setupCode;
    @Autowired PlatformTransactionManager transactions;

    record Target(String label, Field<String> stored, int max, Function<String, String> compare) {}

    @Test
    void hostile_values_in_every_field_of_the_setup_page_are_saved_cleaned_or_refused_beside_a_field() {
        TransactionTemplate savepoint = new TransactionTemplate(transactions);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        List<String> problems = new ArrayList<>();
        int tried = 0;
        int saved = 0;
        int refusedBeside = 0;
        for (Target target : List.of(new Target("Clinic name", CLINIC.NAME, 200, Function.identity()),
                new Target("Your name", ACCOUNT.DISPLAY_NAME, 200, Function.identity()),
                new Target("E-mail", ACCOUNT.EMAIL, 254, String::toLowerCase))) {
            List<String> corpus = target.label().equals("E-mail") ? HostileInput.emails() : HostileInput.names();
            for (String value : spread(corpus, PER_FIELD)) {
                tried++;
                Outcome outcome = savepoint.execute(status -> {
                    try {
                        return attempt(target, value);
                    } finally {
                        status.setRollbackOnly();
                    }
                });
                assertThat(dsl.fetchCount(CLINIC)).as("rolled back after " + target.label()).isZero();
                switch (outcome.kind()) {
                    case SAVED -> saved++;
                    case REFUSED -> refusedBeside++;
                    case PROBLEM -> problems.add(target.label() + " <" + shorten(value) + ">: " + outcome.detail());
                }
            }
        }
        System.out.printf("Setup page: %d hostile values tried in 3 fields, %d saved cleaned, %d refused beside a field,"
                + " %d problems%n", tried, saved, refusedBeside, problems.size());
        assertThat(problems).as("server errors, unclean stores, silent refusals or half-written rows").isEmpty();
        assertThat(saved).as("plausible values are saved").isPositive();
        assertThat(refusedBeside).as("hostile values are refused").isPositive();
    }

    enum Kind { SAVED, REFUSED, PROBLEM }

    record Outcome(Kind kind, String detail) {}

    private Outcome attempt(Target target, String value) {
        try {
            String code = setupCode.issue();
            navigate("setup", Component.class);
            text("Setup code").setValue(code);
            text("Clinic name").setValue("Harbour Relationship Clinic");
            text("Your name").setValue("Jo Admin");
            $(EmailField.class).single().setValue("jo@harbour.example");
            password("Password").setValue("correct horse battery staple");
            password("Repeat the password").setValue("correct horse battery staple");
            if (target.label().equals("E-mail")) {
                test($(EmailField.class).single()).setValue(value);
            } else {
                test(text(target.label())).setValue(value);
            }
            test($(Button.class).all().stream().filter(b -> "Create clinic".equals(b.getText())).findFirst()
                    .orElseThrow()).click();
        } catch (RuntimeException error) {
            return new Outcome(Kind.PROBLEM, "error " + error);
        }
        if (dsl.fetchCount(CLINIC) == 1) {
            String stored = dsl.select(target.stored()).from(CLINIC).crossJoin(ACCOUNT).fetchSingle().value1();
            if (!TypedText.Check.acceptable(stored, false) || !stored.equals(stored.strip())
                    || stored.length() > target.max()) {
                return new Outcome(Kind.PROBLEM, "stored unclean <" + shorten(stored) + ">");
            }
            return new Outcome(Kind.SAVED, "");
        }
        if (dsl.fetchCount(ACCOUNT) != 0) {
            return new Outcome(Kind.PROBLEM, "half-written: an account without its clinic");
        }
        boolean beside = $(TextField.class).all().stream().anyMatch(f -> f.isInvalid() && !blank(f.getErrorMessage()))
                || $(EmailField.class).all().stream().anyMatch(f -> f.isInvalid() && !blank(f.getErrorMessage()))
                || $(PasswordField.class).all().stream().anyMatch(f -> f.isInvalid() && !blank(f.getErrorMessage()));
        return beside ? new Outcome(Kind.REFUSED, "") : new Outcome(Kind.PROBLEM, "refused without a message beside a field");
    }

    private TextField text(String label) {
        return $(TextField.class).all().stream().filter(f -> label.equals(f.getLabel())).findFirst().orElseThrow();
    }

    private PasswordField password(String label) {
        return $(PasswordField.class).all().stream().filter(f -> label.equals(f.getLabel())).findFirst()
                .orElseThrow();
    }

    private static boolean blank(String message) {
        return message == null || message.isBlank();
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…(" + value.length() + ")" : value;
    }

    private static <T> List<T> spread(List<T> values, int size) {
        List<T> spread = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            spread.add(values.get((int) ((long) i * values.size() / size)));
        }
        return spread;
    }
}
