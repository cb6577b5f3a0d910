package org.tandem.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.tandem.accounts.RefusedException;
import org.tandem.accounts.StaleVersionException;
import org.tandem.support.Fixtures;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;

/** A failure no view handled is told in words that fit its kind, and nothing else of it reaches the reader. */
@IntegrationTest
@ViewPackages(packages = "org.tandem")
class GlobalErrorHandlerTest extends SpringBrowserlessTest {

    @Autowired GlobalErrorHandler handler;
    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;

    /** A therapist at work on their caseload, where the failure happens. */
    @BeforeEach
    void a_therapist_on_the_caseload() {
        signIn.as(fixtures.therapist(fixtures.clinic("Riverside Counselling"), "Dr. Jordan Reyes").email());
        navigate("caseload", Component.class);
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    private String shown(Throwable error) {
        handler.error(new ErrorEvent(error));
        return test($(Notification.class).all().getLast()).getText();
    }

    @Test
    void every_session_gets_the_handler() {
        assertThat(VaadinSession.getCurrent().getErrorHandler()).isSameAs(handler);
    }

    @Test
    void someone_elses_save_asks_to_reload() {
        assertThat(shown(new StaleVersionException("Couple 7"))).isEqualTo(
                "Someone else changed this while you were working on it, so nothing was saved. "
                        + "Reload to see their changes.");
    }

    @Test
    void a_refusal_says_its_own_reason_even_when_wrapped() {
        assertThat(shown(new IllegalStateException(new RefusedException("sessions.error.not-started"))))
                .startsWith("This session has not started yet.");
    }

    @Test
    void an_access_denial_says_not_allowed() {
        assertThat(shown(new AccessDeniedException("Couple 7 is not yours"))).isEqualTo("You are not allowed to do this.");
    }

    @Test
    void anything_else_gives_a_reference_and_no_detail() {
        String shown = shown(new NullPointerException("secret detail"));
        assertThat(shown).matches("Something went wrong on our side\\. Reference: [0-9A-Z]{3}-[0-9A-Z]{4} — give it to "
                + "your clinic's administrator\\.").doesNotContain("secret");
    }

    @Test
    void a_database_busy_or_away_asks_to_try_again_and_a_save_as_one_types_is_retried_only_for_that() {
        RuntimeException timedOut = new org.springframework.transaction.CannotCreateTransactionException(
                "Could not open JDBC Connection for transaction",
                new java.sql.SQLTransientConnectionException("Connection is not available, request timed out"));
        assertThat(shown(timedOut)).isEqualTo("Tandem is very busy right now — try again in a moment.");
        assertThat(RetryingSave.isUnreachableDatabase(timedOut)).isTrue();
        assertThat(RetryingSave.isUnreachableDatabase(new java.sql.SQLException("refused", "08001"))).isTrue();
        assertThat(RetryingSave.isUnreachableDatabase(new StaleVersionException("Answer 7"))).isFalse();
        assertThat(RetryingSave.isUnreachableDatabase(new java.sql.SQLException("duplicate", "23505"))).isFalse();
    }
}
