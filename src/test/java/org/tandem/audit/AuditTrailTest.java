package org.tandem.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.tandem.jooq.Tables.AUDIT_EVENT;

import org.tandem.accounts.AuditEvent.Outcome;
import org.tandem.accounts.AuditEvent;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.tandem.accounts.TandemUser;
import org.tandem.caseload.CaseloadService;
import org.tandem.jooq.tables.records.AuditEventRecord;
import org.tandem.support.AuditTrail;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Clinic;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;

@IntegrationTest
class AuditTrailTest {

    @Autowired WebApplicationContext context;
    @Autowired DSLContext dsl;
    @Autowired UserDetailsService accounts;
    @Autowired SignIn signIn;
    @Autowired CaseloadService caseload;
    @Autowired org.tandem.couples.CoupleService couples;
    @Autowired Fixtures fixtures;

    MockMvc mvc;
    AuditTrail trail;
    Person admin;
    Person jordan;
    Person priya;
    Couple alexAndSam;

    @BeforeEach
    void set_up() {
        fixtures.committed(this::a_clinic);
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        trail = AuditTrail.from(dsl);
    }

    private void a_clinic() {
        Clinic clinic = fixtures.clinic("Riverside Counselling");
        admin = fixtures.admin(clinic, "Morgan Ellis");
        jordan = fixtures.therapist(clinic, "Dr. Jordan Reyes");
        priya = fixtures.therapist(clinic, "Priya Nair");
        alexAndSam = fixtures.couple(jordan, "Alex Morgan", "Samira Patel");
        fixtures.couple(jordan, "Daniel Okafor", "Grace Okafor");
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    @Test
    void a_sign_in_leaves_exactly_one_success_row() throws Exception {
        mvc.perform(formLogin("/login").user(jordan.email()).password(Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/"));

        TandemUser therapist = (TandemUser) accounts.loadUserByUsername(jordan.email());
        assertThat(trail.since()).singleElement().satisfies(row -> {
            assertThat(row.getAction()).isEqualTo("auth.sign-in");
            assertThat(row.getOutcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(row.getActorAccountId()).isEqualTo(therapist.accountId());
            assertThat(row.getClinicId()).isEqualTo(therapist.clinicId());
            assertThat(row.getActor()).isEqualTo(jordan.email());
            assertThat(row.getOccurredAt()).isNotNull();
        });
    }

    @Test
    void a_failed_sign_in_leaves_exactly_one_failure_row_for_that_account() throws Exception {
        mvc.perform(formLogin("/login").user(jordan.email()).password("wrong-password"))
                .andExpect(redirectedUrl("/login?error"));

        TandemUser therapist = (TandemUser) accounts.loadUserByUsername(jordan.email());
        assertThat(trail.since()).singleElement().satisfies(row -> {
            assertThat(row.getAction()).isEqualTo("auth.sign-in");
            assertThat(row.getOutcome()).isEqualTo(Outcome.FAILURE);
            assertThat(row.getActorAccountId()).isEqualTo(therapist.accountId());
            assertThat(row.getClinicId()).isEqualTo(therapist.clinicId());
            assertThat(row.getDetail()).isEqualTo("BadCredentialsException from 127.0.0.1");
        });
    }

    @Test
    void each_row_written_in_a_request_carries_the_clients_address() throws Exception {
        mvc.perform(post("/login").param("username", jordan.email()).param("password", "wrong-password").with(csrf())
                        .with(request -> {
                            request.setRemoteAddr("203.0.113.7");
                            return request;
                        }))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(post("/login").param("username", jordan.email()).param("password", Fixtures.PASSWORD).with(csrf())
                        .with(request -> {
                            request.setRemoteAddr("2001:db8::17");
                            return request;
                        }))
                .andExpect(redirectedUrl("/"));

        assertThat(trail.since()).extracting(AuditEventRecord::getOutcome, AuditEventRecord::getAddress)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Outcome.FAILURE, "203.0.113.7"),
                        org.assertj.core.groups.Tuple.tuple(Outcome.SUCCESS, "2001:db8::17"));
    }

    @Test
    void a_row_written_outside_a_request_has_no_address() {
        org.springframework.web.context.request.RequestContextHolder.resetRequestAttributes();
        signIn.as(jordan.email());

        caseload.page(0, 25);

        assertThat(trail.since()).singleElement().satisfies(row -> assertThat(row.getAddress()).isNull());
    }

    @Test
    void a_sign_in_with_an_unknown_email_is_recorded_without_a_clinic() throws Exception {
        mvc.perform(formLogin("/login").user("nobody@example.com").password("whatever-it-is"))
                .andExpect(redirectedUrl("/login?error"));

        assertThat(trail.since()).singleElement().satisfies(row -> {
            assertThat(row.getOutcome()).isEqualTo(Outcome.FAILURE);
            assertThat(row.getActor()).matches("unknown user name \\(hash [0-9a-f]{16}\\)");
            assertThat(row.getClinicId()).isNull();
            assertThat(row.getActorAccountId()).isNull();
        });
    }

    @Test
    void a_sign_out_leaves_exactly_one_row() throws Exception {
        TandemUser alex = (TandemUser) accounts.loadUserByUsername(alexAndSam.one().email());

        mvc.perform(post("/logout").with(user(alex)).with(csrf()));

        assertThat(trail.since()).singleElement().satisfies(row -> {
            assertThat(row.getAction()).isEqualTo("auth.sign-out");
            assertThat(row.getActorAccountId()).isEqualTo(alex.accountId());
            assertThat(row.getClinicId()).isEqualTo(alex.clinicId());
        });
    }

    @Test
    void a_caseload_read_leaves_exactly_one_row_in_its_transaction() {
        TandemUser therapist = signIn.as(jordan.email());

        caseload.page(0, 25);

        assertThat(trail.since()).singleElement().satisfies(row -> {
            assertThat(row.getAction()).isEqualTo("caseload.read");
            assertThat(row.getOutcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(row.getActorAccountId()).isEqualTo(therapist.accountId());
            assertThat(row.getClinicId()).isEqualTo(therapist.clinicId());
            assertThat(row.getDetail()).isEqualTo("offset 0, 2 couples");
        });
    }

    @Test
    void a_refused_service_call_leaves_exactly_one_denied_row() {
        TandemUser admin = signIn.as(this.admin.email());

        assertThatThrownBy(() -> caseload.page(0, 25)).isInstanceOf(AccessDeniedException.class);

        assertThat(trail.since()).singleElement().satisfies(row -> {
            assertThat(row.getAction()).isEqualTo("access.denied");
            assertThat(row.getOutcome()).isEqualTo(Outcome.DENIED);
            assertThat(row.getActorAccountId()).isEqualTo(admin.accountId());
            assertThat(row.getDetail()).contains("CaseloadService.page");
        });
    }

    @Test
    void opening_another_therapists_couple_is_refused_and_the_refusal_is_kept() {
        TandemUser priya = signIn.as(this.priya.email());
        long alexAndSam = this.alexAndSam.id();

        assertThatThrownBy(() -> couples.heading(alexAndSam)).isInstanceOf(AccessDeniedException.class);

        assertThat(trail.since()).singleElement().satisfies(row -> {
            assertThat(row.getAction()).isEqualTo("access.denied");
            assertThat(row.getActorAccountId()).isEqualTo(priya.accountId());
            assertThat(row.getDetail()).isEqualTo("couple " + alexAndSam + ": not on the caseload");
        });
    }

    @Test
    void opening_ones_own_couple_is_recorded_once() {
        signIn.as(jordan.email());
        long alexAndSam = this.alexAndSam.id();

        assertThat(couples.heading(alexAndSam).names()).isEqualTo("Alex Morgan & Samira Patel");
        couples.overview(alexAndSam);

        assertThat(trail.since()).extracting(AuditEventRecord::getAction, AuditEventRecord::getSubjectId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("couple.read", alexAndSam));
    }

    @Test
    void the_application_cannot_update_an_audit_row() {
        AuditEventRecord row = anyRow();

        assertThatThrownBy(() -> dsl.update(AUDIT_EVENT).set(AUDIT_EVENT.OUTCOME, AuditEvent.Outcome.SUCCESS)
                .where(AUDIT_EVENT.ID.eq(row.getId())).execute())
                .rootCause().hasMessageContaining("permission denied for table audit_event");
    }

    @Test
    void the_application_cannot_delete_an_audit_row() {
        AuditEventRecord row = anyRow();

        assertThatThrownBy(() -> dsl.deleteFrom(AUDIT_EVENT).where(AUDIT_EVENT.ID.eq(row.getId())).execute())
                .rootCause().hasMessageContaining("permission denied for table audit_event");
    }

    @Test
    void the_application_cannot_truncate_the_audit_trail() {
        anyRow();

        assertThatThrownBy(() -> dsl.truncate(AUDIT_EVENT).execute())
                .rootCause().hasMessageContaining("permission denied for table audit_event");
    }

    private AuditEventRecord anyRow() {
        signIn.as(jordan.email());
        caseload.page(0, 1);
        return trail.since().getFirst();
    }
}
