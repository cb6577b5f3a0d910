package org.tandem.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.jooq.Tables.CHECK_IN;
import static org.tandem.jooq.Tables.CHECK_IN_ANSWER;
import static org.tandem.jooq.Tables.COUPLE_SESSION;
import static org.tandem.jooq.Tables.PARTNER;

import org.tandem.sessions.Modality;
import org.tandem.sessions.SessionStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.tandem.accounts.RefusedException;
import org.tandem.accounts.StaleVersionException;
import org.tandem.support.TestClock;
import org.tandem.accounts.TandemUser;
import org.tandem.support.AuditTrail;
import org.tandem.support.DemoTest;
import org.tandem.support.OtherClinic;
import org.tandem.support.SignIn;
import org.tandem.support.StatementCounter;
import org.tandem.support.TestData;

@DemoTest
@Import(StatementCounter.Counting.class)
@RecordApplicationEvents
class CheckInServiceTest {

    static final String THERAPIST = "therapist@example.com";
    static final String THERAPIST_2 = "therapist2@example.com";
    static final String ADMIN = "admin@example.com";
    static final String ALEX = "alex@example.com";
    static final String SAM = "sam@example.com";

    @Autowired CheckInService checkIns;

    @Autowired TestClock clock;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired PlatformTransactionManager transactions;
    @Autowired StatementCounter counter;
    @Autowired ApplicationEvents events;
    AuditTrail trail;
    TandemUser therapist;
    long alexAndSam;
    long alex;
    long sam;

    @BeforeEach
    void alex_and_sam_without_scheduled_sessions() {
        OtherClinic.ensure(dsl, transactions);
        therapist = signIn.as(THERAPIST);
        signIn.out();
        alexAndSam = TestData.coupleOf(dsl, "Alex Morgan");
        alex = partnerId(ALEX);
        sam = partnerId(SAM);
        dsl.update(COUPLE_SESSION).set(COUPLE_SESSION.STATUS, SessionStatus.CANCELLED)
                .where(COUPLE_SESSION.COUPLE_ID.eq(alexAndSam), COUPLE_SESSION.STATUS.eq(SessionStatus.SCHEDULED))
                .execute();
        // The demo gives Alex and Sam months of check-ins; these tests start them afresh (rolled back after).
        dsl.deleteFrom(CHECK_IN_ANSWER).where(CHECK_IN_ANSWER.CHECK_IN_ID.in(
                dsl.select(CHECK_IN.ID).from(CHECK_IN).where(CHECK_IN.COUPLE_ID.eq(alexAndSam)))).execute();
        dsl.deleteFrom(CHECK_IN).where(CHECK_IN.COUPLE_ID.eq(alexAndSam)).execute();
        trail = AuditTrail.from(dsl);
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    long partnerId(String email) {
        TandemUser user = signIn.as(email);
        signIn.out();
        return dsl.select(PARTNER.ID).from(PARTNER).where(PARTNER.ACCOUNT_ID.eq(user.accountId()))
                .fetchSingle(PARTNER.ID);
    }

    long sessionIn(Duration fromNow) {
        return dsl.insertInto(COUPLE_SESSION)
                .set(COUPLE_SESSION.CREATED_AT, TestClock.START_AT)
                .set(COUPLE_SESSION.CLINIC_ID, therapist.clinicId())
                .set(COUPLE_SESSION.COUPLE_ID, alexAndSam)
                .set(COUPLE_SESSION.STARTS_AT, clock.instant().plus(fromNow).atOffset(ZoneOffset.UTC))
                .set(COUPLE_SESSION.DURATION_MINUTES, 50)
                .set(COUPLE_SESSION.MODALITY, Modality.IN_PERSON)
                .set(COUPLE_SESSION.STATUS, SessionStatus.SCHEDULED)
                .set(COUPLE_SESSION.CREATED_BY, therapist.accountId())
                .returning(COUPLE_SESSION.ID).fetchSingle(COUPLE_SESSION.ID);
    }

    List<OpenCheckIn> openFor(String partner) {
        signIn.as(partner);
        List<OpenCheckIn> open = checkIns.myOpenCheckIns();
        signIn.out();
        return open;
    }

    long openCheckInOf(String partner) {
        List<OpenCheckIn> open = openFor(partner);
        assertThat(open).hasSize(1);
        return open.getFirst().checkInId();
    }

    /** Answers all ten statements in instrument order (I1..I5, C1..C5) and the closeness picture, and submits. */
    void complete(String partner, long checkInId, int closeness, int... answers) {
        signIn.as(partner);
        Item[] items = Item.values();
        for (int i = 0; i < answers.length; i++) {
            checkIns.answer(checkInId, items[i], answers[i]);
        }
        checkIns.closeness(checkInId, closeness);
        checkIns.submit(checkInId);
        signIn.out();
    }

    @Test
    void the_instrument_lists_ten_statements_in_position_order_agreeing_with_the_items() {
        signIn.as(ALEX);
        Instrument instrument = checkIns.instrument();

        assertThat(instrument.version()).isEqualTo(BalanceScoring.INSTRUMENT_VERSION);
        assertThat(instrument.closenessPrompt()).isNotBlank();
        assertThat(instrument.statements()).extracting(Instrument.Statement::position)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(instrument.statements()).extracting(Instrument.Statement::item)
                .containsExactlyInAnyOrder(Item.values());
        for (Instrument.Statement statement : instrument.statements()) {
            assertThat(statement.subscale()).as(statement.item().name()).isEqualTo(statement.item().subscale());
            assertThat(statement.reversed()).as(statement.item().name()).isEqualTo(statement.item().reversed());
            assertThat(statement.text()).isNotBlank();
        }
    }

    @Test
    void an_admin_cannot_read_the_instrument() {
        signIn.as(ADMIN);
        assertThatThrownBy(() -> checkIns.instrument()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_check_in_opens_for_a_session_in_30_hours_but_not_for_one_in_60_hours_or_one_already_started() {
        long soon = sessionIn(Duration.ofHours(30));
        sessionIn(Duration.ofHours(60));
        sessionIn(Duration.ofMinutes(-10));

        List<OpenCheckIn> open = openFor(ALEX);

        assertThat(open).singleElement().satisfies(checkIn -> {
            assertThat(checkIn.sessionId()).isEqualTo(soon);
            assertThat(checkIn.requested()).isFalse();
            assertThat(checkIn.answered()).isZero();
            assertThat(checkIn.opensAt()).isEqualTo(checkIn.sessionStartsAt().minus(Duration.ofHours(48)));
        });
        assertThat(openFor(SAM)).singleElement().extracting(OpenCheckIn::sessionId).isEqualTo(soon);
    }

    @Test
    void listing_again_keeps_the_same_check_in() {
        sessionIn(Duration.ofHours(30));

        long first = openCheckInOf(ALEX);

        assertThat(openCheckInOf(ALEX)).isEqualTo(first);
        assertThat(dsl.fetchCount(CHECK_IN, CHECK_IN.PARTNER_ID.eq(alex))).isEqualTo(1);
    }

    @Test
    void answers_are_saved_as_given_and_a_submitted_check_in_is_no_longer_open() {
        sessionIn(Duration.ofHours(30));
        long id = openCheckInOf(ALEX);

        signIn.as(ALEX);
        checkIns.answer(id, Item.I1, 2);
        checkIns.answer(id, Item.I1, 5);
        CheckInDraft draft = checkIns.closeness(id, 4);
        assertThat(draft.answers().i1()).isEqualTo(5);
        assertThat(draft.answers().closeness()).isEqualTo(4);
        assertThat(draft.submitted()).isFalse();
        assertThat(checkIns.myOpenCheckIns()).singleElement().satisfies(open -> {
            assertThat(open.answered()).isEqualTo(1);
            assertThat(open.closenessAnswered()).isTrue();
        });
        signIn.out();

        complete(ALEX, id, 3, 5, 4, 2, 6, 3, 1, 2, 3, 5, 2);

        signIn.as(ALEX);
        CheckInDraft submitted = checkIns.open(id);
        assertThat(submitted.submitted()).isTrue();
        assertThat(submitted.answers().answers()).containsExactly(5, 4, 2, 6, 3, 1, 2, 3, 5, 2);
        assertThat(checkIns.myOpenCheckIns()).isEmpty();
        assertThat(trail.since("check_in.submitted")).hasSize(1);
    }

    @Test
    void a_check_in_is_submitted_once_and_its_answers_are_final() {
        sessionIn(Duration.ofHours(30));
        long id = openCheckInOf(ALEX);
        TandemUser alex = signIn.as(ALEX);
        checkIns.answer(id, Item.C1, 3);
        checkIns.submit(id);

        assertThat(events.stream(CheckInSubmitted.class))
                .containsExactly(new CheckInSubmitted(alex.clinicId(), TestData.coupleOf(dsl, "Alex Morgan"), id));
        assertThatThrownBy(() -> checkIns.submit(id)).isInstanceOfSatisfying(RefusedException.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("balance.check-in.submitted-elsewhere"));
        assertThatThrownBy(() -> checkIns.answer(id, Item.C1, 4)).isInstanceOfSatisfying(RefusedException.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("balance.check-in.submitted-elsewhere"));
        assertThatThrownBy(() -> checkIns.closeness(id, 4)).isInstanceOfSatisfying(RefusedException.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("balance.check-in.submitted-elsewhere"));
        assertThat(checkIns.open(id).answers().c1()).isEqualTo(3);
    }

    @Test
    void answers_out_of_range_are_refused() {
        sessionIn(Duration.ofHours(30));
        long id = openCheckInOf(ALEX);
        signIn.as(ALEX);

        assertThatThrownBy(() -> checkIns.answer(id, Item.I1, 7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> checkIns.answer(id, Item.I1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> checkIns.closeness(id, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> checkIns.closeness(id, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThat(checkIns.open(id).answers().answers()).containsOnlyNulls();
    }

    @Test
    void as_time_passes_a_check_in_opens_48_hours_before_its_session_and_closes_when_it_starts() {
        long session = sessionIn(Duration.ofHours(60));
        assertThat(openFor(ALEX)).extracting(OpenCheckIn::sessionId).doesNotContain(session);

        clock.advance(Duration.ofHours(12).minusMinutes(1));
        assertThat(openFor(ALEX)).extracting(OpenCheckIn::sessionId).doesNotContain(session);

        clock.advance(Duration.ofMinutes(1));
        assertThat(openFor(ALEX)).extracting(OpenCheckIn::sessionId).contains(session);

        clock.advance(Duration.ofHours(48));
        assertThat(openFor(ALEX)).extracting(OpenCheckIn::sessionId).doesNotContain(session);
    }

    @Test
    void a_session_check_in_closes_when_its_session_starts() {
        sessionIn(Duration.ofHours(30));
        long id = openCheckInOf(ALEX);
        clock.advance(Duration.ofHours(30).plusMinutes(1));

        signIn.as(ALEX);
        assertThatThrownBy(() -> checkIns.answer(id, Item.I1, 3)).isInstanceOfSatisfying(RefusedException.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("balance.check-in.closed"));
        assertThat(checkIns.myOpenCheckIns()).isEmpty();
    }

    @Test
    void sam_cannot_open_answer_or_submit_alexs_check_in() {
        sessionIn(Duration.ofHours(30));
        long alexs = openCheckInOf(ALEX);
        signIn.as(SAM);

        assertThatThrownBy(() -> checkIns.open(alexs)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> checkIns.answer(alexs, Item.I1, 3)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> checkIns.closeness(alexs, 3)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> checkIns.submit(alexs)).isInstanceOf(AccessDeniedException.class);
        assertThat(trail.since("access.denied")).hasSize(4);
        assertThat(dsl.fetchValue(CHECK_IN.SUBMITTED_AT, CHECK_IN.ID.eq(alexs))).isNull();
    }

    @Test
    void a_partner_of_another_clinic_or_a_therapist_cannot_touch_a_check_in() {
        sessionIn(Duration.ofHours(30));
        long alexs = openCheckInOf(ALEX);

        signIn.as(OtherClinic.CLIENT_EMAIL);
        assertThatThrownBy(() -> checkIns.open(alexs)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> checkIns.answer(alexs, Item.I1, 3)).isInstanceOf(AccessDeniedException.class);
        signIn.as(THERAPIST);
        assertThatThrownBy(() -> checkIns.open(alexs)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> checkIns.myOpenCheckIns()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_requested_check_in_opens_now_for_both_partners_and_is_not_doubled() {
        signIn.as(THERAPIST);
        assertThat(checkIns.request(alexAndSam)).isEqualTo(2);
        assertThat(checkIns.request(alexAndSam)).isZero();
        signIn.out();

        assertThat(openFor(ALEX)).singleElement().satisfies(open -> {
            assertThat(open.requested()).isTrue();
            assertThat(open.sessionId()).isNull();
        });
        long samsRequest = openCheckInOf(SAM);
        complete(SAM, samsRequest, 4, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3);
        assertThat(openFor(SAM)).isEmpty();

        signIn.as(THERAPIST);
        assertThat(checkIns.request(alexAndSam)).isEqualTo(1);
        assertThat(trail.since("check_in.requested")).hasSize(3);
    }

    @Test
    void another_therapist_or_clinic_cannot_request_or_read_the_history() {
        for (String who : List.of(THERAPIST_2, OtherClinic.THERAPIST_EMAIL, ALEX)) {
            signIn.as(who);
            assertThatThrownBy(() -> checkIns.request(alexAndSam)).as(who).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> checkIns.history(alexAndSam)).as(who).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(trail.since("access.denied")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(dsl.fetchCount(CHECK_IN, CHECK_IN.COUPLE_ID.eq(alexAndSam), CHECK_IN.REQUESTED_BY.isNotNull()))
                .isZero();
    }

    @Test
    void the_history_scores_the_worked_example_in_one_statement_oldest_first() {
        long session = sessionIn(Duration.ofHours(30));
        long alexs = openCheckInOf(ALEX);
        complete(ALEX, alexs, 3, 5, 4, 2, 6, 3, 1, 2, 3, 5, 2);
        long sams = openCheckInOf(SAM);
        signIn.as(SAM);
        checkIns.answer(sams, Item.I1, 6);
        checkIns.answer(sams, Item.C1, 6);
        checkIns.submit(sams);
        signIn.out();
        signIn.as(THERAPIST);
        checkIns.request(alexAndSam);
        signIn.out();
        long alexsRequest = openCheckInOf(ALEX);
        complete(ALEX, alexsRequest, 6, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3);

        signIn.as(THERAPIST);
        counter.start();
        List<ScoredCheckIn> history = checkIns.history(alexAndSam);
        List<String> statements = counter.stop();

        assertThat(history).extracting(ScoredCheckIn::checkInId).containsExactly(alexs, sams, alexsRequest);
        ScoredCheckIn worked = history.getFirst();
        assertThat(worked.partnerId()).isEqualTo(alex);
        assertThat(worked.partnerName()).isNotBlank();
        assertThat(worked.instrumentVersion()).isEqualTo(1);
        assertThat(worked.sessionStartsAt()).isEqualTo(
                dsl.fetchValue(COUPLE_SESSION.STARTS_AT, COUPLE_SESSION.ID.eq(session)).toInstant());
        assertThat(worked.answers()).isEqualTo(
                CheckInAnswers.of(Arrays.asList(5, 4, 2, 6, 3, 1, 2, 3, 5, 2), 3));
        assertThat(worked.scores()).isEqualTo(new Scores(new BigDecimal("73.3"), new BigDecimal("30.0")));
        assertThat(worked.scores().zone(60)).isEqualTo(Zone.DISTANT);
        assertThat(history.get(1).scores()).isEqualTo(new Scores(null, null));
        assertThat(history.get(2).sessionStartsAt()).isNull();
        assertThat(history.get(2).scores()).isEqualTo(new Scores(new BigDecimal("50.0"), new BigDecimal("50.0")));

        assertThat(statements.stream().filter(sql -> sql.contains("check_in_answer"))).hasSize(1);
        assertThat(trail.since("check_in.history_read")).hasSize(1);
    }

    @Test
    void the_settings_default_to_60_and_25_and_a_stale_update_is_refused() {
        signIn.as(THERAPIST);
        assertThat(checkIns.settings()).isEqualTo(BalanceSettings.DEFAULTS);
        assertThatThrownBy(() -> checkIns.updateSettings(0, new BalanceSettings(50, 20)))
                .isInstanceOf(AccessDeniedException.class);

        signIn.as(ADMIN);
        ClinicBalanceSettings read = checkIns.editableSettings();
        ClinicBalanceSettings saved = checkIns.updateSettings(read.clinicVersion(), new BalanceSettings(50, 20));
        assertThat(saved.settings()).isEqualTo(new BalanceSettings(50, 20));
        assertThat(checkIns.settings()).isEqualTo(new BalanceSettings(50, 20));

        assertThatThrownBy(() -> checkIns.updateSettings(read.clinicVersion(), new BalanceSettings(70, 30)))
                .isInstanceOfSatisfying(StaleVersionException.class,
                        conflict -> assertThat(conflict.current(ClinicBalanceSettings.class)).isEqualTo(saved));
        assertThat(checkIns.settings()).isEqualTo(new BalanceSettings(50, 20));
        assertThat(trail.since("clinic.balance_settings_changed")).hasSize(1);
    }

    @Test
    void a_partner_cannot_read_the_settings() {
        signIn.as(ALEX);
        assertThatThrownBy(() -> checkIns.settings()).isInstanceOf(AccessDeniedException.class);
    }
}
