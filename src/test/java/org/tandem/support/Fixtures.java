package org.tandem.support;

import static org.tandem.jooq.Tables.ACCOUNT;
import static org.tandem.jooq.Tables.ACCOUNT_ROLE;
import static org.tandem.jooq.Tables.CLINIC;
import static org.tandem.jooq.Tables.PARTNER;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.database.TenantScope;
import org.tandem.balance.CheckInService;
import org.tandem.balance.Item;
import org.tandem.couples.AssignmentService;
import org.tandem.couples.CoupleData;
import org.tandem.couples.CoupleOverview;
import org.tandem.couples.CoupleService;
import org.tandem.couples.CoupleStatus;
import org.tandem.couples.LivingTogether;
import org.tandem.couples.PartnerData;
import org.tandem.goals.GoalData;
import org.tandem.goals.GoalService;
import org.tandem.sessions.Modality;
import org.tandem.sessions.SessionData;
import org.tandem.sessions.SessionService;
import org.tandem.sessions.SessionStatus;
import org.tandem.workbook.AnswerValue;
import org.tandem.workbook.AssignmentData;
import org.tandem.workbook.AssignmentMode;
import org.tandem.workbook.MyWorkbookService;
import org.tandem.workbook.WorkbookService;
import org.tandem.accounts.Role;

/**
 * The data a test asserts on, each piece one line: a clinic, its staff, a couple whose partners can sign in, a
 * session, a submitted check-in, an assignment with an answer, a goal. Created through the real services, signed in
 * as the person who would do it, stamped by the application's clock (the {@link TestClock}); only what no service
 * creates (a clinic beside another, staff accounts, a partner's account) is inserted directly. Inside a test's
 * transaction everything rolls back. Every e-mail is unique, so fixtures never collide with each other or the demo.
 */
@Component
public class Fixtures {

    /** The password of every account made here. */
    public static final String PASSWORD = "fixture-password-2026";

    private static final AtomicInteger SERIAL = new AtomicInteger();

    private final DSLContext dsl;
    private final SignIn signIn;
    private final CoupleService couples;
    private final AssignmentService assignments;
    private final SessionService sessions;
    private final CheckInService checkIns;
    private final GoalService goals;
    private final WorkbookService workbook;
    private final MyWorkbookService myWorkbook;
    private final String passwordHash;
    private final TransactionTemplate ownTransaction;

    Fixtures(DSLContext dsl, PasswordEncoder passwordEncoder, PlatformTransactionManager transactions, SignIn signIn,
            CoupleService couples, AssignmentService assignments, SessionService sessions, CheckInService checkIns,
            GoalService goals, WorkbookService workbook, MyWorkbookService myWorkbook) {
        this.dsl = dsl;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.signIn = signIn;
        this.couples = couples;
        this.assignments = assignments;
        this.sessions = sessions;
        this.checkIns = checkIns;
        this.goals = goals;
        this.workbook = workbook;
        this.myWorkbook = myWorkbook;
        this.passwordHash = passwordEncoder.encode(PASSWORD); // once: hashing is slow on purpose
    }

    public record Clinic(long id, String name) {}

    /** Someone who can sign in with {@link #email} and {@link Fixtures#PASSWORD}. */
    public record Person(long accountId, long clinicId, String email, String name) {}

    public record Partner(long partnerId, long accountId, String email, String name) {}

    public record Couple(long id, long clinicId, Partner one, Partner two) {}

    public record Assignment(long id, long workId) {}

    /**
     * Makes the data in a transaction of its own that commits, for tests of refusals: a refusal's audit row is
     * written in a transaction of its own (so that it outlives the refused one) and must see the clinic and the
     * account. Unique e-mails keep such data apart from every other test's.
     */
    public void committed(Runnable setUp) {
        ownTransaction.executeWithoutResult(status -> setUp.run());
    }

    public Clinic clinic(String name) {
        long id = TenantScope.installation(() -> dsl.insertInto(CLINIC).set(CLINIC.CREATED_AT, TestClock.START_AT)
                .set(CLINIC.NAME, name).returning(CLINIC.ID).fetchSingle(CLINIC.ID));
        return new Clinic(id, name);
    }

    public Person admin(Clinic clinic, String name) {
        return account(clinic.id(), name, Role.ADMIN);
    }

    public Person therapist(Clinic clinic, String name) {
        return account(clinic.id(), name, Role.THERAPIST);
    }

    /** An ACTIVE couple of the therapist, whose two partners have accounts and can sign in. */
    public Couple couple(Person therapist, String partnerOne, String partnerTwo) {
        return couple(therapist, partnerOne, null, partnerTwo, null);
    }

    /** As {@link #couple(Person, String, String)}, with the names the partners prefer to be called by. */
    public Couple couple(Person therapist, String partnerOne, @Nullable String preferredOne, String partnerTwo,
            @Nullable String preferredTwo) {
        String emailOne = email(partnerOne);
        String emailTwo = email(partnerTwo);
        CoupleData data = new CoupleData(new PartnerData(partnerOne, preferredOne, null, emailOne),
                new PartnerData(partnerTwo, preferredTwo, null, emailTwo), null, LivingTogether.UNKNOWN, null,
                CoupleStatus.ACTIVE);
        long id = signIn.during(therapist.email(), () -> couples.create(data));
        return new Couple(id, therapist.clinicId(), partner(id, 1, partnerOne, emailOne),
                partner(id, 2, partnerTwo, emailTwo));
    }

    /** Makes a second therapist of the clinic the couple's co-therapist, as the clinic's admin does. */
    public void coTherapist(Person admin, Couple couple, Person coTherapist) {
        signIn.during(admin.email(), () -> {
            assignments.setCoTherapist(couple.id(), coTherapist.accountId());
            return null;
        });
    }

    /** A 50-minute session in person at this wall-clock time in the clinic's zone; returns its id. */
    public long session(Person therapist, Couple couple, LocalDateTime at) {
        SessionData data = new SessionData(at.toLocalDate(), at.toLocalTime(), 50, Modality.IN_PERSON);
        return signIn.during(therapist.email(), () -> sessions.schedule(couple.id(), data));
    }

    /**
     * A check-in the therapist requested and the partner submitted now, with the ten answers I1..I5, C1..C5 and the
     * closeness picture 4; returns its id.
     */
    public long checkIn(Person therapist, Couple couple, Partner partner, int... tenAnswers) {
        if (tenAnswers.length != Item.values().length) {
            throw new IllegalArgumentException("A check-in has " + Item.values().length + " answers");
        }
        signIn.during(therapist.email(), () -> checkIns.request(couple.id()));
        return signIn.during(partner.email(), () -> {
            long id = checkIns.myOpenCheckIns().stream().filter(open -> open.requested()).findFirst().orElseThrow()
                    .checkInId();
            Item[] items = Item.values();
            for (int i = 0; i < items.length; i++) {
                checkIns.answer(id, items[i], tenAnswers[i]);
            }
            checkIns.closeness(id, 4);
            checkIns.submit(id);
            return id;
        });
    }

    /** A goal of the couple, set by the therapist; returns its id. */
    public long goal(Person therapist, Couple couple, String what) {
        return signIn.during(therapist.email(),
                () -> goals.create(couple.id(), GoalData.forCouple(what, null, null, null)));
    }

    /**
     * Assigns a published module (see {@link TestModules#publish}) for the partners to answer separately; when
     * {@code stepId} is given, the partner answers that text step with {@code text} and submits.
     */
    public Assignment assignment(Person therapist, Couple couple, long moduleId, Partner partner,
            @Nullable String stepId, String text) {
        long id = signIn.during(therapist.email(),
                () -> workbook.assign(couple.id(), moduleId, new AssignmentData(null, "", AssignmentMode.SEPARATE)));
        return signIn.during(partner.email(), () -> {
            long workId = myWorkbook.myWork(id).workId();
            if (stepId != null) {
                myWorkbook.saveAnswer(workId, stepId, 0, new AnswerValue.Text(text));
                myWorkbook.submit(workId);
            }
            return new Assignment(id, workId);
        });
    }

    private Person account(long clinicId, String name, Role role) {
        String email = email(name);
        long id = insertAccount(clinicId, email, name, role);
        return new Person(id, clinicId, email, name);
    }

    private Partner partner(long coupleId, int position, String name, String email) {
        return TenantScope.installation(() -> partnerAccount(coupleId, position, name, email));
    }

    private Partner partnerAccount(long coupleId, int position, String name, String email) {
        long clinicId = dsl.fetchValue(PARTNER.CLINIC_ID,
                PARTNER.COUPLE_ID.eq(coupleId).and(PARTNER.POSITION.eq((short) position)));
        long accountId = insertAccount(clinicId, email, name, Role.CLIENT);
        long partnerId = dsl.update(PARTNER).set(PARTNER.ACCOUNT_ID, accountId)
                .where(PARTNER.COUPLE_ID.eq(coupleId), PARTNER.POSITION.eq((short) position))
                .returning(PARTNER.ID).fetchSingle(PARTNER.ID);
        return new Partner(partnerId, accountId, email, name);
    }

    private long insertAccount(long clinicId, String email, String name, Role role) {
        return TenantScope.clinic(clinicId, () -> insertAccountOfClinic(clinicId, email, name, role));
    }

    private long insertAccountOfClinic(long clinicId, String email, String name, Role role) {
        long id = dsl.insertInto(ACCOUNT)
                .set(ACCOUNT.CREATED_AT, TestClock.START_AT)
                .set(ACCOUNT.CLINIC_ID, clinicId)
                .set(ACCOUNT.EMAIL, email)
                .set(ACCOUNT.DISPLAY_NAME, name)
                .set(ACCOUNT.PASSWORD_HASH, passwordHash)
                .returning(ACCOUNT.ID).fetchSingle(ACCOUNT.ID);
        dsl.insertInto(ACCOUNT_ROLE).set(ACCOUNT_ROLE.CLINIC_ID, clinicId).set(ACCOUNT_ROLE.ACCOUNT_ID, id)
                .set(ACCOUNT_ROLE.ROLE, role).execute();
        return id;
    }

    /** A unique address made from the name, so that two tests (or the demo) never share one. */
    private static String email(String name) {
        String local = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ".").replaceAll("^\\.|\\.$", "");
        return local + "." + SERIAL.incrementAndGet() + "@fixture.example";
    }

    // ---- h2: the caseload, couple page and shell tests ----

    /** The therapist edits the couple as on its form (a new status goes into its history); returns the new version. */
    public int edit(Person therapist, Couple couple, UnaryOperator<CoupleData> change) {
        return signIn.during(therapist.email(), () -> {
            CoupleOverview opened = couples.overview(couple.id());
            return couples.update(couple.id(), opened.version(), change.apply(opened.data()));
        });
    }

    /** The therapist sets the couple's status, as on its form. */
    public void status(Person therapist, Couple couple, CoupleStatus status) {
        edit(therapist, couple, data -> new CoupleData(data.partnerOne(), data.partnerTwo(), data.togetherSince(),
                data.livingTogether(), data.presentingConcerns(), status));
    }

    /**
     * As {@link #session(Person, Couple, LocalDateTime)}, then marked by the therapist (held and no-show only once
     * it has begun by the clock; SCHEDULED leaves it unmarked); returns its id.
     */
    public long session(Person therapist, Couple couple, LocalDateTime at, SessionStatus status) {
        long id = session(therapist, couple, at);
        if (status != SessionStatus.SCHEDULED) {
            signIn.during(therapist.email(), () -> sessions.mark(id, sessions.list(couple.id()).stream()
                    .filter(session -> session.id() == id).findFirst().orElseThrow().version(), status));
        }
        return id;
    }

    /**
     * Assigns a published module (see {@link TestModules#publish}) due on that day (today or later by the clock),
     * for the partners to answer separately; each partner named submits theirs, unanswered. Returns its id.
     */
    public long assignment(Person therapist, Couple couple, long moduleId, LocalDate dueOn, Partner... submittedBy) {
        long id = signIn.during(therapist.email(),
                () -> workbook.assign(couple.id(), moduleId, new AssignmentData(dueOn, "", AssignmentMode.SEPARATE)));
        for (Partner partner : submittedBy) {
            signIn.during(partner.email(), () -> {
                myWorkbook.submit(myWorkbook.myWork(id).workId());
                return null;
            });
        }
        return id;
    }

    /** A clinic with a time zone of its own (set in Clinic settings) instead of the installation's. */
    public Clinic clinic(String name, java.time.ZoneId zone) {
        long id = TenantScope.installation(() -> dsl.insertInto(CLINIC).set(CLINIC.CREATED_AT, TestClock.START_AT)
                .set(CLINIC.NAME, name).set(CLINIC.TIME_ZONE, zone.getId()).returning(CLINIC.ID)
                .fetchSingle(CLINIC.ID));
        return new Clinic(id, name);
    }

    // ---- mx: the authorization matrix ----

    /** Gives the account one more role in its clinic (an admin who also counsels, a therapist who also administers). */
    public void addRole(Person person, Role role) {
        TenantScope.clinic(person.clinicId(), () -> dsl.insertInto(ACCOUNT_ROLE)
                .set(ACCOUNT_ROLE.CLINIC_ID, person.clinicId()).set(ACCOUNT_ROLE.ACCOUNT_ID, person.accountId())
                .set(ACCOUNT_ROLE.ROLE, role).execute());
    }
}
