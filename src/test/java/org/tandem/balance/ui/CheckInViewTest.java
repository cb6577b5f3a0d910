package org.tandem.balance.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.tandem.balance.CheckInDraft;
import org.tandem.balance.CheckInService;
import org.tandem.balance.Item;
import org.tandem.sessions.SessionService;
import org.tandem.sessions.SessionStatus;
import org.tandem.support.BalanceFixtures;
import org.tandem.support.BalanceFixtures.Practice;
import org.tandem.support.Fixtures;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;

/** The check-in card on My workbook and the check-in screen, used by Nina as on a phone; refused to others. */
@IntegrationTest
@ViewPackages(packages = "org.tandem")
class CheckInViewTest extends SpringBrowserlessTest {

    @Autowired CheckInService checkIns;
    @Autowired SessionService sessions;

    @Autowired TestClock clock;
    @Autowired SignIn signIn;
    @Autowired Fixtures fixtures;
    @Autowired BalanceFixtures balanceFixtures;
    Practice practice;
    /** E-mails of Nina, Felix, their therapist. */
    String nina;
    String felix;
    String therapist;
    long session;

    /** Browserless reads the static holder; see PartnerWorkbookViewsTest. */
    @BeforeAll
    static void use_this_contexts_security_strategy(@Autowired SecurityContextHolderStrategy strategy) {
        SecurityContextHolder.setContextHolderStrategy(strategy);
    }

    /**
     * A session for Nina and Felix in 30 hours, Nina signed in. The people are committed: refusals are audited in a
     * transaction of their own, which must see the accounts.
     */
    @BeforeEach
    void a_session_for_nina_and_felix_in_30_hours() {
        fixtures.committed(() -> practice = balanceFixtures.practice());
        nina = practice.couple().one().email();
        felix = practice.couple().two().email();
        therapist = practice.therapist().email();
        session = fixtures.session(practice.therapist(), practice.couple(),
                LocalDateTime.ofInstant(clock.instant().plus(Duration.ofHours(30)), clock.getZone()));
        signIn.as(nina);
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    /** Does something as another person, then hands the test's own person back. */
    <T> T as(String email, Supplier<T> action) {
        return signIn.during(email, action);
    }

    long ninasCheckIn() {
        return as(nina, () -> checkIns.myOpenCheckIns()).getFirst().checkInId();
    }

    CheckInDraft stored(long checkInId) {
        return as(nina, () -> checkIns.open(checkInId));
    }

    String open(String route) {
        navigate(route, Component.class);
        return getCurrentView().getClass().getSimpleName();
    }

    /** The seven answer buttons of a statement, or the seven pictures. */
    List<Button> options(String blockId) {
        Div block = $(Div.class).id(blockId);
        return $(Button.class, block).all();
    }

    void tap(String blockId, int index) {
        test(options(blockId).get(index)).click();
    }

    Button submit() {
        return $(Button.class).all().stream().filter(b -> "Submit".equals(b.getText())).findFirst().orElseThrow();
    }

    String progress() {
        return $(Span.class).all().stream().map(Span::getText).filter(text -> text.endsWith("answered"))
                .findFirst().orElseThrow();
    }

    @Test
    void my_workbook_shows_the_open_check_in_with_a_start_button() {
        long id = ninasCheckIn();
        assertThat(open("workbook")).isEqualTo("MyWorkbookView");
        Div card = $(Div.class).id("check-in-" + id);
        assertThat(card.getElement().getTextRecursively()).contains("Your check-in before your session on")
                .contains("about 2 minutes");
        test($(Button.class, card).single()).click();
        assertThat(getCurrentView()).isInstanceOf(CheckInView.class);
    }

    @Test
    void a_tapped_answer_is_saved_at_once_and_counted() {
        long id = ninasCheckIn();
        open("check-in/" + id);
        assertThat(progress()).isEqualTo("0 of 11 answered");

        tap("statement-block-I3", 5);

        assertThat(stored(id).answers().answer(Item.I3)).isEqualTo(5);
        assertThat(progress()).isEqualTo("1 of 11 answered");
        assertThat(options("statement-block-I3").get(5).getElement().getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(options("statement-block-I3")).hasSize(7);
    }

    @Test
    void submit_is_enabled_only_when_all_eleven_are_answered_and_leaves_the_check_in_read_only() {
        long id = ninasCheckIn();
        open("check-in/" + id);
        for (Item item : Item.values()) {
            assertThat(submit().isEnabled()).isFalse();
            tap("statement-block-" + item.name(), 3);
        }
        assertThat(submit().isEnabled()).isFalse();
        assertThat($(Span.class).id("submit-help").getText()).contains("1 still to go");
        List<Button> pictures = options("closeness");
        assertThat(pictures).hasSize(7);
        assertThat(pictures.get(2).getElement().getAttribute("aria-label"))
                .isEqualTo("Picture 3 of 7: a little overlap");
        tap("closeness", 2);
        assertThat(progress()).isEqualTo("11 of 11 answered");
        assertThat(submit().isEnabled()).isTrue();

        test(submit()).click();

        assertThat(stored(id).submitted()).isTrue();
        assertThat(stored(id).answers().closeness()).isEqualTo(3);
        assertThat(getCurrentView().getElement().getTextRecursively()).contains("Thank you for checking in");
        assertThat($(Button.class).all()).noneMatch(button -> "Submit".equals(button.getText()));
        assertThat(options("statement-block-I1")).allMatch(button -> !button.isEnabled());
        assertThat(options("closeness")).allMatch(button -> !button.isEnabled());
    }

    @Test
    void a_check_in_whose_session_has_started_says_so_and_turns_read_only() {
        long id = ninasCheckIn();
        open("check-in/" + id);
        clock.advance(Duration.ofHours(30).plusMinutes(5)); // the session began five minutes ago

        tap("statement-block-I1", 4);

        assertThat(getCurrentView().getElement().getTextRecursively()).contains("This check-in has closed");
        assertThat(options("statement-block-I1")).allMatch(button -> !button.isEnabled());
        assertThat($(Button.class).all()).noneMatch(button -> "Submit".equals(button.getText()));
    }

    @Test
    void my_workbook_shows_no_check_in_card_when_none_is_open() {
        as(therapist, () -> sessions.mark(session, sessions.list(practice.couple().id()).getFirst().version(),
                SessionStatus.CANCELLED));
        open("workbook");
        assertThat(getCurrentView().getElement().getTextRecursively()).doesNotContain("Your check-in");
    }

    @Test
    void felix_is_denied_ninas_check_in() {
        long id = ninasCheckIn();
        signIn.as(felix);
        assertThat(open("check-in/" + id)).isEqualTo("AccessDeniedView");
        assertThat(open("check-in/not-a-number")).isEqualTo("AccessDeniedView");
    }

    @Test
    void a_therapist_is_denied_the_check_in() {
        long id = ninasCheckIn();
        signIn.as(therapist);
        assertThat(open("check-in/" + id)).isEqualTo("AccessDeniedView");
    }

    @Test
    void an_admin_is_denied_the_check_in() {
        long id = ninasCheckIn();
        signIn.as(practice.admin().email());
        assertThat(open("check-in/" + id)).isEqualTo("AccessDeniedView");
    }

    @Test
    void a_partner_of_another_clinic_is_denied_the_check_in() {
        long id = ninasCheckIn();
        signIn.as(practice.otherClinicsCouple().one().email());
        assertThat(open("check-in/" + id)).isEqualTo("AccessDeniedView");
    }
}
