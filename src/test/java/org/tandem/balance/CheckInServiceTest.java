package org.tandem.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.jooq.Tables.CHECK_IN;
import static org.tandem.jooq.Tables.COUPLE_SESSION;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
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
import org.tandem.accounts.RefusedException;
import org.tandem.accounts.StaleVersionException;
import org.tandem.accounts.TandemUser;
import org.tandem.support.AuditTrail;
import org.tandem.support.BalanceFixtures;
import org.tandem.support.BalanceFixtures.Practice;
import org.tandem.support.Fixtures;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.StatementCounter;
import org.tandem.support.TestClock;

@IntegrationTest
@Import(StatementCounter.Counting.class)
@RecordApplicationEvents
class CheckInServiceTest {

    @Autowired CheckInService checkIns;

    @Autowired TestClock clock;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired StatementCounter counter;
    @Autowired ApplicationEvents events;
    @Autowired Fixtures fixtures;
    @Autowired BalanceFixtures balanceFixtures;
    AuditTrail trail;
    Practice practice;
    /** E-mails: Nina and Felix's therapist, her colleague, the clinic's admin, Nina, Felix. */
    String therapist;
    String colleague;
    String admin;
    String nina;
    String felix;
    long ninaAndFelix;
    long ninasId;

    /**
     * Nina and Felix, without sessions or check-ins. The people are committed: refusals are audited in a
     * transaction of their own, which must see the accounts.
     */
    @BeforeEach
    void nina_and_felix_without_sessions() {
        fixtures.committed(() -> practice = balanceFixtures.practice());
        therapist = practice.therapist().email();
        colleague = practice.colleague().email();
        admin = practice.admin().email();
        nina = practice.couple().one().email();
        felix = practice.couple().two().email();
        ninaAndFelix = practice.couple().id();
        ninasId = practice.couple().one().partnerId();
        trail = AuditTrail.from(dsl);
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    /** A session the therapist schedules for Nina and Felix, starting this long from now. */
    long sessionIn(Duration fromNow) {
        return fixtures.session(practice.therapist(), practice.couple(),
                LocalDateTime.ofInstant(clock.instant().plus(fromNow), clock.getZone()));
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
        signIn.as(nina);
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
        signIn.as(admin);
        assertThatThrownBy(() -> checkIns.instrument()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_check_in_opens_for_a_session_in_30_hours_but_not_for_one_in_60_hours_or_one_already_started() {
        long soon = sessionIn(Duration.ofHours(30));
        sessionIn(Duration.ofHours(60));
        sessionIn(Duration.ofMinutes(-10));

        List<OpenCheckIn> open = openFor(nina);

        assertThat(open).singleElement().satisfies(checkIn -> {
            assertThat(checkIn.sessionId()).isEqualTo(soon);
            assertThat(checkIn.requested()).isFalse();
            assertThat(checkIn.answered()).isZero();
            assertThat(checkIn.opensAt()).isEqualTo(checkIn.sessionStartsAt().minus(Duration.ofHours(48)));
        });
        assertThat(openFor(felix)).singleElement().extracting(OpenCheckIn::sessionId).isEqualTo(soon);
    }

    @Test
    void listing_again_keeps_the_same_check_in() {
        sessionIn(Duration.ofHours(30));

        long first = openCheckInOf(nina);

        assertThat(openCheckInOf(nina)).isEqualTo(first);
        assertThat(dsl.fetchCount(CHECK_IN, CHECK_IN.PARTNER_ID.eq(ninasId))).isEqualTo(1);
    }

    @Test
    void answers_are_saved_as_given_and_a_submitted_check_in_is_no_longer_open() {
        sessionIn(Duration.ofHours(30));
        long id = openCheckInOf(nina);

        signIn.as(nina);
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

        complete(nina, id, 3, 5, 4, 2, 6, 3, 1, 2, 3, 5, 2);

        signIn.as(nina);
        CheckInDraft submitted = checkIns.open(id);
        assertThat(submitted.submitted()).isTrue();
        assertThat(submitted.answers().answers()).containsExactly(5, 4, 2, 6, 3, 1, 2, 3, 5, 2);
        assertThat(checkIns.myOpenCheckIns()).isEmpty();
        assertThat(trail.since("check_in.submitted")).hasSize(1);
    }

    @Test
    void a_check_in_is_submitted_once_and_its_answers_are_final() {
        sessionIn(Duration.ofHours(30));
        long id = openCheckInOf(nina);
        TandemUser ninasUser = signIn.as(nina);
        checkIns.answer(id, Item.C1, 3);
        checkIns.submit(id);

        assertThat(events.stream(CheckInSubmitted.class))
                .containsExactly(new CheckInSubmitted(ninasUser.clinicId(), ninaAndFelix, id));
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
        long id = openCheckInOf(nina);
        signIn.as(nina);

        assertThatThrownBy(() -> checkIns.answer(id, Item.I1, 7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> checkIns.answer(id, Item.I1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> checkIns.closeness(id, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> checkIns.closeness(id, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThat(checkIns.open(id).answers().answers()).containsOnlyNulls();
    }

    @Test
    void as_time_passes_a_check_in_opens_48_hours_before_its_session_and_closes_when_it_starts() {
        long session = sessionIn(Duration.ofHours(60));
        assertThat(openFor(nina)).extracting(OpenCheckIn::sessionId).doesNotContain(session);

        clock.advance(Duration.ofHours(12).minusMinutes(1));
        assertThat(openFor(nina)).extracting(OpenCheckIn::sessionId).doesNotContain(session);

        clock.advance(Duration.ofMinutes(1));
        assertThat(openFor(nina)).extracting(OpenCheckIn::sessionId).contains(session);

        clock.advance(Duration.ofHours(48));
        assertThat(openFor(nina)).extracting(OpenCheckIn::sessionId).doesNotContain(session);
    }

    @Test
    void a_session_check_in_closes_when_its_session_starts() {
        sessionIn(Duration.ofHours(30));
        long id = openCheckInOf(nina);
        clock.advance(Duration.ofHours(30).plusMinutes(1));

        signIn.as(nina);
        assertThatThrownBy(() -> checkIns.answer(id, Item.I1, 3)).isInstanceOfSatisfying(RefusedException.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("balance.check-in.closed"));
        assertThat(checkIns.myOpenCheckIns()).isEmpty();
    }

    @Test
    void felix_cannot_open_answer_or_submit_ninas_check_in() {
        sessionIn(Duration.ofHours(30));
        long ninas = openCheckInOf(nina);
        signIn.as(felix);

        assertThatThrownBy(() -> checkIns.open(ninas)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> checkIns.answer(ninas, Item.I1, 3)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> checkIns.closeness(ninas, 3)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> checkIns.submit(ninas)).isInstanceOf(AccessDeniedException.class);
        assertThat(trail.since("access.denied")).hasSize(4);
        assertThat(dsl.fetchValue(CHECK_IN.SUBMITTED_AT, CHECK_IN.ID.eq(ninas))).isNull();
    }

    @Test
    void a_partner_of_another_clinic_or_a_therapist_cannot_touch_a_check_in() {
        sessionIn(Duration.ofHours(30));
        long ninas = openCheckInOf(nina);

        signIn.as(practice.otherClinicsCouple().one().email());
        assertThatThrownBy(() -> checkIns.open(ninas)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> checkIns.answer(ninas, Item.I1, 3)).isInstanceOf(AccessDeniedException.class);
        signIn.as(therapist);
        assertThatThrownBy(() -> checkIns.open(ninas)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> checkIns.myOpenCheckIns()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_requested_check_in_opens_now_for_both_partners_and_is_not_doubled() {
        signIn.as(therapist);
        assertThat(checkIns.request(ninaAndFelix)).isEqualTo(2);
        assertThat(checkIns.request(ninaAndFelix)).isZero();
        signIn.out();

        assertThat(openFor(nina)).singleElement().satisfies(open -> {
            assertThat(open.requested()).isTrue();
            assertThat(open.sessionId()).isNull();
        });
        long felixsRequest = openCheckInOf(felix);
        complete(felix, felixsRequest, 4, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3);
        assertThat(openFor(felix)).isEmpty();

        signIn.as(therapist);
        assertThat(checkIns.request(ninaAndFelix)).isEqualTo(1);
        assertThat(trail.since("check_in.requested")).hasSize(3);
    }

    @Test
    void another_therapist_or_clinic_cannot_request_or_read_the_history() {
        for (String who : List.of(colleague, practice.otherClinicsTherapist().email(), nina)) {
            signIn.as(who);
            assertThatThrownBy(() -> checkIns.request(ninaAndFelix)).as(who).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> checkIns.history(ninaAndFelix)).as(who).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(trail.since("access.denied")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(dsl.fetchCount(CHECK_IN, CHECK_IN.COUPLE_ID.eq(ninaAndFelix), CHECK_IN.REQUESTED_BY.isNotNull()))
                .isZero();
    }

    @Test
    void the_history_scores_the_worked_example_in_one_statement_oldest_first() {
        long session = sessionIn(Duration.ofHours(30));
        long ninas = openCheckInOf(nina);
        complete(nina, ninas, 3, 5, 4, 2, 6, 3, 1, 2, 3, 5, 2);
        long felixs = openCheckInOf(felix);
        signIn.as(felix);
        checkIns.answer(felixs, Item.I1, 6);
        checkIns.answer(felixs, Item.C1, 6);
        checkIns.submit(felixs);
        signIn.out();
        signIn.as(therapist);
        checkIns.request(ninaAndFelix);
        signIn.out();
        long ninasRequest = openCheckInOf(nina);
        complete(nina, ninasRequest, 6, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3);

        signIn.as(therapist);
        counter.start();
        List<ScoredCheckIn> history = checkIns.history(ninaAndFelix);
        List<String> statements = counter.stop();

        assertThat(history).extracting(ScoredCheckIn::checkInId).containsExactly(ninas, felixs, ninasRequest);
        ScoredCheckIn worked = history.getFirst();
        assertThat(worked.partnerId()).isEqualTo(ninasId);
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
        signIn.as(therapist);
        assertThat(checkIns.settings()).isEqualTo(BalanceSettings.DEFAULTS);
        assertThatThrownBy(() -> checkIns.updateSettings(0, new BalanceSettings(50, 20)))
                .isInstanceOf(AccessDeniedException.class);

        signIn.as(admin);
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
        signIn.as(nina);
        assertThatThrownBy(() -> checkIns.settings()).isInstanceOf(AccessDeniedException.class);
    }
}
