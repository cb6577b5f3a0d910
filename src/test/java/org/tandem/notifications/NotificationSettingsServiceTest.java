package org.tandem.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.tandem.support.AuditTrail;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;

/** Each person's choice per kind between the app only and the app and e-mail: role defaults, saving, refusals. */
@IntegrationTest
class NotificationSettingsServiceTest {

    @Autowired NotificationSettingsService settings;
    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    AuditTrail trail;
    Person therapist;
    Person admin;
    Couple couple;

    /** Committed: refusals are recorded in a transaction of their own, which must see the clinic and accounts. */
    @BeforeEach
    void prepare() {
        fixtures.committed(() -> {
            Fixtures.Clinic clinic = fixtures.clinic("Riverside Couples Practice");
            therapist = fixtures.therapist(clinic, "Dr. Jordan Reyes");
            admin = fixtures.admin(clinic, "Morgan Office");
            couple = fixtures.couple(therapist, "Alex Morgan", "Samira Patel");
        });
        trail = AuditTrail.from(dsl);
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    private static Set<NotificationKind> byEmail(NotificationSettings settings) {
        Set<NotificationKind> kinds = EnumSet.noneOf(NotificationKind.class);
        settings.choices().stream().filter(EmailChoice::byEmail).forEach(choice -> kinds.add(choice.kind()));
        return kinds;
    }

    @Test
    void a_partner_is_offered_the_partners_kinds_and_gets_messages_assignments_and_check_ins_by_email() {
        signIn.as(couple.one().email());
        NotificationSettings mine = settings.mine();

        assertThat(mine.mailConfigured()).isTrue();
        assertThat(mine.choices()).extracting(EmailChoice::kind).containsExactly(NotificationKind.MODULE_ASSIGNED,
                NotificationKind.FEEDBACK_GIVEN, NotificationKind.CHECK_IN_OPEN, NotificationKind.SESSION_SCHEDULED,
                NotificationKind.SESSION_MOVED, NotificationKind.SESSION_CANCELLED, NotificationKind.MESSAGE,
                NotificationKind.GOAL_MILESTONE_REACHED);
        assertThat(byEmail(mine)).containsExactlyInAnyOrder(NotificationKind.MESSAGE,
                NotificationKind.MODULE_ASSIGNED, NotificationKind.CHECK_IN_OPEN);
    }

    @Test
    void a_therapist_is_offered_the_therapists_kinds_in_the_app_only() {
        signIn.as(therapist.email());
        NotificationSettings mine = settings.mine();

        assertThat(mine.choices()).extracting(EmailChoice::kind).containsExactly(NotificationKind.MODULE_SUBMITTED,
                NotificationKind.ALERT_RAISED, NotificationKind.SESSION_SCHEDULED, NotificationKind.SESSION_MOVED,
                NotificationKind.SESSION_CANCELLED, NotificationKind.MESSAGE, NotificationKind.GOAL_MILESTONE_REACHED);
        assertThat(byEmail(mine)).isEmpty();
    }

    @Test
    void a_saved_choice_replaces_the_default_and_is_audited() {
        signIn.as(couple.one().email());
        settings.save(EnumSet.of(NotificationKind.FEEDBACK_GIVEN, NotificationKind.SESSION_MOVED));

        assertThat(byEmail(settings.mine())).containsExactlyInAnyOrder(NotificationKind.FEEDBACK_GIVEN,
                NotificationKind.SESSION_MOVED);
        assertThat(trail.since("notification.settings-change")).singleElement()
                .satisfies(row -> assertThat(row.getDetail()).isEqualTo("by e-mail: FEEDBACK_GIVEN, SESSION_MOVED"));

        settings.save(Set.of());
        assertThat(byEmail(settings.mine())).as("in the app only, for every kind").isEmpty();

        signIn.as(couple.two().email());
        assertThat(byEmail(settings.mine())).as("Sam keeps the defaults").containsExactlyInAnyOrder(
                NotificationKind.MESSAGE, NotificationKind.MODULE_ASSIGNED, NotificationKind.CHECK_IN_OPEN);
    }

    @Test
    void a_kind_that_does_not_concern_the_person_cannot_be_chosen() {
        signIn.as(couple.one().email());
        assertThatThrownBy(() -> settings.save(EnumSet.of(NotificationKind.ALERT_RAISED)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_admin_who_does_not_counsel_has_no_settings() {
        signIn.as(admin.email());
        assertThatThrownBy(() -> settings.mine()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> settings.save(Set.of())).isInstanceOf(AccessDeniedException.class);
    }
}
