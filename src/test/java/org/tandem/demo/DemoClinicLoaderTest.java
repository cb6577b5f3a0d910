package org.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.jooq.Tables.ACCOUNT;
import static org.tandem.jooq.Tables.CLINIC;
import static org.tandem.jooq.Tables.COUPLE;
import static org.tandem.jooq.Tables.COUPLE_SESSION;
import static org.tandem.jooq.Tables.INVITATION;
import static org.tandem.jooq.Tables.ANSWER;
import static org.tandem.jooq.Tables.ASSIGNMENT_WORK;
import static org.tandem.jooq.Tables.FEEDBACK;
import static org.tandem.jooq.Tables.GOAL;
import static org.tandem.jooq.Tables.GOAL_MILESTONE;
import static org.tandem.jooq.Tables.GOAL_UPDATE;
import static org.tandem.jooq.Tables.MODULE_ASSIGNMENT;
import static org.tandem.jooq.Tables.SESSION_NOTE;
import static org.tandem.jooq.Tables.COUPLE_THERAPIST;
import static org.tandem.jooq.Tables.PARTNER;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.workbook.Progress;
import org.tandem.workbook.WorkbookService;

class DemoClinicLoaderTest {

    @Nested
    @IntegrationTest
    class InTheDevelopmentRun {

        @Autowired WorkbookService workbook;
        @Autowired SignIn signIn;

        @Autowired DSLContext dsl;
        @Autowired DemoClinicLoader loader;

        @Test
        void the_demo_clinic_has_its_people_and_at_least_twelve_couples_across_two_therapists() {
            long clinic = dsl.select(CLINIC.ID).from(CLINIC).where(CLINIC.NAME.eq("Riverside Couples Practice"))
                    .fetchSingle(CLINIC.ID);
            assertThat(dsl.fetchCount(COUPLE, COUPLE.CLINIC_ID.eq(clinic))).isGreaterThanOrEqualTo(12);
            assertThat(dsl.selectDistinct(ACCOUNT.EMAIL).from(COUPLE_THERAPIST).join(ACCOUNT)
                    .on(ACCOUNT.ID.eq(COUPLE_THERAPIST.ACCOUNT_ID))
                    .where(COUPLE_THERAPIST.ROLE.eq("PRIMARY"), COUPLE_THERAPIST.CLINIC_ID.eq(clinic))
                    .fetch(ACCOUNT.EMAIL))
                    .containsExactlyInAnyOrder("therapist@example.com", "therapist2@example.com");
            assertThat(dsl.fetchExists(ACCOUNT, ACCOUNT.EMAIL.eq("admin@example.com"))).isTrue();
        }

        @Test
        void alex_and_sam_are_the_two_partners_of_one_couple_of_the_first_therapist() {
            var couples = dsl.select(PARTNER.COUPLE_ID).from(PARTNER).join(ACCOUNT).on(ACCOUNT.ID.eq(PARTNER.ACCOUNT_ID))
                    .where(ACCOUNT.EMAIL.in("alex@example.com", "sam@example.com")).fetch(PARTNER.COUPLE_ID);
            assertThat(couples).hasSize(2).containsOnly(couples.getFirst());
            assertThat(dsl.select(ACCOUNT.EMAIL).from(COUPLE_THERAPIST).join(ACCOUNT)
                    .on(ACCOUNT.ID.eq(COUPLE_THERAPIST.ACCOUNT_ID))
                    .where(COUPLE_THERAPIST.COUPLE_ID.eq(couples.getFirst())).fetch(ACCOUNT.EMAIL))
                    .containsExactly("therapist@example.com");
        }

        @Test
        void couples_have_months_of_sessions_with_notes_and_a_next_session() {
            var perCouple = dsl.select(COUPLE.ID, COUPLE.STATUS, DSL.min(COUPLE_SESSION.STARTS_AT),
                            DSL.count(COUPLE_SESSION.ID),
                            DSL.count(COUPLE_SESSION.ID).filterWhere(COUPLE_SESSION.STATUS.eq("HELD")),
                            DSL.count(SESSION_NOTE.SESSION_ID),
                            DSL.count(COUPLE_SESSION.ID).filterWhere(COUPLE_SESSION.STATUS.eq("SCHEDULED")
                                    .and(COUPLE_SESSION.STARTS_AT.gt(DSL.currentOffsetDateTime()))))
                    .from(COUPLE)
                    .join(CLINIC).on(CLINIC.ID.eq(COUPLE.CLINIC_ID), CLINIC.NAME.eq("Riverside Couples Practice"))
                    .leftJoin(COUPLE_SESSION).on(COUPLE_SESSION.COUPLE_ID.eq(COUPLE.ID))
                    .leftJoin(SESSION_NOTE).on(SESSION_NOTE.SESSION_ID.eq(COUPLE_SESSION.ID))
                    .groupBy(COUPLE.ID, COUPLE.STATUS)
                    .fetch();

            assertThat(perCouple).hasSizeGreaterThanOrEqualTo(12).allSatisfy(row -> {
                String status = row.value2();
                assertThat(row.value6()).as("every held session has a note").isEqualTo(row.value5());
                if (!status.equals("INTAKE")) {
                    assertThat(row.value3()).as("three months of history or more")
                            .isBefore(java.time.OffsetDateTime.now().minusMonths(3).plusDays(1));
                    assertThat(row.value4()).isGreaterThanOrEqualTo(6);
                }
                assertThat(row.value7()).as("a next session for active and intake couples")
                        .isEqualTo(status.equals("ACTIVE") || status.equals("INTAKE") ? 1 : 0);
            });
            assertThat(dsl.fetchCount(COUPLE_SESSION, COUPLE_SESSION.STATUS.eq("CANCELLED"))).isPositive();
            assertThat(dsl.fetchCount(COUPLE_SESSION, COUPLE_SESSION.STATUS.eq("NO_SHOW"))).isPositive();
        }

        @Test
        void invitations_appear_in_every_state() {
            assertThat(dsl.fetchCount(INVITATION, INVITATION.ACCEPTED_AT.isNotNull())).isPositive()
                    .isEqualTo(dsl.fetchCount(INVITATION, INVITATION.ACCEPTED_AT.isNotNull(), INVITATION.ACCOUNT_ID.isNotNull()));
            assertThat(dsl.fetchCount(INVITATION, INVITATION.VOIDED_AT.isNotNull())).isPositive();
            assertThat(dsl.fetchCount(INVITATION, INVITATION.ACCEPTED_AT.isNull(), INVITATION.VOIDED_AT.isNull(),
                    INVITATION.EXPIRES_AT.lt(DSL.currentOffsetDateTime()))).isPositive();
            assertThat(dsl.fetchCount(INVITATION, INVITATION.ACCEPTED_AT.isNull(), INVITATION.VOIDED_AT.isNull(),
                    INVITATION.EXPIRES_AT.gt(DSL.currentOffsetDateTime()))).isPositive();
        }

        @Test
        void every_couple_past_intake_has_assignments_in_every_state_and_goals_with_progress() {
            var perCouple = dsl.select(COUPLE.ID,
                            DSL.count().filterWhere(ASSIGNMENT_WORK.SUBMITTED_AT.isNotNull()
                                    .and(MODULE_ASSIGNMENT.REVIEWED_AT.isNotNull())),
                            DSL.count().filterWhere(ASSIGNMENT_WORK.SUBMITTED_AT.isNotNull()
                                    .and(MODULE_ASSIGNMENT.REVIEWED_AT.isNull())),
                            DSL.count().filterWhere(ASSIGNMENT_WORK.STARTED_AT.isNotNull()
                                    .and(ASSIGNMENT_WORK.SUBMITTED_AT.isNull())),
                            DSL.count().filterWhere(ASSIGNMENT_WORK.STARTED_AT.isNull()))
                    .from(COUPLE)
                    .join(CLINIC).on(CLINIC.ID.eq(COUPLE.CLINIC_ID), CLINIC.NAME.eq("Riverside Couples Practice"))
                    .join(MODULE_ASSIGNMENT).on(MODULE_ASSIGNMENT.COUPLE_ID.eq(COUPLE.ID))
                    .join(ASSIGNMENT_WORK).on(ASSIGNMENT_WORK.ASSIGNMENT_ID.eq(MODULE_ASSIGNMENT.ID))
                    .where(COUPLE.STATUS.ne("INTAKE"))
                    .groupBy(COUPLE.ID)
                    .fetch();
            assertThat(perCouple).hasSize(dsl.fetchCount(COUPLE, COUPLE.STATUS.ne("INTAKE"),
                    COUPLE.CLINIC_ID.eq(dsl.select(CLINIC.ID).from(CLINIC).where(CLINIC.NAME.eq("Riverside Couples Practice")))))
                    .allSatisfy(row -> assertThat(List.of(row.value2(), row.value3(), row.value4(), row.value5()))
                            .as("reviewed, submitted, in progress, not started").allMatch(count -> count > 0));
            assertThat(dsl.fetchCount(FEEDBACK)).isPositive();
            assertThat(dsl.fetchCount(ANSWER, ANSWER.SHARED.isTrue())).isPositive();
            assertThat(dsl.fetchCount(ANSWER, ANSWER.SHARED.isFalse())).isPositive();
            assertThat(dsl.fetchCount(GOAL, GOAL.OWNER_PARTNER_ID.isNull())).isPositive();
            assertThat(dsl.fetchCount(GOAL, GOAL.OWNER_PARTNER_ID.isNotNull(), GOAL.SHARED.isFalse())).isPositive();
            assertThat(dsl.fetchCount(GOAL_UPDATE)).isPositive();
            assertThat(dsl.fetchCount(GOAL_MILESTONE, GOAL_MILESTONE.REACHED_AT.isNotNull())).isPositive();
        }

        @Test
        void alex_and_sam_each_have_an_open_assignment_and_a_private_answer_the_other_cannot_see() {
            signIn.as("alex@example.com");
            assertThat(workbook.myAssignments()).anyMatch(a -> a.progress() != Progress.SUBMITTED);
            var revealed = workbook.myAssignments().stream().filter(a -> a.progress() == Progress.SUBMITTED)
                    .map(a -> workbook.myWork(a.assignmentId())).toList();
            assertThat(revealed).as("a mutual-reveal answer revealed")
                    .anyMatch(work -> work.content().steps().stream().anyMatch(step -> step.mutualReveal()
                            && work.partnerAnswers().containsKey(step.id())));
            for (String[] pair : new String[][] {{"alex@example.com", "sam@example.com"}, {"sam@example.com", "alex@example.com"}}) {
                signIn.as(pair[0]);
                var mine = workbook.myAssignments().stream().map(a -> workbook.myWork(a.assignmentId())).toList();
                assertThat(mine).anyMatch(work -> !work.submitted());
                signIn.as(pair[1]);
                var theirs = workbook.myAssignments().stream().map(a -> workbook.myWork(a.assignmentId())).toList();
                assertThat(mine).as(pair[0] + " has an answer " + pair[1] + " cannot see").anyMatch(work -> theirs.stream()
                        .filter(other -> other.assignmentId() == work.assignmentId())
                        .anyMatch(other -> work.myAnswers().keySet().stream()
                                .anyMatch(step -> !other.partnerAnswers().containsKey(step))));
            }
            signIn.out();
        }

        @Test
        void it_never_loads_over_existing_data() {
            int couples = dsl.fetchCount(COUPLE);

            loader.run(new DefaultApplicationArguments());

            assertThat(dsl.fetchCount(COUPLE)).isEqualTo(couples);
            assertThat(dsl.fetchCount(CLINIC, CLINIC.NAME.eq("Riverside Couples Practice"))).isOne();
        }
    }

    @Nested
    @SpringBootTest(properties = {"tandem.demo.enabled=true", "vaadin.productionMode=false"})
    @ActiveProfiles({"test", "prod"})
    class InTheProductionProfile {

        @Autowired DSLContext dsl;
        @Autowired ApplicationContext context;

        @Test
        void no_demo_data_is_loaded_even_when_asked_for() {
            assertThat(context.getBeanNamesForType(DemoClinicLoader.class)).isEmpty();
            assertThat(dsl.fetchCount(CLINIC)).isZero();
        }
    }
}
