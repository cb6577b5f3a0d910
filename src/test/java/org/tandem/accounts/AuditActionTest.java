package org.tandem.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AuditActionTest {

    @Test
    void every_action_is_stored_under_its_own_string() {
        assertThat(Arrays.stream(AuditAction.values()).map(AuditAction::stored)).doesNotHaveDuplicates();
    }

    /** A feature, a dot, what happened; the feature may be hyphenated ({@code session-note.read}, stored so since V001). */
    @Test
    void every_stored_string_is_a_lower_case_dotted_name() {
        assertThat(AuditAction.values()).allSatisfy(action ->
                assertThat(action.stored()).matches("[a-z_-]+\\.[a-z_.-]+"));
    }

    @Test
    void a_failure_and_a_refusal_outlive_the_act_and_a_success_does_not() {
        assertThat(AuditEvent.Outcome.SUCCESS.survivesRollback()).isFalse();
        assertThat(AuditEvent.Outcome.FAILURE.survivesRollback()).isTrue();
        assertThat(AuditEvent.Outcome.DENIED.survivesRollback()).isTrue();
    }
}
