package org.tandem.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tandem.invitations.StaffInvitationData;
import org.tandem.passwordreset.ResetRequest;

/** The limits of a name and an e-mail are written once ({@link PersonName}, {@link AccountEmail}) and hold everywhere. */
class AccountConstraintsTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void each_problem_of_an_email_has_its_own_message_in_every_record_that_asks_for_one() {
        String tooLong = "a".repeat(250) + "@example.com";
        for (String email : new String[] {"", "not an address", tooLong}) {
            Set<String> expected = templatesOf(validator.validate(new ResetRequest(email)));
            assertThat(templatesOf(validator.validate(new NewAccount("Ada", email, "a long enough passphrase"))))
                    .isEqualTo(expected);
            assertThat(templatesOf(validator.validate(new StaffInvitationData("Ada", email, Set.of(Role.ADMIN)))))
                    .isEqualTo(expected);
        }
        assertThat(templatesOf(validator.validate(new ResetRequest(""))))
                .containsExactly("{accounts.validation.email-required}");
        assertThat(templatesOf(validator.validate(new ResetRequest("not an address"))))
                .containsExactly("{accounts.validation.email-invalid}");
        assertThat(templatesOf(validator.validate(new ResetRequest(tooLong))))
                .contains("{accounts.validation.email-too-long}");
        assertThat(validator.validate(new ResetRequest("  Ada@Example.COM "))).isEmpty();
        assertThat(new ResetRequest("  Ada@Example.COM ").email()).isEqualTo("ada@example.com");
    }

    @Test
    void a_name_is_required_and_at_most_200_characters() {
        assertThat(templatesOf(validator.validate(new NewAccount(" ", "ada@example.com", "a long enough passphrase"))))
                .containsExactly("{accounts.validation.name-required}");
        assertThat(templatesOf(validator.validate(
                new StaffInvitationData("x".repeat(201), "ada@example.com", Set.of(Role.THERAPIST)))))
                .containsExactly("{accounts.validation.name-too-long}");
        assertThat(validator.validate(new StaffInvitationData("x".repeat(200), "ada@example.com", Set.of(Role.ADMIN))))
                .isEmpty();
    }

    private static <T> Set<String> templatesOf(Set<ConstraintViolation<T>> violations) {
        return violations.stream().map(ConstraintViolation::getMessageTemplate).collect(Collectors.toSet());
    }
}
