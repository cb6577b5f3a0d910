package org.tandem.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.tandem.jooq.tables.records.AuditEventRecord;
import org.tandem.support.AuditTrail;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;

/**
 * A user name typed into the sign-in form that is no account's (perhaps a passphrase typed into the wrong field) is
 * kept nowhere as typed: neither in the audit trail nor in the throttle's rows, only as a keyed hash that is the same
 * for the same name. An account's e-mail is recorded as it is.
 */
@IntegrationTest
class UnknownSignInNameTest {

    @Autowired WebApplicationContext context;
    @Autowired DSLContext dsl;
    @Autowired Fixtures fixtures;

    MockMvc mvc;
    AuditTrail trail;
    Person jordan;

    @BeforeEach
    void a_therapist() {
        fixtures.committed(() -> jordan = fixtures.therapist(fixtures.clinic("Riverside Counselling"), "Dr. Jordan Reyes"));
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        trail = AuditTrail.from(dsl);
    }

    void signInAs(String name) throws Exception {
        mvc.perform(formLogin("/login").user(name).password("whatever-it-is")).andExpect(redirectedUrlPattern("/login?error*"));
    }

    /** The rows of every text column of the audit trail and the throttle's tables that contain {@code text}. */
    int rowsContaining(String text) {
        int rows = 0;
        for (String table : List.of("audit_event", "sign_in_failure", "sign_in_lock")) {
            List<String> columns = dsl.select(DSL.field("column_name", String.class))
                    .from("information_schema.columns")
                    .where(DSL.field("table_name").eq(table),
                            DSL.field("data_type").in("text", "character varying", "character"))
                    .fetch(0, String.class);
            assertThat(columns).as(table).isNotEmpty();
            for (String column : columns) {
                rows += dsl.fetchCount(DSL.table(DSL.name(table)),
                        DSL.lower(DSL.field(DSL.name(column), String.class)).contains(text.toLowerCase()));
            }
        }
        return rows;
    }

    @Test
    void a_passphrase_typed_as_the_name_is_kept_nowhere_and_hashes_the_same_each_time() throws Exception {
        String passphrase = "Correct Horse Battery " + UUID.randomUUID();

        for (int attempt = 0; attempt < 5; attempt++) { // the fifth locks the name: the lock's row and its audit too
            signInAs(passphrase);
        }

        assertThat(rowsContaining(passphrase)).isZero();
        assertThat(rowsContaining(passphrase.substring(passphrase.length() - 12))).isZero();
        List<AuditEventRecord> failed = trail.since("auth.sign-in");
        assertThat(failed).hasSize(5).extracting(AuditEventRecord::getActor).containsOnly(failed.getFirst().getActor());
        assertThat(failed.getFirst().getActor()).matches("unknown user name \\(hash [0-9a-f]{16}\\)");
        assertThat(trail.since("auth.lock-out")).singleElement()
                .satisfies(lock -> assertThat(lock.getActor()).isEqualTo(failed.getFirst().getActor()));
        assertThat(rowsContaining(failed.getFirst().getActor())).as("the throttle counts by the hash").isGreaterThan(5);
    }

    @Test
    void two_different_unknown_names_hash_differently() throws Exception {
        signInAs("first-" + UUID.randomUUID() + "@fixture.example");
        signInAs("second-" + UUID.randomUUID() + "@fixture.example");

        assertThat(trail.since("auth.sign-in")).extracting(AuditEventRecord::getActor).doesNotHaveDuplicates();
    }

    @Test
    void an_accounts_email_is_recorded_as_it_is() throws Exception {
        signInAs(jordan.email());

        assertThat(trail.since("auth.sign-in")).singleElement()
                .satisfies(row -> assertThat(row.getActor()).isEqualTo(jordan.email()));
    }
}
