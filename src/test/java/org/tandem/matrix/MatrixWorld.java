package org.tandem.matrix;

import static org.tandem.jooq.Tables.MODULE_VERSION;
import static org.tandem.jooq.Tables.NOTIFICATION;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.accounts.Role;
import org.tandem.goals.GoalFixtures;
import org.tandem.goals.GoalService;
import org.tandem.goals.MilestoneData;
import org.tandem.notifications.NotificationKind;
import org.tandem.messages.MessageService;
import org.tandem.sessions.SessionService;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Assignment;
import org.tandem.support.Fixtures.Clinic;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;
import org.tandem.support.TestModules;
import org.tandem.workbook.GoalScope;
import org.tandem.workbook.MyWorkbookService;
import org.tandem.workbook.WorkbookService;

/**
 * The one world both authorization matrices (services and routes) run on, committed once per application context:
 * ten actors, couple C1 of clinic A with records of every kind, a couple of clinic B with the same, and marker texts
 * planted in them. Which markers each actor may never see is declared here once ({@link #forbidden}). See
 * docs/decisions/030-authorization-matrix.md.
 */
@Component
public class MatrixWorld {

    /** The people who try every entry point. */
    public enum Actor {
        ANONYMOUS, PARTNER, OTHER_PARTNER, OTHER_COUPLE_PARTNER, THERAPIST, CO_THERAPIST, OTHER_THERAPIST, ADMIN,
        ADMIN_THERAPIST, OTHER_CLINIC_STAFF
    }

    /** Whose records the ids of a call name: couple C1's (clinic A) or the couple of clinic B. */
    public enum Ids { A, B }

    // Marker texts: unique words put in the world's records; each actor may see only some.
    static final String P1_SECRET_GOAL = "P1-SECRET-GOAL-4c1d";
    static final String P2_PRIVATE = "P2-PRIVATE-7f3a";
    static final String NOTE_C1 = "NOTE-C1-9b2e";
    static final String C1_NAME = "Cemone";
    static final String C2_NAME = "Deverell";
    static final String B_NAME = "Bexhollow";
    static final List<String> MARKERS = List.of(P1_SECRET_GOAL, P2_PRIVATE, NOTE_C1, C1_NAME, C2_NAME, B_NAME);

    private final Fixtures fixtures;
    private final DSLContext dsl;
    private final SignIn signIn;
    private final GoalService goals;
    private final SessionService sessions;
    private final WorkbookService workbook;
    private final MyWorkbookService myWorkbook;
    private final PlatformTransactionManager transactions;
    private final MessageService messages;

    private final Map<Actor, String> emails = new EnumMap<>(Actor.class);
    private final Map<Ids, Map<String, Long>> ids = new EnumMap<>(Ids.class);

    MatrixWorld(Fixtures fixtures, DSLContext dsl, SignIn signIn, GoalService goals, SessionService sessions,
            WorkbookService workbook, MyWorkbookService myWorkbook, PlatformTransactionManager transactions,
            MessageService messages) {
        this.messages = messages;
        this.fixtures = fixtures;
        this.dsl = dsl;
        this.signIn = signIn;
        this.goals = goals;
        this.sessions = sessions;
        this.workbook = workbook;
        this.myWorkbook = myWorkbook;
        this.transactions = transactions;
    }

    /** Commits the world the first time it is asked for in this application context; then returns the same one. */
    public synchronized MatrixWorld committed() {
        if (emails.isEmpty()) {
            fixtures.committed(this::build);
        }
        return this;
    }

    /** The ids of one couple's records by parameter name ({@code coupleId}, {@code goalId}, …). */
    public Map<String, Long> ids(Ids which) {
        return ids.get(which);
    }

    /** Signs the actor in (or in as an anonymous visitor) on the current thread. */
    private void signIn(Actor actor) {
        if (actor == Actor.ANONYMOUS) {
            signIn.anonymous();
        } else {
            signIn.as(emails.get(actor));
        }
    }

    /**
     * One cell: the call made as the actor, in a transaction of its own that rolls back (on the committed world,
     * so that no cell sees another's writes), signed out after.
     */
    public <T> T asActorInCell(Actor actor, Supplier<T> call) {
        TransactionTemplate cell = new TransactionTemplate(transactions);
        cell.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        cell.setTimeout(60);
        signIn(actor); // before the transaction begins, as a request's sign-in is
        try {
            return cell.execute(status -> {
                status.setRollbackOnly();
                dsl.execute("set local lock_timeout = '3s'");
                return call.get();
            });
        } finally {
            signIn.out();
        }
    }

    /** The markers this actor may never find in anything a call returns or a page shows them. */
    static List<String> forbidden(Actor actor) {
        return switch (actor) {
            case ANONYMOUS -> MARKERS;
            case PARTNER -> List.of(P2_PRIVATE, NOTE_C1, C2_NAME, B_NAME);
            case OTHER_PARTNER -> List.of(P1_SECRET_GOAL, NOTE_C1, C2_NAME, B_NAME);
            case OTHER_COUPLE_PARTNER -> List.of(P1_SECRET_GOAL, P2_PRIVATE, NOTE_C1, C1_NAME, B_NAME);
            case THERAPIST, CO_THERAPIST -> List.of(B_NAME);
            case OTHER_THERAPIST -> List.of(P1_SECRET_GOAL, P2_PRIVATE, NOTE_C1, B_NAME);
            case ADMIN, ADMIN_THERAPIST -> List.of(P1_SECRET_GOAL, P2_PRIVATE, NOTE_C1, B_NAME);
            case OTHER_CLINIC_STAFF -> List.of(P1_SECRET_GOAL, P2_PRIVATE, NOTE_C1, C1_NAME, C2_NAME);
        };
    }

    /** The markers of {@link #forbidden} that a text shows the actor. */
    static List<String> forbiddenShown(Actor actor, String shown) {
        return forbidden(actor).stream().filter(shown::contains).toList();
    }

    private void build() {
        Clinic a = fixtures.clinic("Matrix Clinic A");
        Person therapist = fixtures.therapist(a, "Tamsin Matrix");
        Person coTherapist = fixtures.therapist(a, "Toby Matrix");
        Person otherTherapist = fixtures.therapist(a, "Tara Matrix");
        Person admin = fixtures.admin(a, "Ada Matrix");
        Person adminTherapist = fixtures.admin(a, "Abe Matrix");
        fixtures.addRole(adminTherapist, Role.THERAPIST);
        Couple c1 = fixtures.couple(therapist, "Pat " + C1_NAME, "Pip " + C1_NAME);
        fixtures.coTherapist(admin, c1, coTherapist);
        Couple c2 = fixtures.couple(otherTherapist, "Quin " + C2_NAME, "Quil " + C2_NAME);
        fixtures.couple(adminTherapist, "Ari Matrix", "Ash Matrix");

        Clinic b = fixtures.clinic("Matrix Clinic B");
        Person bStaff = fixtures.admin(b, "Bea " + B_NAME);
        fixtures.addRole(bStaff, Role.THERAPIST);
        Couple cb = fixtures.couple(bStaff, "Bo " + B_NAME, "Bay " + B_NAME);

        emails.put(Actor.PARTNER, c1.one().email());
        emails.put(Actor.OTHER_PARTNER, c1.two().email());
        emails.put(Actor.OTHER_COUPLE_PARTNER, c2.one().email());
        emails.put(Actor.THERAPIST, therapist.email());
        emails.put(Actor.CO_THERAPIST, coTherapist.email());
        emails.put(Actor.OTHER_THERAPIST, otherTherapist.email());
        emails.put(Actor.ADMIN, admin.email());
        emails.put(Actor.ADMIN_THERAPIST, adminTherapist.email());
        emails.put(Actor.OTHER_CLINIC_STAFF, bStaff.email());

        ids.put(Ids.A, records(a, therapist, coTherapist, c1, P2_PRIVATE, true));
        ids.put(Ids.B, records(b, bStaff, bStaff, cb, "B-ANSWER", false));
    }

    /**
     * A couple's records of every kind: an assignment whose second partner wrote a private answer and submitted, a
     * goal the first partner set in a mutual-reveal step and submitted (so hidden from the second), a milestone, a
     * session with a note, a submitted check-in, a module and its version.
     */
    private Map<String, Long> records(Clinic clinic, Person therapist, Person coTherapist, Couple couple,
            String privateAnswer, boolean withNote) {
        Map<String, Long> r = new HashMap<>();
        long module = TestModules.publish(dsl, therapist.email(), TestModules.everyKind("Matrix module"));
        Assignment assignment = fixtures.assignment(therapist, couple, module, couple.two(), "feel", privateAnswer);
        long goalAssignment = GoalFixtures.assignGoalSteps(dsl, workbook, signIn, couple.id(), therapist.email());
        long goalWork = GoalFixtures.writeGoal(myWorkbook, signIn, couple.one().email(), goalAssignment, "secret",
                withNote ? P1_SECRET_GOAL : "B-GOAL", GoalScope.INDIVIDUAL);
        GoalFixtures.submit(myWorkbook, signIn, couple.one().email(), goalAssignment);
        long goal = GoalFixtures.goalFrom(dsl, goalWork, "secret");
        long milestone = signIn.during(couple.one().email(),
                () -> goals.addMilestone(goal, new MilestoneData("First small step")).id());
        long session = fixtures.session(therapist, couple, TestClock.TODAY.plusDays(2).atTime(10, 0));
        if (withNote) {
            signIn.during(therapist.email(), () -> sessions.saveNote(session, 0, "Observed: " + NOTE_C1));
        }
        long checkIn = fixtures.checkIn(therapist, couple, couple.one(), 3, 3, 3, 3, 3, 3, 3, 3, 3, 3);
        r.put("clinicId", clinic.id());
        r.put("coupleId", couple.id());
        r.put("assignmentId", assignment.id());
        r.put("workId", assignment.workId());
        r.put("goalId", goal);
        r.put("milestoneId", milestone);
        r.put("sessionId", session);
        r.put("checkInId", checkIn);
        r.put("moduleId", module);
        r.put("versionId", dsl.select(MODULE_VERSION.ID).from(MODULE_VERSION)
                .where(MODULE_VERSION.MODULE_ID.eq(module)).fetchSingle(MODULE_VERSION.ID));
        r.put("accountId", couple.one().accountId());
        r.put("therapistAccountId", therapist.accountId());
        r.put("primaryAccountId", therapist.accountId());
        r.put("fromAccountId", therapist.accountId());
        r.put("toAccountId", coTherapist.accountId());
        r.put("coTherapistAccountId", coTherapist.accountId());
        r.put("invitationId", -1L);
        r.put("notificationId", dsl.insertInto(NOTIFICATION).set(NOTIFICATION.CLINIC_ID, clinic.id())
                .set(NOTIFICATION.RECIPIENT_ACCOUNT_ID, couple.one().accountId())
                .set(NOTIFICATION.KIND, NotificationKind.MODULE_ASSIGNED).set(NOTIFICATION.COUPLE_ID, couple.id())
                .set(NOTIFICATION.TARGET, "my-workbook").set(NOTIFICATION.DETAIL, "Matrix module")
                .set(NOTIFICATION.CREATED_AT, TestClock.START_AT).returning(NOTIFICATION.ID)
                .fetchSingle(NOTIFICATION.ID));
        // the second partner's private thread with the therapists: their own message (the private marker in clinic A)
        // and one of the therapist's, sent now, so still within its withdrawal window
        long thread = signIn.during(therapist.email(), () -> messages.ofCouple(couple.id())).get(2).threadId();
        signIn.during(couple.two().email(), () -> messages.send(thread, withNote ? P2_PRIVATE : "B-MESSAGE"));
        r.put("threadId", thread);
        r.put("messageId", signIn.during(therapist.email(), () -> messages.send(thread, "Thank you for writing")));
        return r;
    }
}
