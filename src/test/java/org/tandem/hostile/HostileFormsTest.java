package org.tandem.hostile;

import com.vaadin.browserless.ViewPackages;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.TableWrites;
import org.tandem.workbook.Category;
import org.tandem.workbook.NewModule;

/**
 * The main forms, browserless, each text field filled in turn with hostile values and the form's button pressed
 * (docs/decisions/032-hostile-input.md); see {@link HostileForms} for what each attempt checks. The remaining forms
 * are in {@link HostileFormsMoreTest}.
 */
@SpringBootTest
@ActiveProfiles("test")
@ViewPackages(packages = "org.tandem")
class HostileFormsTest extends HostileForms {

    @Test
    void hostile_values_in_every_field_of_the_main_forms_are_saved_cleaned_or_refused_beside_the_field()
            throws IOException {
        long started = System.nanoTime();
        try (InputStream in = getClass().getResourceAsStream("/vaadin-i18n/translations.properties")) {
            texts.load(in);
        }
        Person[] people = new Person[2];
        Couple[] couples = new Couple[4];
        long[] module = new long[1];
        long[] session = new long[1];
        fixtures.committed(() -> {
            Fixtures.Clinic clinic = fixtures.clinic("Hostile Forms Clinic");
            people[0] = fixtures.admin(clinic, "Ada Forms");
            people[1] = fixtures.therapist(clinic, "Theo Forms");
            couples[0] = fixtures.couple(people[1], "Pat Forms", "Pip Forms");
            couples[1] = fixtures.couple(people[1], "Gail Goals", "Gus Goals");
            couples[2] = fixtures.couple(people[1], "Carl Cards", "Cleo Cards");
            couples[3] = fixtures.couple(people[1], "Sam Sessions", "Sue Sessions");
            fixtures.goal(people[1], couples[2], "A goal of the couple");
            session[0] = fixtures.session(people[1], couples[3], LocalDate.now(clock).plusDays(7).atTime(10, 0));
            module[0] = signIn.during(people[1].email(),
                    () -> library.create(new NewModule("Hostile form module", Category.COMMUNICATION_FRAMEWORKS)));
        });
        writes = new TableWrites(postgres, MAY_CHANGE_ON_REFUSAL);
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
                        }, null).asDraft(),
                new Form("staff invitation", "users", admin, "staff-invitations.create", true, null,
                        "staff-invitations.invite"),
                new Form("my account", "account", therapist, "account.name.save", false),
                new Form("forgot passphrase", "forgot-password", null, "password-reset.forgot.submit", true)
                        .values(10), // the page answers no sooner than a second by design
                new Form("schedule session", "couples/" + couples[3].id() + "/sessions", therapist,
                        "sessions.schedule", true).values(MORE_PER_FIELD),
                new Form("session note", "couples/" + couples[3].id() + "/sessions", therapist, null, false)
                        .then(this::openNote).only("sessions.note.label").values(MORE_PER_FIELD),
                new Form("add goal (therapist)", "couples/" + couples[1].id() + "/goals", therapist,
                        "goals.form.add", true).only(GOAL_FORM).values(MORE_PER_FIELD),
                new Form("add goal (partner)", "goals", couples[0].one().email(), "goals.form.add", true)
                        .only(GOAL_FORM).values(MORE_PER_FIELD),
                new Form("milestone (therapist)", "couples/" + couples[2].id() + "/goals", therapist,
                        "goals.milestone.add", true).only("goals.milestone.new").values(MORE_PER_FIELD),
                new Form("progress update (therapist)", "couples/" + couples[2].id() + "/goals", therapist,
                        "goals.update.add", true).only("goals.update.text", "goals.update.progress")
                        .values(MORE_PER_FIELD),
                new Form("milestone (partner)", "goals", couples[2].one().email(), "goals.milestone.add", true)
                        .only("goals.milestone.new").values(MORE_PER_FIELD),
                new Form("progress update (partner)", "goals", couples[2].one().email(), "goals.update.add", true)
                        .only("goals.update.text", "goals.update.progress").values(MORE_PER_FIELD));

        check("forms", forms, started);
    }
}
