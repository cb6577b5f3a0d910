package org.tandem.notifications.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.tandem.notifications.EmailChoice;
import org.tandem.notifications.NewNotification;
import org.tandem.notifications.NotificationKind;
import org.tandem.notifications.NotificationSettingsService;
import org.tandem.notifications.Notifications;
import org.tandem.support.AuditTrail;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;

/** The bell in the app bar and the notification settings page, used as a partner and a therapist would. */
@IntegrationTest
@ViewPackages(packages = "org.tandem")
class NotificationBellTest extends SpringBrowserlessTest {

    @Autowired DSLContext dsl;
    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;
    @Autowired Notifications notifications;
    @Autowired NotificationSettingsService settings;
    AuditTrail trail;
    Fixtures.Clinic clinic;
    Person therapist;
    Person admin;
    Couple couple;

    @BeforeAll
    static void use_this_contexts_security_strategy(@Autowired SecurityContextHolderStrategy strategy) {
        SecurityContextHolder.setContextHolderStrategy(strategy);
    }

    /** Committed: refusals are recorded in a transaction of their own, which must see the clinic and accounts. */
    @BeforeEach
    void prepare() {
        fixtures.committed(() -> {
            clinic = fixtures.clinic("Riverside Couples Practice");
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

    void notifyAlex(NotificationKind kind, String target, String detail) {
        notifications.send(List.of(new NewNotification(clinic.id(), couple.one().accountId(), kind, couple.id(),
                target, detail, null)));
    }

    String open(String route) {
        navigate(route, Component.class);
        return getCurrentView().getClass().getSimpleName();
    }

    Button bell() {
        return $(Button.class).id("notification-bell");
    }

    Button button(Component in, String text) {
        return $(Button.class, in).all().stream().filter(b -> text.equals(b.getText())).findFirst().orElseThrow();
    }

    @Test
    void the_bell_shows_the_unread_count_lists_the_latest_and_opens_one() {
        notifyAlex(NotificationKind.MODULE_ASSIGNED, "my-workbook", "Listening well");
        notifyAlex(NotificationKind.MESSAGE, "goals", "");
        signIn.as(couple.one().email());
        open("workbook");

        assertThat(bell().getAriaLabel()).contains("Notifications, 2 unread");
        assertThat($(Span.class, bell()).all()).extracting(Span::getText).contains("2");

        test(bell()).click();
        Dialog dialog = $(Dialog.class).single();
        assertThat(dialog.getHeaderTitle()).isEqualTo("Notifications");
        assertThat($(ListItem.class, dialog).all()).hasSize(2);
        assertThat($(NativeButton.class, dialog).all()).extracting(NativeButton::getText)
                .containsExactly("You have a new message", "A new module was assigned to you: Listening well");
        assertThat($(Button.class, dialog).all()).extracting(Button::getText)
                .contains("Mark all as read", "Notification settings");
        assertThat(trail.since("notification.list-read")).hasSize(1);

        test($(NativeButton.class, dialog).all().getFirst()).click();

        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("MyGoalsView");
        assertThat(bell().getAriaLabel()).contains("Notifications, 1 unread");
    }

    @Test
    void mark_all_as_read_empties_the_count_and_hides_the_badge() {
        notifyAlex(NotificationKind.CHECK_IN_OPEN, "my-workbook", "");
        signIn.as(couple.one().email());
        open("workbook");
        test(bell()).click();

        test(button($(Dialog.class).single(), "Mark all as read")).click();

        assertThat(bell().getAriaLabel()).contains("Notifications, none unread");
        assertThat($(Span.class, bell()).all()).allSatisfy(badge -> assertThat(badge.isVisible()).isFalse());
        assertThat(button($(Dialog.class).single(), "Mark all as read").isEnabled()).isFalse();
    }

    @Test
    void someone_with_nothing_new_is_told_so() {
        signIn.as(therapist.email());
        open("caseload");
        assertThat(bell().getAriaLabel()).contains("Notifications, none unread");

        test(bell()).click();

        assertThat($(Paragraph.class, $(Dialog.class).single()).all()).filteredOn(Component::isVisible)
                .extracting(Paragraph::getText).anyMatch(text -> text.startsWith("Nothing new."));
        assertThat($(ListItem.class, $(Dialog.class).single()).all()).isEmpty();
    }

    @Test
    void the_bell_does_not_show_another_persons_notifications() {
        notifyAlex(NotificationKind.MESSAGE, "goals", "");
        signIn.as(couple.two().email());
        open("workbook");

        assertThat(bell().getAriaLabel()).contains("Notifications, none unread");
    }

    @SuppressWarnings("unchecked")
    RadioButtonGroup<Boolean> choice(NotificationKind kind) {
        return $(RadioButtonGroup.class).id("notify-" + kind.name());
    }

    @Test
    void a_partner_chooses_e_mail_per_kind_and_sees_it_saved() {
        signIn.as(couple.one().email());
        assertThat(open(NotificationRoutes.SETTINGS)).isEqualTo("NotificationSettingsView");

        assertThat(choice(NotificationKind.MESSAGE).getLabel()).isEqualTo("A new message");
        assertThat(choice(NotificationKind.MESSAGE).getValue()).isTrue();
        assertThat(choice(NotificationKind.FEEDBACK_GIVEN).getValue()).isFalse();
        assertThat($(RadioButtonGroup.class).all()).hasSize(8);

        test(choice(NotificationKind.MESSAGE)).selectItem("In the app only");
        test(choice(NotificationKind.FEEDBACK_GIVEN)).selectItem("In the app and by e-mail");
        test(button((Component) getCurrentView(), "Save")).click();

        assertThat(test($(Notification.class).all().getLast()).getText()).isEqualTo("Your notification settings are saved.");
        assertThat(settings.mine().choices()).filteredOn(EmailChoice::byEmail).extracting(EmailChoice::kind)
                .containsExactlyInAnyOrder(NotificationKind.FEEDBACK_GIVEN, NotificationKind.MODULE_ASSIGNED,
                        NotificationKind.CHECK_IN_OPEN);
    }

    @Test
    void an_admin_who_does_not_counsel_is_refused_the_settings_page() {
        signIn.as(admin.email());
        assertThat(open(NotificationRoutes.SETTINGS)).isEqualTo("AccessDeniedView");
    }
}
