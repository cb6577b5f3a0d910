package org.tandem.demo;

import static org.tandem.jooq.Tables.ACCOUNT;
import static org.tandem.jooq.Tables.ACCOUNT_ROLE;
import static org.tandem.jooq.Tables.CLINIC;
import static org.tandem.jooq.Tables.COUPLE;
import static org.tandem.jooq.Tables.COUPLE_THERAPIST;
import static org.tandem.jooq.Tables.INVITATION;
import static org.tandem.jooq.Tables.INVITATION_ROLE;
import static org.tandem.jooq.Tables.PARTNER;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.accounts.DemoSecondFactor;
import org.tandem.accounts.Role;
import org.tandem.clinic.ClinicTime;
import org.tandem.couples.CoupleStatus;
import org.tandem.couples.TherapistRole;
import org.tandem.database.TenantScope;
import org.tandem.demo.DemoHistory.Invited;

/**
 * Loads the demo clinic into an empty database so that a newcomer sees every screen populated.
 * Development only: never in the prod profile, never over existing data, and into an external database only when
 * asked for explicitly ({@link DemoWanted}).
 */
@Component
@Profile("!prod")
@Conditional(DemoWanted.class)
class DemoClinicLoader implements ApplicationRunner {

    static final String PASSWORD = "tandem-demo-2026";
    private static final Logger log = LoggerFactory.getLogger(DemoClinicLoader.class);

    private final DSLContext dsl;
    /** When the demo clinic opened, two years before the demo is loaded; the first accounts date from then. */
    private OffsetDateTime opened = OffsetDateTime.MIN;
    private final PasswordEncoder passwordEncoder;
    private final ClinicTime time;
    private final DemoSecondFactor secondFactor;

    DemoClinicLoader(DSLContext dsl, PasswordEncoder passwordEncoder, ClinicTime time,
            DemoSecondFactor secondFactor) {
        this.dsl = dsl;
        this.passwordEncoder = passwordEncoder;
        this.time = time;
        this.secondFactor = secondFactor;
    }

    private record Person(String name, @Nullable String preferred, @Nullable String pronouns, String email) {}

    /**
     * A demo couple. Partners past intake accepted their invitations when the couple started; at intake, some have
     * and some have not. {@code balance} is null for a couple whose partners cannot sign in yet, so have no check-ins.
     */
    private record DemoCouple(Person one, Person two, CoupleStatus status, @Nullable LocalDate togetherSince,
            @Nullable Boolean livingTogether, String therapist, @Nullable String coTherapist, Invited invitedOne,
            Invited invitedTwo, DemoBalance.@Nullable Story balance) {

        DemoCouple(Person one, Person two, CoupleStatus status, @Nullable LocalDate togetherSince,
                @Nullable Boolean livingTogether, String therapist, @Nullable String coTherapist,
                DemoBalance.Story balance) {
            this(one, two, status, togetherSince, livingTogether, therapist, coTherapist, Invited.ACCEPTED,
                    Invited.ACCEPTED, balance);
        }
    }

    private static Person p(String name, @Nullable String preferred, String pronouns) {
        String email = name.toLowerCase(Locale.ROOT).replace(' ', '.').replace("'", "") + "@demo.example.com";
        return new Person(name, preferred, pronouns, email);
    }

    /**
     * Balance check-ins from baseline to latest as keyed sums (0–30; 18 is the threshold 60): partner one's
     * independence and intimacy from, then to, then partner two's.
     */
    private static DemoBalance.Story story(int i1, int c1, int i1To, int c1To, int i2, int c2, int i2To, int c2To) {
        return new DemoBalance.Story(new DemoBalance.Path(i1, c1, i1To, c1To), new DemoBalance.Path(i2, c2, i2To, c2To),
                false);
    }

    /** As {@link #story}, and partner two has not checked in yet for the next session, within 48 hours. */
    private static DemoBalance.Story missing(int i1, int c1, int i1To, int c1To, int i2, int c2, int i2To, int c2To) {
        DemoBalance.Story story = story(i1, c1, i1To, c1To, i2, c2, i2To, c2To);
        return new DemoBalance.Story(story.one(), story.two(), true);
    }

    private static final String JORDAN = "therapist@example.com";
    private static final String PRIYA = "therapist2@example.com";

    private static final List<DemoCouple> COUPLES = List.of(
            // Alex: distant to balanced; Sam: fused, gaining independence
            new DemoCouple(new Person("Alex Morgan", "Alex", "they/them", "alex@example.com"),
                    new Person("Samira Patel", "Sam", "she/her", "sam@example.com"),
                    CoupleStatus.ACTIVE, LocalDate.of(2017, 5, 14), true, JORDAN, null,
                    story(24, 12, 21, 22, 10, 25, 19, 24)),
            // both partners from distant to balanced
            new DemoCouple(p("Daniel Okafor", "Dan", "he/him"), p("Grace Okafor", null, "she/her"),
                    CoupleStatus.ACTIVE, LocalDate.of(2009, 9, 3), true, JORDAN, PRIYA,
                    story(23, 11, 22, 21, 25, 13, 20, 22)),
            // no accounts yet: Lucía's link is out (the first went to a mistyped address), Marco's ran out unused
            new DemoCouple(p("Lucía Fernández", null, "she/her"), p("Marco Rossi", null, "he/him"),
                    CoupleStatus.INTAKE, LocalDate.of(2021, 2, 20), false, JORDAN, null, Invited.PENDING, Invited.EXPIRED,
                    null),
            // disconnected
            new DemoCouple(p("Hannah Becker", null, "she/her"), p("Tom Becker", "Tommy", "he/him"),
                    CoupleStatus.PAUSED, LocalDate.of(2012, 6, 1), true, JORDAN, null,
                    story(12, 13, 13, 14, 15, 12, 14, 11)),
            // Wei: a reliable deterioration of intimacy
            new DemoCouple(p("Wei Chen", null, "he/him"), p("Jamie Lin", null, "they/them"),
                    CoupleStatus.ACTIVE, LocalDate.of(2019, 11, 8), true, JORDAN, null,
                    story(20, 23, 19, 10, 18, 20, 20, 21)),
            // fused and distant: a divergence flag at the latest session
            new DemoCouple(p("Aisha Khan", null, "she/her"), p("Omar Haddad", null, "he/him"),
                    CoupleStatus.ACTIVE, LocalDate.of(2015, 4, 25), true, JORDAN, null,
                    story(9, 24, 11, 26, 21, 16, 23, 11)),
            new DemoCouple(p("Rachel Green", null, "she/her"), p("Noah Williams", null, "he/him"),
                    CoupleStatus.CLOSED, LocalDate.of(2010, 8, 17), true, JORDAN, null,
                    story(16, 14, 21, 22, 15, 15, 20, 21)),
            // no accounts yet: Sofia asked to wait until after the first sessions (her link was withdrawn), Erik has
            // not been invited
            new DemoCouple(p("Sofia Lindqvist", null, "she/her"), p("Erik Lindqvist", null, "he/him"),
                    CoupleStatus.INTAKE, LocalDate.of(2023, 1, 9), true, JORDAN, null, Invited.VOIDED, Invited.NOT_YET, null),
            new DemoCouple(p("Maya Johnson", null, "she/her"), p("Chris Taylor", null, "he/him"),
                    CoupleStatus.ACTIVE, LocalDate.of(2018, 3, 30), false, PRIYA, null,
                    story(17, 21, 19, 22, 22, 18, 21, 20)),
            // Ama has not checked in for the session within 48 hours
            new DemoCouple(p("Kwame Mensah", null, "he/him"), p("Ama Mensah", null, "she/her"),
                    CoupleStatus.ACTIVE, LocalDate.of(2006, 12, 2), true, PRIYA, JORDAN,
                    missing(20, 15, 21, 19, 14, 21, 17, 22)),
            new DemoCouple(p("Isabel Moreau", "Izzy", "she/her"), p("Claire Dubois", null, "she/her"),
                    CoupleStatus.PAUSED, LocalDate.of(2016, 7, 22), true, PRIYA, null,
                    story(22, 12, 21, 13, 11, 19, 12, 20)),
            // at intake, and both have accepted their invitations: their first check-ins are in
            new DemoCouple(p("Ben Carter", null, "he/him"), p("Olivia Brooks", "Liv", "she/her"),
                    CoupleStatus.INTAKE, LocalDate.of(2022, 10, 5), false, PRIYA, null,
                    story(16, 12, 16, 12, 20, 20, 20, 20)),
            new DemoCouple(p("Ravi Sharma", null, "he/him"), p("Neha Sharma", null, "she/her"),
                    CoupleStatus.ACTIVE, LocalDate.of(2011, 2, 14), true, PRIYA, null,
                    story(13, 13, 18, 19, 12, 15, 14, 13)),
            new DemoCouple(p("Jonas Weber", null, "he/him"), p("Mia Schulz", null, "she/her"),
                    CoupleStatus.CLOSED, LocalDate.of(2014, 5, 5), true, PRIYA, null,
                    story(24, 17, 22, 20, 16, 23, 19, 22)),
            new DemoCouple(p("Yusuf Demir", null, "he/him"), p("Elif Demir", null, "she/her"),
                    CoupleStatus.CLOSED, LocalDate.of(2013, 9, 21), true, PRIYA, null,
                    story(18, 16, 20, 20, 21, 19, 22, 21)),
            // Leila: fused, finding room for herself; Jack: steady
            new DemoCouple(p("Leila Ahmadi", null, "she/her"), p("Jack O'Brien", null, "he/him"),
                    CoupleStatus.ACTIVE, LocalDate.of(2020, 6, 12), true, PRIYA, null,
                    story(12, 23, 17, 23, 19, 19, 20, 20)),
            // both low on both after a hard year with Teo's family, slowly finding their way back
            new DemoCouple(p("Mateo Silva", "Teo", "he/him"), p("Luke Bennett", null, "he/him"),
                    CoupleStatus.ACTIVE, LocalDate.of(2016, 9, 17), true, PRIYA, null,
                    story(15, 13, 17, 16, 14, 12, 16, 17)));

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        // At start, with no one signed in: the demo builds a whole clinic (decision 029).
        TenantScope.installation(this::load);
    }

    private void load() {
        if (dsl.fetchExists(CLINIC)) {
            return;
        }
        long started = System.nanoTime();
        // One hash for every demo account: hashing is deliberately slow, and the password is the same.
        String hash = passwordEncoder.encode(PASSWORD);
        opened = time.nowAtClinic().minusYears(2);
        long clinic = dsl.insertInto(CLINIC).set(CLINIC.NAME, "Riverside Couples Practice")
                .set(CLINIC.CREATED_AT, opened)
                .returning(CLINIC.ID).fetchSingle().getId();
        long admin = account(clinic, "admin@example.com", "Morgan Ellis", hash, Role.ADMIN);
        long jordan = account(clinic, JORDAN, "Dr. Jordan Reyes", hash, Role.THERAPIST);
        long priya = account(clinic, PRIYA, "Priya Nair", hash, Role.THERAPIST);
        // Priya signs in with a code: the key and recovery codes are in the README's demo table
        secondFactor.enrol(clinic, priya, opened.plusMonths(1));
        Staff staff = staff(clinic, admin, hash);
        List<DemoAudit.Actor> partners = new ArrayList<>();
        List<Long> jordansCouples = new ArrayList<>();
        List<Long> priyasCouples = new ArrayList<>();

        // Laid out around now in the clinic's zone, so that every story holds whenever the demo is loaded.
        DemoHistory history = new DemoHistory(dsl, time.zone(clinic), time.today(clinic));
        DemoWorkbook workbook = new DemoWorkbook(dsl, time.zone(clinic), time.today(clinic));
        DemoBalance balance = new DemoBalance(dsl, time.nowAtClinic(clinic));
        DemoMessages messages = new DemoMessages(dsl, time.nowAtClinic(clinic));
        long messagesTook = 0;
        for (int index = 0; index < COUPLES.size(); index++) {
            DemoCouple demo = COUPLES.get(index);
            long couple = dsl.insertInto(COUPLE)
                    .set(COUPLE.CLINIC_ID, clinic)
                    .set(COUPLE.STATUS, demo.status())
                    .set(COUPLE.TOGETHER_SINCE, demo.togetherSince())
                    .set(COUPLE.LIVING_TOGETHER, demo.livingTogether())
                    .set(COUPLE.CREATED_AT, opened) // DemoHistory moves it to just before the first session
                    .set(COUPLE.UPDATED_AT, opened)
                    .returning(COUPLE.ID).fetchSingle().getId();
            Long oneAccount = demo.invitedOne() == Invited.ACCEPTED ? account(clinic, demo.one(), hash) : null;
            Long twoAccount = demo.invitedTwo() == Invited.ACCEPTED ? account(clinic, demo.two(), hash) : null;
            long one = partner(clinic, couple, 1, demo.one(), oneAccount);
            long two = partner(clinic, couple, 2, demo.two(), twoAccount);
            long primary = demo.therapist().equals(JORDAN) ? jordan : priya;
            (primary == jordan ? jordansCouples : priyasCouples).add(couple);
            if (oneAccount != null && partners.size() < 6) {
                partners.add(new DemoAudit.Actor(oneAccount, demo.one().email(), "198.51.100." + (10 + index)));
            }
            therapist(clinic, couple, primary, TherapistRole.PRIMARY);
            if (demo.coTherapist() != null) {
                therapist(clinic, couple, demo.coTherapist().equals(JORDAN) ? jordan : priya,
                        TherapistRole.CO_THERAPIST);
            }
            DemoBalance.Story story = demo.balance();
            DemoHistory.Next next = story != null && story.missingBeforeNext() ? DemoHistory.Next.TOMORROW
                    // a partner without an account cannot check in: their window must not be open
                    : oneAccount == null || twoAccount == null ? DemoHistory.Next.AFTER_THE_WINDOW
                    : DemoHistory.Next.USUAL;
            DemoHistory.Couple written = new DemoHistory.Couple(couple, clinic, demo.status(), primary,
                    new DemoHistory.Partner(one, oneAccount, demo.one().name(), demo.one().preferred(),
                            demo.one().email(), demo.invitedOne()),
                    new DemoHistory.Partner(two, twoAccount, demo.two().name(), demo.two().preferred(),
                            demo.two().email(), demo.invitedTwo()),
                    index, next);
            List<DemoHistory.Written> sessions = history.write(written);
            workbook.write(written);
            if (story != null) {
                balance.write(written, story, sessions);
            }
            long messagesStarted = System.nanoTime();
            List<DemoMessages.Therapist> therapists = new ArrayList<>(List.of(called(primary, jordan)));
            if (demo.coTherapist() != null) {
                therapists.add(called(demo.coTherapist().equals(JORDAN) ? jordan : priya, jordan));
            }
            messages.write(written, therapists, sessions);
            messagesTook += System.nanoTime() - messagesStarted;
        }
        long notificationsStarted = System.nanoTime();
        int notifications = new DemoNotifications(dsl, clinic, time.nowAtClinic(clinic), time.zone(clinic)).write();
        messagesTook += System.nanoTime() - notificationsStarted;
        new DemoAudit(dsl, clinic, time.nowAtClinic(clinic)).write(
                new DemoAudit.Actor(admin, "admin@example.com", "192.0.2.10"),
                new DemoAudit.Actor(jordan, JORDAN, "192.0.2.21"), new DemoAudit.Actor(priya, PRIYA, "192.0.2.22"),
                partners, jordansCouples.subList(0, 4), priyasCouples.subList(0, 4), staff.former(),
                staff.pendingInvitation());
        log.info("Loaded the demo clinic ({} couples, {} messages, {} notifications) in {} ms ({} ms of it messages "
                + "and notifications); every demo sign-in uses the password {}", COUPLES.size(), messages.written(),
                notifications, (System.nanoTime() - started) / 1_000_000, messagesTook / 1_000_000, PASSWORD);
    }

    /**
     * The Users page's stories: a therapist who left (deactivated, cannot sign in), a colleague invited
     * a few days ago whose link still works, one whose link ran out unused, and one whose acceptance could not be
     * completed because the address already signs in elsewhere (the clinic was told, docs/decisions/028).
     */
    private record Staff(long former, long pendingInvitation) {}

    private Staff staff(long clinic, long admin, String hash) {
        long former = account(clinic, "former.therapist@example.com", "Hana Sato", hash, Role.THERAPIST);
        dsl.update(ACCOUNT).set(ACCOUNT.ACTIVE, false).where(ACCOUNT.ID.eq(former)).execute();
        OffsetDateTime now = time.nowAtClinic(clinic);
        long pending = staffInvitation(clinic, admin, "Noor Haddad", "noor.haddad@example.com", Role.THERAPIST,
                now.minusDays(2));
        staffInvitation(clinic, admin, "Ines Park", "ines.park@example.com", Role.ADMIN, now.minusDays(12));
        long clash = staffInvitation(clinic, admin, "Leo Brandt", "leo.brandt@example.com", Role.THERAPIST,
                now.minusDays(3));
        dsl.update(INVITATION).set(INVITATION.NEEDS_ATTENTION_AT, now.minusDays(2))
                .where(INVITATION.ID.eq(clash)).execute();
        return new Staff(former, pending);
    }

    private long staffInvitation(long clinic, long admin, String name, String email, Role role,
            OffsetDateTime created) {
        byte[] token = new byte[32];
        new java.security.SecureRandom().nextBytes(token);
        long id = dsl.insertInto(INVITATION)
                .set(INVITATION.CLINIC_ID, clinic)
                .set(INVITATION.DISPLAY_NAME, name)
                .set(INVITATION.EMAIL, email)
                .set(INVITATION.ROLE, role)
                .set(INVITATION.TOKEN_HASH, java.util.HexFormat.of().formatHex(token)) // a link nobody holds
                .set(INVITATION.CREATED_BY, admin)
                .set(INVITATION.CREATED_AT, created)
                .set(INVITATION.EXPIRES_AT, created.plusDays(7))
                .returning(INVITATION.ID).fetchSingle().getId();
        dsl.insertInto(INVITATION_ROLE)
                .set(INVITATION_ROLE.CLINIC_ID, clinic)
                .set(INVITATION_ROLE.INVITATION_ID, id)
                .set(INVITATION_ROLE.ROLE, role)
                .execute();
        return id;
    }

    /** A therapist as they sign their messages: Jordan or Priya. */
    private static DemoMessages.Therapist called(long therapist, long jordan) {
        return new DemoMessages.Therapist(therapist, therapist == jordan ? "Jordan" : "Priya");
    }

    private long account(long clinic, Person person, String hash) {
        return account(clinic, person.email(), person.name(), hash, Role.CLIENT);
    }

    private long account(long clinic, String email, String name, String hash, Role role) {
        long id = dsl.insertInto(ACCOUNT)
                .set(ACCOUNT.CLINIC_ID, clinic)
                .set(ACCOUNT.EMAIL, email)
                .set(ACCOUNT.DISPLAY_NAME, name)
                .set(ACCOUNT.PASSWORD_HASH, hash)
                .set(ACCOUNT.CREATED_AT, opened)
                .returning(ACCOUNT.ID).fetchSingle().getId();
        dsl.insertInto(ACCOUNT_ROLE)
                .set(ACCOUNT_ROLE.CLINIC_ID, clinic)
                .set(ACCOUNT_ROLE.ACCOUNT_ID, id)
                .set(ACCOUNT_ROLE.ROLE, role)
                .execute();
        return id;
    }

    private long partner(long clinic, long couple, int position, Person person, @Nullable Long account) {
        return dsl.insertInto(PARTNER)
                .set(PARTNER.CLINIC_ID, clinic)
                .set(PARTNER.COUPLE_ID, couple)
                .set(PARTNER.POSITION, (short) position)
                .set(PARTNER.FULL_NAME, person.name())
                .set(PARTNER.PREFERRED_NAME, person.preferred())
                .set(PARTNER.PRONOUNS, person.pronouns())
                .set(PARTNER.EMAIL, person.email())
                .set(PARTNER.ACCOUNT_ID, account)
                .returning(PARTNER.ID)
                .fetchSingle().getId();
    }

    private void therapist(long clinic, long couple, long therapist, TherapistRole role) {
        dsl.insertInto(COUPLE_THERAPIST)
                .set(COUPLE_THERAPIST.CLINIC_ID, clinic)
                .set(COUPLE_THERAPIST.COUPLE_ID, couple)
                .set(COUPLE_THERAPIST.ACCOUNT_ID, therapist)
                .set(COUPLE_THERAPIST.ROLE, role)
                .set(COUPLE_THERAPIST.ASSIGNED_AT, opened)
                .execute();
    }
}
