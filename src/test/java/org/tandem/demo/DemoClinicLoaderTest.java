package org.tandem.demo;

import org.tandem.couples.CoupleStatus;
import org.tandem.couples.TherapistRole;
import org.tandem.sessions.SessionStatus;
import org.tandem.support.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.jooq.Tables.ACCOUNT;
import static org.tandem.jooq.Tables.CHECK_IN;
import static org.tandem.jooq.Tables.CHECK_IN_ANSWER;
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
import static org.tandem.jooq.Tables.MODULE;
import static org.tandem.jooq.Tables.MODULE_ASSIGNMENT;
import static org.tandem.jooq.Tables.MODULE_VERSION;
import static org.tandem.jooq.Tables.SESSION_NOTE;
import static org.tandem.jooq.Tables.COUPLE_THERAPIST;
import static org.tandem.jooq.Tables.PARTNER;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.balance.BalanceScoring;
import org.tandem.balance.Change;
import org.tandem.balance.CheckInAnswers;
import org.tandem.balance.Item;
import org.tandem.balance.Reliability;
import org.tandem.balance.Scores;
import org.tandem.balance.Subscale;
import org.tandem.balance.Zone;
import org.tandem.support.DemoTest;
import org.tandem.support.SignIn;
import org.tandem.workbook.AnswerValue;
import org.tandem.workbook.Progress;
import org.tandem.workbook.WorkbookJson;
import org.tandem.workbook.MyWorkbookService;

class DemoClinicLoaderTest {

    @Nested
    @DemoTest
    class InTheDevelopmentRun {


        @Autowired MyWorkbookService myWorkbook;

        @Autowired TestClock clock;
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
                    .where(COUPLE_THERAPIST.ROLE.eq(TherapistRole.PRIMARY), COUPLE_THERAPIST.CLINIC_ID.eq(clinic))
                    .fetch(ACCOUNT.EMAIL))
                    .containsExactlyInAnyOrder("therapist@example.com", "therapist2@example.com");
            assertThat(dsl.fetchExists(ACCOUNT, ACCOUNT.EMAIL.eq("admin@example.com"))).isTrue();
        }

        @Autowired org.tandem.invitations.StaffInvitationService staffInvitations;

        @Test
        void the_users_page_shows_a_former_colleague_and_staff_invitations_pending_expired_and_needing_attention() {
            signIn.as("admin@example.com");
            var pending = staffInvitations.pending(org.tandem.accounts.UserFilter.ALL);
            assertThat(pending).extracting(invitation -> invitation.displayName() + " " + invitation.expired() + " "
                    + invitation.needsAttention())
                    .contains("Noor Haddad false false", "Ines Park true false", "Leo Brandt false true");
            assertThat(dsl.fetchValue(ACCOUNT.ACTIVE, ACCOUNT.EMAIL.eq("former.therapist@example.com"))).isFalse();
            signIn.out();
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
                            DSL.count(COUPLE_SESSION.ID).filterWhere(COUPLE_SESSION.STATUS.eq(SessionStatus.HELD)),
                            DSL.count(SESSION_NOTE.SESSION_ID),
                            DSL.count(COUPLE_SESSION.ID).filterWhere(COUPLE_SESSION.STATUS.eq(SessionStatus.SCHEDULED)
                                    .and(COUPLE_SESSION.STARTS_AT.gt(DSL.val(OffsetDateTime.now(clock))))))
                    .from(COUPLE)
                    .join(CLINIC).on(CLINIC.ID.eq(COUPLE.CLINIC_ID), CLINIC.NAME.eq("Riverside Couples Practice"))
                    .leftJoin(COUPLE_SESSION).on(COUPLE_SESSION.COUPLE_ID.eq(COUPLE.ID))
                    .leftJoin(SESSION_NOTE).on(SESSION_NOTE.SESSION_ID.eq(COUPLE_SESSION.ID))
                    .groupBy(COUPLE.ID, COUPLE.STATUS)
                    .fetch();

            assertThat(perCouple).hasSizeGreaterThanOrEqualTo(12).allSatisfy(row -> {
                CoupleStatus status = row.value2();
                assertThat(row.value6()).as("every held session has a note").isEqualTo(row.value5());
                if (status != CoupleStatus.INTAKE) {
                    assertThat(row.value3()).as("three months of history or more")
                            .isBefore(OffsetDateTime.now(clock).minusMonths(3).plusDays(1));
                    assertThat(row.value4()).isGreaterThanOrEqualTo(6);
                }
                assertThat(row.value7()).as("a next session for active and intake couples")
                        .isEqualTo(status == CoupleStatus.ACTIVE || status == CoupleStatus.INTAKE ? 1 : 0);
            });
            assertThat(dsl.fetchCount(COUPLE_SESSION, COUPLE_SESSION.STATUS.eq(SessionStatus.CANCELLED))).isPositive();
            assertThat(dsl.fetchCount(COUPLE_SESSION, COUPLE_SESSION.STATUS.eq(SessionStatus.NO_SHOW))).isPositive();
        }

        @Test
        void invitations_appear_in_every_state() {
            assertThat(dsl.fetchCount(INVITATION, INVITATION.ACCEPTED_AT.isNotNull())).isPositive()
                    .isEqualTo(dsl.fetchCount(INVITATION, INVITATION.ACCEPTED_AT.isNotNull(), INVITATION.ACCOUNT_ID.isNotNull()));
            assertThat(dsl.fetchCount(INVITATION, INVITATION.VOIDED_AT.isNotNull())).isPositive();
            assertThat(dsl.fetchCount(INVITATION, INVITATION.ACCEPTED_AT.isNull(), INVITATION.VOIDED_AT.isNull(),
                    INVITATION.EXPIRES_AT.lt(DSL.val(OffsetDateTime.now(clock))))).isPositive();
            assertThat(dsl.fetchCount(INVITATION, INVITATION.ACCEPTED_AT.isNull(), INVITATION.VOIDED_AT.isNull(),
                    INVITATION.EXPIRES_AT.gt(DSL.val(OffsetDateTime.now(clock))))).isPositive();
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
                    .where(COUPLE.STATUS.ne(CoupleStatus.INTAKE))
                    .groupBy(COUPLE.ID)
                    .fetch();
            assertThat(perCouple).hasSize(dsl.fetchCount(COUPLE, COUPLE.STATUS.ne(CoupleStatus.INTAKE),
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
            assertThat(myWorkbook.myAssignments()).anyMatch(a -> a.progress() != Progress.SUBMITTED);
            var revealed = myWorkbook.myAssignments().stream().filter(a -> a.progress() == Progress.SUBMITTED)
                    .map(a -> myWorkbook.myWork(a.assignmentId())).toList();
            assertThat(revealed).as("a mutual-reveal answer revealed")
                    .anyMatch(work -> work.content().steps().stream().anyMatch(step -> step.mutualReveal()
                            && work.partnerAnswers().containsKey(step.id())));
            for (String[] pair : new String[][] {{"alex@example.com", "sam@example.com"}, {"sam@example.com", "alex@example.com"}}) {
                signIn.as(pair[0]);
                var mine = myWorkbook.myAssignments().stream().map(a -> myWorkbook.myWork(a.assignmentId())).toList();
                assertThat(mine).anyMatch(work -> !work.submitted());
                signIn.as(pair[1]);
                var theirs = myWorkbook.myAssignments().stream().map(a -> myWorkbook.myWork(a.assignmentId())).toList();
                assertThat(mine).as(pair[0] + " has an answer " + pair[1] + " cannot see").anyMatch(work -> theirs.stream()
                        .filter(other -> other.assignmentId() == work.assignmentId())
                        .anyMatch(other -> work.myAnswers().keySet().stream()
                                .anyMatch(step -> !other.partnerAnswers().containsKey(step))));
            }
            signIn.out();
        }

        private record Scored(long id, long couple, long partner, @Nullable Long session, OffsetDateTime submitted,
                CheckInAnswers answers, Scores scores) {}

        private List<Scored> demoCheckIns() {
            Map<Long, Map<Item, Integer>> answers = new HashMap<>();
            dsl.select(CHECK_IN_ANSWER.CHECK_IN_ID, CHECK_IN_ANSWER.ITEM_CODE, CHECK_IN_ANSWER.VALUE)
                    .from(CHECK_IN_ANSWER)
                    .forEach(r -> answers.computeIfAbsent(r.value1(), id -> new EnumMap<>(Item.class))
                            .put(r.value2(), r.value3().intValue()));
            return dsl.select(CHECK_IN.ID, CHECK_IN.COUPLE_ID, CHECK_IN.PARTNER_ID, CHECK_IN.SESSION_ID,
                            CHECK_IN.SUBMITTED_AT, CHECK_IN.CLOSENESS)
                    .from(CHECK_IN)
                    .join(CLINIC).on(CLINIC.ID.eq(CHECK_IN.CLINIC_ID), CLINIC.NAME.eq("Riverside Couples Practice"))
                    .where(CHECK_IN.SUBMITTED_AT.isNotNull())
                    .orderBy(CHECK_IN.SUBMITTED_AT, CHECK_IN.ID)
                    .fetch(r -> {
                        CheckInAnswers given = CheckInAnswers.of(answers.getOrDefault(r.value1(), Map.of()),
                                r.value6() == null ? null : r.value6().intValue());
                        return new Scored(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), given,
                                BalanceScoring.score(given));
                    });
        }

        private static Map<Long, Scored> first(List<Scored> checkIns) {
            Map<Long, Scored> first = new LinkedHashMap<>();
            checkIns.forEach(checkIn -> first.putIfAbsent(checkIn.partner(), checkIn));
            return first;
        }

        private static Map<Long, Scored> latest(List<Scored> checkIns) {
            Map<Long, Scored> latest = new LinkedHashMap<>();
            checkIns.forEach(checkIn -> latest.put(checkIn.partner(), checkIn));
            return latest;
        }

        private long partnerOf(String email) {
            return dsl.select(PARTNER.ID).from(PARTNER).join(ACCOUNT).on(ACCOUNT.ID.eq(PARTNER.ACCOUNT_ID))
                    .where(ACCOUNT.EMAIL.eq(email)).fetchSingle(PARTNER.ID);
        }

        @Test
        void balance_check_ins_tell_every_story_of_the_demo() {
            List<Scored> checkIns = demoCheckIns();
            assertThat(checkIns).allSatisfy(checkIn -> {
                assertThat(checkIn.answers().answers()).as("all ten answers").doesNotContainNull();
                assertThat(checkIn.answers().closeness()).isNotNull();
            });
            Map<Long, Scored> baselines = first(checkIns);
            Map<Long, Scored> latest = latest(checkIns);
            // Partners without an account (Lucía & Marco, Sofia & Erik, at intake) cannot check in.
            assertThat(baselines.keySet()).as("every partner who can sign in has a baseline, and no one else")
                    .containsExactlyInAnyOrderElementsOf(dsl.select(PARTNER.ID).from(PARTNER)
                            .join(COUPLE).on(COUPLE.ID.eq(PARTNER.COUPLE_ID))
                            .join(CLINIC).on(CLINIC.ID.eq(COUPLE.CLINIC_ID), CLINIC.NAME.eq("Riverside Couples Practice"))
                            .where(PARTNER.ACCOUNT_ID.isNotNull()).fetch(PARTNER.ID))
                    .hasSizeGreaterThanOrEqualTo(BalanceScoring.MIN_BASELINES);

            // All four zones among the partners' latest check-ins.
            assertThat(latest.values().stream().map(checkIn -> checkIn.scores().zone(60)).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrder(Zone.values());

            // A couple whose both partners move from distant to balanced.
            Map<Long, List<Long>> partnersByCouple = baselines.values().stream().collect(
                    Collectors.groupingBy(Scored::couple, Collectors.mapping(Scored::partner, Collectors.toList())));
            assertThat(partnersByCouple.values()).as("a couple from distant to balanced").anyMatch(partners ->
                    partners.stream().allMatch(partner -> baselines.get(partner).scores().zone(60) == Zone.DISTANT
                            && latest.get(partner).scores().zone(60) == Zone.BALANCED));

            // Reliable change is estimated from the clinic's baselines, and someone reliably deteriorated.
            Reliability reliability = BalanceScoring.parameters(baselines.values().stream().map(Scored::answers).toList());
            assertThat(reliability.provisional()).isFalse();
            assertThat(latest.values()).as("a reliable deterioration").anyMatch(checkIn -> {
                Change change = BalanceScoring.change(baselines.get(checkIn.partner()).scores(), checkIn.scores(),
                        reliability);
                return change.reliablyWorse(Subscale.INDEPENDENCE) || change.reliablyWorse(Subscale.INTIMACY);
            });

            // A divergence flag at some couple's latest session with both partners' check-ins.
            Map<Long, Map<Long, List<Scored>>> bySession = checkIns.stream().filter(checkIn -> checkIn.session() != null)
                    .collect(Collectors.groupingBy(Scored::couple, LinkedHashMap::new,
                            Collectors.groupingBy(Scored::session, LinkedHashMap::new, Collectors.toList())));
            assertThat(bySession.values()).as("a divergence flag at the latest session").anyMatch(sessions -> {
                List<Scored> both = sessions.values().stream().filter(pair -> pair.size() == 2)
                        .reduce((earlier, later) -> later).orElseThrow();
                return BalanceScoring.diverged(BalanceScoring.divergence(both.get(0).scores(), both.get(1).scores()), 25);
            });

            // A scheduled session within 48 hours that only one partner has checked in for.
            OffsetDateTime now = OffsetDateTime.now(clock);
            var soon = dsl.select(COUPLE_SESSION.ID, COUPLE_SESSION.COUPLE_ID).from(COUPLE_SESSION)
                    .where(COUPLE_SESSION.STATUS.eq(SessionStatus.SCHEDULED), COUPLE_SESSION.STARTS_AT.between(now, now.plusHours(48)))
                    .fetch();
            assertThat(soon).as("a missing check-in before an upcoming session").anyMatch(session ->
                    checkIns.stream().filter(checkIn -> session.value1().equals(checkIn.session())).count() == 1);
            assertThat(checkIns).allSatisfy(checkIn -> {
                if (checkIn.session() != null) {
                    OffsetDateTime startsAt = dsl.select(COUPLE_SESSION.STARTS_AT).from(COUPLE_SESSION)
                            .where(COUPLE_SESSION.ID.eq(checkIn.session())).fetchSingle(COUPLE_SESSION.STARTS_AT);
                    assertThat(checkIn.submitted()).isBetween(startsAt.minusHours(48), startsAt.minusHours(1));
                }
            });

            // Alex moves from distant to balanced and recently checked in; Sam, fused at first, gains independence.
            Scored alexFirst = baselines.get(partnerOf("alex@example.com"));
            Scored alexLatest = latest.get(partnerOf("alex@example.com"));
            Scored samFirst = baselines.get(partnerOf("sam@example.com"));
            Scored samLatest = latest.get(partnerOf("sam@example.com"));
            assertThat(alexFirst.scores().zone(60)).isEqualTo(Zone.DISTANT);
            assertThat(alexLatest.scores().zone(60)).isEqualTo(Zone.BALANCED);
            assertThat(alexLatest.submitted()).isAfter(now.minusDays(16));
            assertThat(samFirst.scores().zone(60)).isEqualTo(Zone.FUSED);
            assertThat(samLatest.scores().independence()).isGreaterThan(samFirst.scores().independence());
        }

        /** A demo answer with its module, step, writer and the other partner. */
        private record Written(long couple, String module, String step, AnswerValue value, String writer,
                String writerCalled, int position, String partnerOne, String otherCalled) {

            DemoAnswers.Writer asWriter() {
                return new DemoAnswers.Writer(writer, partnerOne, position == 1, writerCalled, otherCalled);
            }
        }

        private List<Written> demoAnswers() {
            var other = PARTNER.as("other");
            var first = PARTNER.as("first");
            return dsl.select(PARTNER.COUPLE_ID, MODULE.BUILTIN_KEY, ANSWER.STEP_ID, ANSWER.VALUE, PARTNER.FULL_NAME,
                            DSL.coalesce(PARTNER.PREFERRED_NAME, DSL.splitPart(PARTNER.FULL_NAME, " ", 1)),
                            PARTNER.POSITION, first.FULL_NAME,
                            DSL.coalesce(other.PREFERRED_NAME, DSL.splitPart(other.FULL_NAME, " ", 1)))
                    .from(ANSWER)
                    .join(ASSIGNMENT_WORK).on(ASSIGNMENT_WORK.ID.eq(ANSWER.WORK_ID))
                    .join(MODULE_ASSIGNMENT).on(MODULE_ASSIGNMENT.ID.eq(ASSIGNMENT_WORK.ASSIGNMENT_ID))
                    .join(MODULE_VERSION).on(MODULE_VERSION.ID.eq(MODULE_ASSIGNMENT.MODULE_VERSION_ID))
                    .join(MODULE).on(MODULE.ID.eq(MODULE_VERSION.MODULE_ID))
                    .join(PARTNER).on(PARTNER.ID.eq(ASSIGNMENT_WORK.PARTNER_ID))
                    .join(other).on(other.COUPLE_ID.eq(PARTNER.COUPLE_ID), other.ID.ne(PARTNER.ID))
                    .join(first).on(first.COUPLE_ID.eq(PARTNER.COUPLE_ID), first.POSITION.eq((short) 1))
                    .join(CLINIC).on(CLINIC.ID.eq(ANSWER.CLINIC_ID), CLINIC.NAME.eq("Riverside Couples Practice"))
                    .fetch(r -> new Written(r.value1(), r.value2(), r.value3(), WorkbookJson.answer(r.value4().data()),
                            r.value5(), r.value6(), r.value7(), r.value8(), r.value9()));
        }

        @Test
        void every_written_answer_and_goal_in_the_demo_is_one_written_for_its_step() {
            List<Written> written = demoAnswers();
            List<Written> texts = written.stream().filter(answer -> answer.value() instanceof AnswerValue.Text).toList();
            List<Written> goals = written.stream().filter(answer -> answer.value() instanceof AnswerValue.GoalValue)
                    .toList();

            assertThat(texts).hasSizeGreaterThan(100).allSatisfy(answer -> assertThat(
                            ((AnswerValue.Text) answer.value()).text())
                    .as(answer.writer() + " in " + answer.module() + "/" + answer.step())
                    .isIn(DemoAnswers.written().prompts(answer.module(), answer.step(), answer.asWriter()))
                    .doesNotContain("{", "}"));
            assertThat(goals).hasSizeGreaterThan(40).allSatisfy(answer -> {
                AnswerValue.GoalValue goal = (AnswerValue.GoalValue) answer.value();
                DemoAnswers.Goal expected = DemoAnswers.written().goal(answer.module(), answer.step(), answer.asWriter());
                assertThat(new DemoAnswers.Goal(goal.what(), goal.why(), goal.firstStep()))
                        .as(answer.writer() + " in " + answer.module() + "/" + answer.step()).isEqualTo(expected);
            });
        }

        @Test
        void partners_write_their_own_answers_different_from_each_other_and_from_other_couples() {
            Map<String, List<String>> byStep = demoAnswers().stream()
                    .filter(answer -> answer.value() instanceof AnswerValue.Text)
                    .collect(Collectors.groupingBy(answer -> answer.module() + "/" + answer.step(),
                            Collectors.mapping(answer -> ((AnswerValue.Text) answer.value()).text(),
                                    Collectors.toList())));

            assertThat(byStep).hasSizeGreaterThan(15).allSatisfy((step, answers) ->
                    assertThat(answers).as(step).doesNotHaveDuplicates());
        }

        @Test
        void no_two_goals_of_a_couple_read_the_same() {
            var goals = dsl.select(GOAL.COUPLE_ID, GOAL.OWNER_PARTNER_ID, GOAL.SHARED, GOAL.WHAT, GOAL.WHY,
                            GOAL.FIRST_STEP)
                    .from(GOAL)
                    .join(CLINIC).on(CLINIC.ID.eq(GOAL.CLINIC_ID), CLINIC.NAME.eq("Riverside Couples Practice"))
                    .fetchGroups(GOAL.COUPLE_ID);

            assertThat(goals).hasSizeGreaterThanOrEqualTo(12).allSatisfy((couple, ofCouple) -> {
                assertThat(ofCouple).as("a private goal, a partner's shared goal and the couple's goal")
                        .extracting(r -> r.get(GOAL.OWNER_PARTNER_ID) == null, r -> r.get(GOAL.SHARED))
                        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(false, false),
                                org.assertj.core.groups.Tuple.tuple(false, true),
                                org.assertj.core.groups.Tuple.tuple(true, true));
                assertThat(ofCouple.getValues(GOAL.WHAT)).doesNotHaveDuplicates();
                assertThat(ofCouple.getValues(GOAL.WHY)).doesNotHaveDuplicates();
                assertThat(ofCouple.getValues(GOAL.FIRST_STEP)).doesNotHaveDuplicates();
            });
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
    // prod refuses to start without a key for the second factors (docs/decisions/025-second-factor.md)
    @SpringBootTest(properties = {"tandem.demo.enabled=true", "vaadin.productionMode=false",
            "tandem.security.totp-key=Txh/30O5fYjveBK7WNPLFYZ8NxZfEjHGN4sHV4lfLFk=", "tandem.allow-http=true"})
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
