package org.tandem.passwordreset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.jooq.Tables.ACCOUNT;
import static org.tandem.jooq.Tables.MAIL_OUTBOX;
import static org.tandem.jooq.Tables.PASSWORD_RESET;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.tandem.accounts.AccountService;
import org.tandem.accounts.AuditEvent.Outcome;
import org.tandem.accounts.CurrentUser;
import org.tandem.accounts.LinkToken;
import org.tandem.accounts.RefusedException;
import org.tandem.clinic.ClinicTime;
import org.tandem.accounts.PasswordCheck;
import org.tandem.accounts.PasswordRejectedException;
import org.tandem.mail.TestOutbox;
import org.tandem.passwordreset.ResetRefusedException.Reason;
import org.tandem.support.AuditTrail;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Clinic;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;
import org.tandem.support.TestMail;

/**
 * Forgotten passwords and reset links on the real database, with mail through the test's SMTP server: no answer or
 * timing tells whether an address has an account, a link works once for an hour, and only an admin of the account's
 * own clinic issues one.
 */
@IntegrationTest
class PasswordResetServiceTest {

    private static final Pattern LINK = Pattern.compile("http://localhost:8080/reset-password/([A-Za-z0-9_-]{43})");
    private static final String NEW_PASSWORD = "river kettle moss lantern";

    @Autowired PasswordResetService resets;
    @Autowired TestOutbox outbox;
    @Autowired TestMail mail;
    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;
    @Autowired TestClock clock;
    @Value("${tandem.password-reset.answer-after:1s}") Duration answerAfter;

    Clinic clinic;
    Person admin;
    Person therapist;
    Person otherAdmin;
    AuditTrail trail;

    /** Committed: a refusal is audited in a transaction of its own, which must see the clinic and the accounts. */
    @BeforeEach
    void two_clinics() {
        fixtures.committed(() -> {
            clinic = fixtures.clinic("Harbour Couples Practice");
            admin = fixtures.admin(clinic, "Morgan Hale");
            therapist = fixtures.therapist(clinic, "Robin Ashby");
            otherAdmin = fixtures.admin(fixtures.clinic("Elsewhere Counselling"), "Kim Lowe");
        });
        trail = AuditTrail.from(dsl);
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    @Test
    void a_known_and_an_unknown_address_get_the_same_answer_after_the_same_time() {
        String unknown = "nobody.here@fixture.example";

        long started = System.nanoTime();
        ResetRequestAnswer forKnown = resets.request(new ResetRequest(therapist.email()), Locale.ENGLISH);
        Duration knownTook = Duration.ofNanos(System.nanoTime() - started);
        started = System.nanoTime();
        ResetRequestAnswer forUnknown = resets.request(new ResetRequest(unknown), Locale.ENGLISH);
        Duration unknownTook = Duration.ofNanos(System.nanoTime() - started);
        outbox.sendDue();

        assertThat(forKnown).isEqualTo(forUnknown).isEqualTo(ResetRequestAnswer.LINK_MAILED_IF_KNOWN);
        assertThat(knownTook).isGreaterThanOrEqualTo(answerAfter);
        assertThat(unknownTook).isGreaterThanOrEqualTo(answerAfter);
        assertThat(mail.receivedBy(therapist.email())).hasSize(1);
        assertThat(mail.receivedBy(unknown)).isEmpty();
        assertThat(dsl.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.RECIPIENT.eq(unknown))).isZero();
        assertThat(dsl.fetchCount(PASSWORD_RESET, PASSWORD_RESET.ACCOUNT_ID.eq(therapist.accountId()))).isOne();
        assertThat(trail.since("password-reset.request")).extracting(row -> row.getActor() + " " + row.getOutcome())
                .containsExactly(therapist.email() + " SUCCESS", unknown + " FAILURE");
    }

    @Test
    void the_mailed_link_sets_the_password_once_and_does_not_sign_in() {
        String token = requestAndReadLink(therapist);

        resets.reset(token, NEW_PASSWORD);

        assertThat(encoder.matches(NEW_PASSWORD, passwordHash(therapist))).isTrue();
        assertThat(CurrentUser.find()).as("the link does not sign anyone in").isEmpty();
        assertThat(dsl.fetchValue(org.tandem.jooq.Tables.ACCOUNT.SESSIONS_VALID_AFTER,
                org.tandem.jooq.Tables.ACCOUNT.ID.eq(therapist.accountId())))
                .as("whoever held the old passphrase is signed out at their next request").isNotNull();
        assertThatThrownBy(() -> resets.reset(token, "another quite long passphrase"))
                .isInstanceOfSatisfying(ResetRefusedException.class, refused ->
                        assertThat(refused.reason()).isEqualTo(Reason.USED));
        assertThat(encoder.matches(NEW_PASSWORD, passwordHash(therapist))).isTrue();
        assertThat(dsl.fetchValue(PASSWORD_RESET.TOKEN_HASH, PASSWORD_RESET.ACCOUNT_ID.eq(therapist.accountId())))
                .as("only the hash of the token is stored").isEqualTo(LinkToken.hash(token)).isNotEqualTo(token);
        assertThat(trail.since("password-reset.use")).extracting(row -> row.getOutcome() + " " + row.getDetail())
                .containsExactly("SUCCESS passphrase set", "FAILURE USED");
    }

    @Test
    void the_mail_holds_a_link_and_a_neutral_sentence_only() {
        resets.request(new ResetRequest(therapist.email()), Locale.ENGLISH);
        outbox.sendDue();

        MimeMessage received = mail.receivedBy(therapist.email()).getFirst();
        String text = TestMail.text(received);
        assertThat(LINK.matcher(text).find()).as("an absolute link in %s", text).isTrue();
        assertThat(text).doesNotContain("Harbour", "Robin", "Ashby");
    }

    @Test
    void a_link_expires_after_an_hour_and_changes_nothing() {
        String token = requestAndReadLink(therapist);
        String before = passwordHash(therapist);
        clock.advance(Duration.ofHours(1));

        assertThatThrownBy(() -> resets.preview(token)).isInstanceOfSatisfying(ResetRefusedException.class,
                refused -> assertThat(refused.reason()).isEqualTo(Reason.EXPIRED));
        assertThatThrownBy(() -> resets.reset(token, NEW_PASSWORD)).isInstanceOfSatisfying(
                ResetRefusedException.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.EXPIRED));
        assertThat(passwordHash(therapist)).isEqualTo(before);
    }

    @Test
    void a_link_works_until_just_before_its_hour_is_up() {
        String token = requestAndReadLink(therapist);
        clock.advance(Duration.ofMinutes(59));

        assertThat(resets.preview(token).email()).isEqualTo(therapist.email());
        resets.reset(token, NEW_PASSWORD);
        assertThat(encoder.matches(NEW_PASSWORD, passwordHash(therapist))).isTrue();
    }

    @Test
    void a_newer_link_voids_the_older_one() {
        String older = requestAndReadLink(therapist);
        String newer = requestAndReadLink(therapist);

        assertThatThrownBy(() -> resets.reset(older, NEW_PASSWORD)).isInstanceOfSatisfying(
                ResetRefusedException.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.VOIDED));
        resets.reset(newer, NEW_PASSWORD);
        assertThat(encoder.matches(NEW_PASSWORD, passwordHash(therapist))).isTrue();
    }

    @Test
    void an_unknown_a_malformed_or_another_kind_of_token_is_refused() {
        String invitationLike = LinkToken.generate(); // the shape of every link's token, but no reset's
        for (String token : List.of(invitationLike, "not-a-token", "")) {
            assertThatThrownBy(() -> resets.reset(token, NEW_PASSWORD)).isInstanceOfSatisfying(
                    ResetRefusedException.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.UNKNOWN));
        }
        assertThat(trail.since("password-reset.use")).extracting(row -> row.getOutcome() + " " + row.getDetail())
                .containsExactly("FAILURE UNKNOWN", "FAILURE UNKNOWN", "FAILURE UNKNOWN");
    }

    @Test
    void a_weak_password_is_refused_and_the_link_still_works() {
        String token = requestAndReadLink(therapist);
        String before = passwordHash(therapist);

        assertThatThrownBy(() -> resets.reset(token, "password12345678")).isInstanceOfSatisfying(
                PasswordRejectedException.class, rejected -> assertThat(rejected.check().problem())
                        .isEqualTo(PasswordCheck.Problem.TOO_EASY_TO_GUESS));
        assertThatThrownBy(() -> resets.reset(token, "short")).isInstanceOf(PasswordRejectedException.class);

        assertThat(passwordHash(therapist)).isEqualTo(before);
        assertThat(dsl.fetchValue(PASSWORD_RESET.USED_AT, PASSWORD_RESET.ACCOUNT_ID.eq(therapist.accountId())))
                .isNull();
        resets.reset(token, NEW_PASSWORD);
    }

    @Test
    void more_than_three_requests_an_hour_mail_nothing_more_but_answer_the_same() {
        for (int i = 0; i < PasswordResetService.REQUESTS_PER_HOUR + 1; i++) {
            assertThat(resets.request(new ResetRequest(therapist.email()), Locale.ENGLISH))
                    .isEqualTo(ResetRequestAnswer.LINK_MAILED_IF_KNOWN);
        }

        assertThat(dsl.fetchCount(PASSWORD_RESET, PASSWORD_RESET.ACCOUNT_ID.eq(therapist.accountId())))
                .isEqualTo(PasswordResetService.REQUESTS_PER_HOUR);
        assertThat(trail.since("password-reset.request")).last()
                .satisfies(row -> assertThat(row.getDetail()).startsWith("more than 3"));
    }

    @Test
    void an_admin_issues_a_link_for_an_account_of_their_clinic() {
        signIn.as(admin.email());

        IssuedReset issued = resets.issueFor(therapist.accountId());
        outbox.sendDue();

        assertThat(issued.mailed()).isTrue();
        assertThat(issued.expiresAt()).isEqualTo(TestClock.START.plus(Duration.ofHours(1)));
        Matcher link = LINK.matcher(issued.link());
        assertThat(link.matches()).as(issued.link()).isTrue();
        assertThat(TestMail.text(mail.receivedBy(therapist.email()).getFirst())).contains(issued.link());
        assertThat(trail.since("password-reset.issue")).singleElement().satisfies(row -> {
            assertThat(row.getActor()).isEqualTo(admin.email());
            assertThat(row.getDetail()).isEqualTo("account " + therapist.accountId() + ", e-mailed");
        });

        signIn.out();
        resets.reset(link.group(1), NEW_PASSWORD);
        assertThat(encoder.matches(NEW_PASSWORD, passwordHash(therapist))).isTrue();
    }

    @Test
    void an_admin_of_another_clinic_is_refused_and_nothing_is_issued() {
        signIn.as(otherAdmin.email());

        assertThatThrownBy(() -> resets.issueFor(therapist.accountId())).isInstanceOfSatisfying(
                RefusedException.class, refused -> assertThat(refused.messageKey())
                        .isEqualTo("password-reset.issue.error.unknown"));
        assertThat(dsl.fetchCount(PASSWORD_RESET, PASSWORD_RESET.ACCOUNT_ID.eq(therapist.accountId()))).isZero();
        assertThat(trail.since("password-reset.issue")).singleElement().satisfies(row -> {
            assertThat(row.getActor()).isEqualTo(otherAdmin.email());
            assertThat(row.getOutcome()).isEqualTo(Outcome.FAILURE);
        });
    }

    @Test
    void a_therapist_cannot_issue_a_link() {
        signIn.as(therapist.email());

        assertThatThrownBy(() -> resets.issueFor(admin.accountId())).isInstanceOf(AccessDeniedException.class);
        assertThat(dsl.fetchCount(PASSWORD_RESET, PASSWORD_RESET.ACCOUNT_ID.eq(admin.accountId()))).isZero();
        assertThat(trail.since("access.denied")).singleElement()
                .satisfies(row -> assertThat(row.getActor()).isEqualTo(therapist.email()));
    }

    @Test
    void a_deactivated_account_gets_no_link_and_its_older_link_stops_working() {
        String token = requestAndReadLink(therapist);
        dsl.update(ACCOUNT).set(ACCOUNT.ACTIVE, false).where(ACCOUNT.ID.eq(therapist.accountId())).execute();

        assertThat(resets.request(new ResetRequest(therapist.email()), Locale.ENGLISH))
                .isEqualTo(ResetRequestAnswer.LINK_MAILED_IF_KNOWN);
        assertThatThrownBy(() -> resets.reset(token, NEW_PASSWORD)).isInstanceOfSatisfying(
                ResetRefusedException.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.INACTIVE));
        signIn.as(admin.email());
        assertThatThrownBy(() -> resets.issueFor(therapist.accountId())).isInstanceOfSatisfying(
                RefusedException.class, refused -> assertThat(refused.messageKey())
                        .isEqualTo("password-reset.issue.error.inactive"));
        assertThat(dsl.fetchCount(PASSWORD_RESET, PASSWORD_RESET.ACCOUNT_ID.eq(therapist.accountId()))).isOne();
    }

    @Test
    void without_mail_everyone_is_told_to_ask_their_clinic_and_the_admin_is_shown_the_link(
            @Autowired PasswordResetRepository repository, @Autowired AccountService accounts,
            @Autowired ClinicTime time, @Autowired ApplicationEventPublisher events,
            @Autowired PlatformTransactionManager transactions) {
        PasswordResetService withoutMail = new PasswordResetService(repository, accounts, outbox.unconfigured(),
                time, events, transactions, Duration.ZERO, "http://localhost:8080");

        assertThat(withoutMail.request(new ResetRequest(therapist.email()), Locale.ENGLISH))
                .isEqualTo(withoutMail.request(new ResetRequest("nobody.here@fixture.example"), Locale.ENGLISH))
                .isEqualTo(ResetRequestAnswer.ASK_YOUR_CLINIC);
        assertThat(dsl.fetchCount(PASSWORD_RESET, PASSWORD_RESET.ACCOUNT_ID.eq(therapist.accountId()))).isZero();

        signIn.as(admin.email());
        IssuedReset issued = withoutMail.issueFor(therapist.accountId());
        outbox.sendDue();
        assertThat(issued.mailed()).isFalse();
        assertThat(issued.link()).matches(LINK);
        assertThat(mail.receivedBy(therapist.email())).isEmpty();
        assertThat(dsl.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.RECIPIENT.eq(therapist.email()))).isZero();
    }

    /** Asks for a link for the person, as the sign-in page does, and reads its token from the mail they receive. */
    private String requestAndReadLink(Person person) {
        int before = mail.receivedBy(person.email()).size();
        resets.request(new ResetRequest(person.email()), Locale.ENGLISH);
        outbox.sendDue();
        List<MimeMessage> received = mail.receivedBy(person.email());
        assertThat(received).hasSize(before + 1);
        Matcher link = LINK.matcher(TestMail.text(received.getLast()));
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    private String passwordHash(Person person) {
        return dsl.fetchValue(ACCOUNT.PASSWORD_HASH, ACCOUNT.ID.eq(person.accountId()));
    }
}
