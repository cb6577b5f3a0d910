package org.tandem.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.jooq.Tables.COUPLE_SESSION;
import static org.tandem.jooq.Tables.GOAL;
import static org.tandem.jooq.Tables.MESSAGE;
import static org.tandem.jooq.Tables.MESSAGE_DRAFT;
import static org.tandem.jooq.Tables.MODULE_ASSIGNMENT;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Service;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.accounts.AccountName;
import org.tandem.accounts.AccountService;
import org.tandem.accounts.EmailTakenException;
import org.tandem.accounts.RefusedException;
import org.tandem.accounts.Role;
import org.tandem.accounts.TypedText;
import org.tandem.accounts.UserFilter;
import org.tandem.audit.AuditFilter;
import org.tandem.audit.AuditLogService;
import org.tandem.balance.BalanceSettings;
import org.tandem.balance.CheckInService;
import org.tandem.balance.Item;
import org.tandem.caseload.CaseloadKey;
import org.tandem.caseload.CaseloadService;
import org.tandem.clinic.ClinicProfile;
import org.tandem.clinic.ClinicService;
import org.tandem.couples.AssignmentService;
import org.tandem.couples.CoupleData;
import org.tandem.couples.CoupleFilter;
import org.tandem.couples.CoupleService;
import org.tandem.couples.PartnerData;
import org.tandem.couples.PartnerEmailTakenException;
import org.tandem.goals.GoalData;
import org.tandem.goals.GoalService;
import org.tandem.goals.GoalUpdateData;
import org.tandem.goals.MilestoneData;
import org.tandem.invitations.StaffInvitationData;
import org.tandem.invitations.StaffInvitationService;
import org.tandem.messages.MessageService;
import org.tandem.sessions.Modality;
import org.tandem.sessions.SessionData;
import org.tandem.sessions.SessionService;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.HostileInput;
import org.tandem.support.SignIn;
import org.tandem.support.TableWrites;
import org.tandem.support.TestClock;
import org.tandem.support.TestModules;
import org.tandem.workbook.AnswerValue;
import org.tandem.workbook.AssignmentData;
import org.tandem.workbook.AssignmentMode;
import org.tandem.workbook.Category;
import org.tandem.workbook.ModuleContent;
import org.tandem.workbook.ModuleLibrary;
import org.tandem.workbook.ModuleNotPublishableException;
import org.tandem.workbook.MyWorkbookService;
import org.tandem.workbook.NewModule;
import org.tandem.workbook.Step;
import org.tandem.workbook.WorkbookService;

/**
 * The whole hostile corpus (docs/decisions/032-hostile-input.md), per field type, through every public service
 * method that takes what a person typed, as an actor who may call it, each value in each field in turn, every call
 * in a transaction of its own that commits. Each field gets {@link HostileInput#MIN_PER_TYPE} values spread evenly
 * over its type's corpus (every family, each with its wrappings), to keep the run within minutes on two cores. Each call ends one of three ways: stored, and read back cleaned (no
 * refused character, no outer blanks on a one-line field, within the column); refused with a message on that field
 * (a constraint violation whose path names it, or a refusal whose translation key exists), after which no table but
 * the audit trail has a row more or less; or, for a search, answered. Anything else is a server error. A method of
 * a service that takes text, a number or a date and is neither probed here nor skipped with a reason fails the test.
 */
// A database of its own: the row counts it takes around each call stay small, however many test classes share the
// common context's database before it in a whole run.
@SpringBootTest(properties = "tandem.test.context=hostile-services")
@ActiveProfiles("test")
class HostileServicesTest {

    /** The field types of issue 13. */
    enum Kind { NAME, EMAIL, FREE_TEXT, NUMBER, DATE }

    /** A search's answer: nothing stored, nothing to read back. */
    static final Object ANSWERED = new Object();

    /** Refusals are audited in a transaction of their own; mail is queued only for what was stored. */
    static final Set<String> MAY_CHANGE_ON_REFUSAL = TableWrites.BESIDE_ANY_CALL;

    /** Methods that take text, a number or a date and are not probed, each with the reason. */
    static final Map<String, String> SKIPPED = Map.ofEntries(
            Map.entry("AccountService#changePassword(String,String)", "passphrases: hashed, never shown; PasswordPolicyTest"),
            Map.entry("AccountService#setPasswordByReset(long,long,String)", "passphrase, after a reset token's check"),
            Map.entry("AccountService#createInvitedAccount(long,String,String,String)",
                    "reached only from InvitationService#accept after its token check; its form is the invitation page"),
            Map.entry("AccountService#createStaffAccount(long,String,String,String,Set)",
                    "reached only from a staff invitation's acceptance; name and e-mail probed through invite"),
            Map.entry("AccountService#createFirstAdmin(long,NewAccount)", "reached only from ClinicService#setUp"),
            Map.entry("ClinicService#setUp(String,ClinicSetup,NewAccount)",
                    "one-time setup code; the installation is set up (HostileFormsTest fills the setup form)"),
            Map.entry("PasswordResetService#request(ResetRequest,Locale)",
                    "answers no sooner than 1 s by design; its record in HostileInputConstraintsTest, its form here in HostileFormsTest"),
            Map.entry("PasswordResetService#reset(String,String)", "token and passphrase: compared, hashed"),
            Map.entry("PasswordResetService#preview(String)", "a token: compared, never stored; HostileUrlIdsTest"),
            Map.entry("InvitationService#preview(String)", "a token: compared, never stored; HostileUrlIdsTest"),
            Map.entry("InvitationService#accept(String,String)", "token and passphrase"),
            Map.entry("SecondFactorService#confirmEnrolment(String)", "a one-time code: compared"),
            Map.entry("SecondFactorService#signIn(String)", "a one-time code: compared"),
            Map.entry("SecondFactorService#remove(String)", "passphrase or code: compared"),
            Map.entry("SecondFactorService#regenerateRecoveryCodes(String)", "passphrase: compared"),
            Map.entry("Reauthentication#confirm(String)", "passphrase: compared"),
            Map.entry("Reauthentication#require(String)", "a label the code passes, not typed"),
            Map.entry("SignInThrottle#failed(String,String)", "UnknownSignInNameTest: the typed name is hashed"),
            Map.entry("SignInThrottle#failedInSession(String,String)", "called with an account's own e-mail"),
            Map.entry("SignInThrottle#locked(String,String)", "UnknownSignInNameTest"),
            Map.entry("SignInThrottle#succeeded(String)", "called with an account's own e-mail"),
            Map.entry("TandemUserDetailsService#loadUserByUsername(String)", "HostileFormsTest signs in with the corpus"),
            Map.entry("TandemUserDetailsService#updatePassword(UserDetails,String)", "a hash, from Spring Security"),
            Map.entry("AccountService#changeRoles(long,int,Set)", "ids and a version, no typed value"),
            Map.entry("AccountService#deactivate(long,int)", "ids and a version, no typed value"),
            Map.entry("AccountService#reactivate(long,int)", "ids and a version, no typed value"),
            Map.entry("AccountService#activeAdminEmails(long)", "an id"),
            Map.entry("ClinicService#updatePolicies(int,boolean)", "a version and a switch"),
            Map.entry("ClinicService#requireSecondFactor(int,boolean)", "a version and a switch"),
            Map.entry("ClinicService#updateCalendarNames(int,CalendarNames)", "a version and a choice of two"),
            Map.entry("GoalService#setShared(long,int,boolean)", "ids, a version and a switch"),
            Map.entry("GoalService#setStatus(long,int,GoalStatus)", "ids, a version and a choice"),
            Map.entry("SessionService#mark(long,int,SessionStatus)", "ids, a version and a choice"),
            Map.entry("ModuleLibrary#publish(long,int)", "an id and a version"),
            Map.entry("InvitationService#issueForPartner(long,int)", "an id and a position from a button"),
            Map.entry("MyWorkbookService#shareAnswer(long,String,boolean)", "a step id from the module; saveAnswer probes it"),
            Map.entry("BalanceExportService#report(long,Locale,List)", "section names from check boxes"),
            Map.entry("SessionService#calendar(CalendarLabels)", "a setting's choice"),
            Map.entry("Notifications#send(Collection)", "written by the producers from ids and route constants,"
                    + " never from what a person typed"),
            Map.entry("BalanceSummaries#refresh(long,long)", "ids, internal"),
            Map.entry("CheckInService#request(long)", "an id"),
            Map.entry("CheckInService#submit(long)", "an id"),
            Map.entry("AuditLogService#export(AuditFilter,OutputStream)", "the same filter as page, probed there"),
            Map.entry("Outbox#enqueue(Mail)", "built by the services, never typed"),
            Map.entry("NotificationService#latest(int,Locale)", "the bell's list size, a constant, bounded; NotificationServiceTest"),
            Map.entry("AlertService#acknowledge(long,CoupleAlert)", "the alert as the service listed it, not typed"));

    @Autowired DSLContext dsl;
    @Autowired EmbeddedPostgres postgres;
    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;
    @Autowired CoupleService couples;
    @Autowired GoalService goals;
    @Autowired SessionService sessions;
    @Autowired WorkbookService workbook;
    @Autowired MyWorkbookService myWorkbook;
    @Autowired ModuleLibrary library;
    @Autowired AccountService accounts;
    @Autowired ClinicService clinic;
    @Autowired StaffInvitationService staffInvitations;
    @Autowired CaseloadService caseload;
    @Autowired AssignmentService assignments;
    @Autowired AuditLogService auditLog;
    @Autowired CheckInService checkIns;
    @Autowired MessageService messages;

    /** How a hostile value becomes the call; returns what was stored, read back, or {@link #ANSWERED}. */
    @FunctionalInterface
    interface Probe {
        @Nullable Object call(Object value) throws Exception;
    }

    /**
     * One field of one method. A value the code supplies ({@code supplied}: a paging number from a grid, a step id
     * from the module, a check-in answer from its buttons) is never typed: one the service does not know is refused by its contract
     * ({@link IllegalArgumentException}, as CaseloadServiceTest expects of negative paging). Those, and searches,
     * which store nothing, get every tenth value of the corpus; every other field gets all of it.
     */
    record Target(String method, String field, Kind kind, String actor, Probe probe, int max, boolean lines,
            boolean supplied) {

        Target(String method, String field, Kind kind, String actor, Probe probe, int max, boolean lines) {
            this(method, field, kind, actor, probe, max, lines, false);
        }

        Target fromCode() {
            return new Target(method, field, kind, actor, probe, max, lines, true);
        }
    }

    /** Thrown by a record's constructor that refuses a value outright; its form checks the same rule first. */
    static final class RecordRefused extends RuntimeException {
        RecordRefused(IllegalArgumentException cause) {
            super(cause);
        }
    }

    /** Builds a record whose constructor refuses a value with {@link IllegalArgumentException}. */
    static <T> T built(java.util.function.Supplier<T> record) {
        try {
            return record.get();
        } catch (IllegalArgumentException refused) {
            throw new RecordRefused(refused);
        }
    }

    /** The figures per field type. */
    static final class Tally {
        int corpus;
        int values;
        int calls;
        int stored;
        int refused;
        int byRecord;
        int byContract;
        int answered;
    }

    private final Map<Kind, Tally> tallies = new EnumMap<>(Kind.class);
    /** What went wrong, by "problem kind method field cause": how often, and the first value that did it. */
    private final Map<String, String> problems = new java.util.TreeMap<>();
    private final Map<String, Integer> problemCounts = new java.util.HashMap<>();
    private Properties translations = new Properties();
    private TableWrites writes;

    @AfterEach
    void sign_out() {
        signIn.out();
        if (writes != null) {
            writes.close();
        }
    }

    // ---- the world: one clinic, its admin and therapist, a couple with records of every kind ----

    Person admin;
    Person therapist;
    Couple couple;
    long sessionId;
    long goalId;
    long draftModule;
    long publishedModule;
    long workToAnswer;
    long submittedWork;
    long checkInId;
    long jointThread;

    private void world() {
        Fixtures.Clinic home = fixtures.clinic("Hostile Clinic");
        admin = fixtures.admin(home, "Ada Hostile");
        therapist = fixtures.therapist(home, "Theo Hostile");
        couple = fixtures.couple(therapist, "Pat Hostile", "Pip Hostile");
        sessionId = fixtures.session(therapist, couple, TestClock.TODAY.plusDays(3).atTime(10, 0));
        goalId = fixtures.goal(therapist, couple, "Talk every evening");
        publishedModule = TestModules.publish(dsl, therapist.email(), TestModules.everyKind("Hostile module"));
        workToAnswer = fixtures.assignment(therapist, couple, publishedModule, couple.one(), null, "").workId();
        submittedWork = fixtures.assignment(therapist, couple, publishedModule, couple.two(), "feel", "Fine").workId();
        draftModule = signIn.during(therapist.email(),
                () -> library.create(new NewModule("Hostile draft", Category.COMMUNICATION_FRAMEWORKS)));
        signIn.during(therapist.email(), () -> checkIns.request(couple.id()));
        checkInId = signIn.during(couple.one().email(),
                () -> checkIns.myOpenCheckIns().getFirst().checkInId());
        jointThread = signIn.during(therapist.email(), () -> messages.ofCouple(couple.id())).getFirst().threadId();
    }

    // ---- the targets ----

    private List<Target> targets() {
        List<Target> t = new ArrayList<>();
        String th = therapist.email();
        String ad = admin.email();
        String p1 = couple.one().email();
        // the couple's form
        for (String component : List.of("fullName", "preferredName", "pronouns", "email")) {
            Kind kind = component.equals("email") ? Kind.EMAIL : Kind.NAME;
            int max = switch (component) {
                case "fullName" -> 200;
                case "preferredName" -> 100;
                case "pronouns" -> 50;
                default -> 254;
            };
            t.add(new Target("CoupleService#update(long,int,CoupleData)", "partnerOne." + component, kind, th,
                    v -> coupleUpdate(data -> withPartnerOne(data, component, (String) v),
                            data -> part(data.partnerOne(), component)), max, false));
        }
        t.add(new Target("CoupleService#create(CoupleData)", "partnerOne.fullName", Kind.NAME, th, v -> {
            long id = couples.create(new CoupleData(new PartnerData((String) v, null, null, null),
                    new PartnerData("Other Hostile", null, null, null), null, null, List.of(), null));
            return couples.overview(id).data().partnerOne().fullName();
        }, 200, false));
        t.add(new Target("CoupleService#update(long,int,CoupleData)", "presentingConcerns", Kind.NAME, th,
                v -> coupleUpdate(data -> new CoupleData(data.partnerOne(), data.partnerTwo(), data.togetherSince(),
                        data.livingTogether(), List.of((String) v), data.status()),
                        data -> String.join("", data.presentingConcerns())), CoupleData.MAX_CONCERN_LENGTH, false));
        t.add(new Target("CoupleService#update(long,int,CoupleData)", "togetherSince", Kind.DATE, th,
                v -> coupleUpdate(data -> new CoupleData(data.partnerOne(), data.partnerTwo(), (LocalDate) v,
                        data.livingTogether(), data.presentingConcerns(), data.status()), CoupleData::togetherSince),
                0, false));
        // goals
        t.add(new Target("GoalService#create(long,GoalData)", "what", Kind.NAME, th,
                v -> goalText(goals.create(couple.id(), GoalData.forCouple((String) v, null, null, null)), GOAL.WHAT),
                GoalData.MAX_WHAT, false));
        t.add(new Target("GoalService#create(long,GoalData)", "why", Kind.FREE_TEXT, th,
                v -> goalText(goals.create(couple.id(), GoalData.forCouple("Hostile", (String) v, null, null)),
                        GOAL.WHY), GoalData.MAX_WHY, true));
        t.add(new Target("GoalService#create(long,GoalData)", "firstStep", Kind.FREE_TEXT, th,
                v -> goalText(goals.create(couple.id(), GoalData.forCouple("Hostile", null, (String) v, null)),
                        GOAL.FIRST_STEP), GoalData.MAX_FIRST_STEP, true));
        t.add(new Target("GoalService#create(long,GoalData)", "targetOn", Kind.DATE, th,
                v -> dsl.fetchValue(GOAL.TARGET_ON, GOAL.ID.eq(goals.create(couple.id(),
                        GoalData.forCouple("Hostile", null, null, (LocalDate) v)))), 0, false));
        t.add(new Target("GoalService#create(GoalData)", "what", Kind.NAME, p1,
                v -> goalText(goals.create(GoalData.forPartner(couple.one().partnerId(), (String) v, null, null,
                        null, false)), GOAL.WHAT), GoalData.MAX_WHAT, false));
        t.add(new Target("GoalService#addMilestone(long,MilestoneData)", "title", Kind.NAME, th,
                v -> goals.addMilestone(goalId, new MilestoneData((String) v)).title(), 200, false));
        t.add(new Target("GoalService#addUpdate(long,int,GoalUpdateData)", "text", Kind.FREE_TEXT, th,
                v -> lastUpdate(goals.addUpdate(goalId, goalVersion(), new GoalUpdateData((String) v, null)))
                        .body(), 2000, true));
        t.add(new Target("GoalService#addUpdate(long,int,GoalUpdateData)", "progress", Kind.NUMBER, th,
                v -> lastUpdate(goals.addUpdate(goalId, goalVersion(), new GoalUpdateData("Update", (Integer) v)))
                        .progress(), 0, false));
        // messages: a message and the draft kept as it is typed
        t.add(new Target("MessageService#send(long,String)", "body", Kind.FREE_TEXT, p1,
                v -> dsl.fetchValue(MESSAGE.BODY, MESSAGE.ID.eq(messages.send(jointThread, (String) v))),
                MessageService.MAX_LENGTH, true));
        t.add(new Target("MessageService#saveDraft(long,String)", "body", Kind.FREE_TEXT, p1, v -> {
            messages.saveDraft(jointThread, (String) v);
            return dsl.fetchValue(MESSAGE_DRAFT.BODY, MESSAGE_DRAFT.THREAD_ID.eq(jointThread));
        }, MessageService.MAX_LENGTH, true));
        // sessions
        t.add(new Target("SessionService#saveNote(long,int,String)", "body", Kind.FREE_TEXT, th,
                v -> sessions.saveNote(sessionId, sessions.note(sessionId).version(), (String) v).body(), 20_000,
                true));
        t.add(new Target("SessionService#schedule(long,SessionData)", "date", Kind.DATE, th,
                v -> sessionDate(sessions.schedule(couple.id(), new SessionData((LocalDate) v, LocalTime.of(9, 0), 50,
                        Modality.IN_PERSON))), 0, false));
        t.add(new Target("SessionService#schedule(long,SessionData)", "durationMinutes", Kind.NUMBER, th,
                v -> dsl.fetchValue(COUPLE_SESSION.DURATION_MINUTES, COUPLE_SESSION.ID.eq(sessions.schedule(couple.id(),
                        new SessionData(TestClock.TODAY.plusDays(5), LocalTime.of(9, 0), (Integer) v,
                                Modality.VIDEO)))), 0, false));
        t.add(new Target("SessionService#move(long,int,SessionData)", "date", Kind.DATE, th,
                v -> sessionDate(sessions.move(sessionId, sessionVersion(), new SessionData((LocalDate) v,
                        LocalTime.of(11, 0), 50, Modality.IN_PERSON)).id()), 0, false));
        t.add(new Target("SessionService#move(long,int,SessionData)", "durationMinutes", Kind.NUMBER, th,
                v -> sessions.move(sessionId, sessionVersion(), new SessionData(TestClock.TODAY.plusDays(6),
                        LocalTime.of(11, 0), (Integer) v, Modality.VIDEO)).durationMinutes(), 0, false));
        t.add(new Target("SessionService#upcoming(int,int)", "offset", Kind.NUMBER, th,
                v -> answered(sessions.upcoming((Integer) v, 20)), 0, false).fromCode());
        t.add(new Target("SessionService#upcoming(int,int)", "limit", Kind.NUMBER, th,
                v -> answered(sessions.upcoming(0, (Integer) v)), 0, false).fromCode());
        // the workbook
        t.add(new Target("WorkbookService#assign(long,long,AssignmentData)", "note", Kind.FREE_TEXT, th,
                v -> dsl.fetchValue(MODULE_ASSIGNMENT.NOTE, MODULE_ASSIGNMENT.ID.eq(workbook.assign(couple.id(),
                        publishedModule, new AssignmentData(null, (String) v, AssignmentMode.SEPARATE)))), 2000, true));
        t.add(new Target("WorkbookService#assign(long,long,AssignmentData)", "dueOn", Kind.DATE, th,
                v -> dsl.fetchValue(MODULE_ASSIGNMENT.DUE_ON, MODULE_ASSIGNMENT.ID.eq(workbook.assign(couple.id(),
                        publishedModule, new AssignmentData((LocalDate) v, null, AssignmentMode.SEPARATE)))), 0, false));
        t.add(new Target("WorkbookService#giveFeedback(long,String,String)", "body", Kind.FREE_TEXT, th,
                v -> workbook.giveFeedback(submittedWork, null, (String) v).body(), WorkbookService.MAX_FEEDBACK, true));
        t.add(new Target("WorkbookService#giveFeedback(long,String,String)", "stepId", Kind.NAME, th,
                v -> answered(workbook.giveFeedback(submittedWork, (String) v, "Thank you")), 0, false).fromCode());
        t.add(new Target("MyWorkbookService#saveAnswer(long,String,int,AnswerValue)", "text", Kind.FREE_TEXT, p1,
                v -> ((AnswerValue.Text) myWorkbook.saveAnswer(workToAnswer, "feel", answerVersion("feel"),
                        new AnswerValue.Text((String) v)).value()).text(), AnswerValue.MAX_TEXT, true));
        t.add(new Target("MyWorkbookService#saveAnswer(long,String,int,AnswerValue)", "stepId", Kind.NAME, p1,
                v -> answered(myWorkbook.saveAnswer(workToAnswer, (String) v, 0, new AnswerValue.Text("Fine"))), 0,
                false).fromCode());
        t.add(new Target("MyWorkbookService#saveAnswer(long,String,int,AnswerValue)", "rating", Kind.NUMBER, p1,
                v -> ((AnswerValue.Rating) myWorkbook.saveAnswer(workToAnswer, "close", answerVersion("close"),
                        new AnswerValue.Rating((Integer) v)).value()).value(), 0, false));
        t.add(new Target("ModuleLibrary#create(NewModule)", "title", Kind.NAME, th,
                v -> library.draft(library.create(new NewModule((String) v, Category.REFLECTIVE_EXERCISES))).content()
                        .title(), ModuleContent.MAX_TITLE, false));
        t.add(new Target("ModuleLibrary#saveDraft(long,int,ModuleContent)", "title", Kind.NAME, th,
                v -> saveDraft(new ModuleContent((String) v, Category.REFLECTIVE_EXERCISES, "A purpose", 15,
                        List.of())).title(), ModuleContent.MAX_TITLE, false));
        t.add(new Target("ModuleLibrary#saveDraft(long,int,ModuleContent)", "text", Kind.FREE_TEXT, th,
                v -> saveDraft(new ModuleContent("Hostile draft", Category.REFLECTIVE_EXERCISES, "A purpose", 15,
                        List.of(new Step.Prompt("p", "Prompt", (String) v, false)))).steps().getFirst().text(),
                Step.MAX_TEXT, true));
        t.add(new Target("ModuleLibrary#saveDraft(long,int,ModuleContent)", "minutes", Kind.NUMBER, th,
                v -> saveDraft(new ModuleContent("Hostile draft", Category.REFLECTIVE_EXERCISES, "A purpose",
                        (Integer) v, List.of())).minutes(), 0, false));
        t.add(new Target("ModuleLibrary#search(String,Category)", "text", Kind.FREE_TEXT, th,
                v -> answered(library.search((String) v, null)), 0, false).fromCode());
        // check-ins
        t.add(new Target("CheckInService#answer(long,Item,int)", "value", Kind.NUMBER, p1,
                v -> checkIns.answer(checkInId, Item.values()[0], (Integer) v).answers().answer(Item.values()[0]),
                0, false).fromCode());
        t.add(new Target("CheckInService#closeness(long,int)", "value", Kind.NUMBER, p1,
                v -> checkIns.closeness(checkInId, (Integer) v).answers().closeness(), 0, false).fromCode());
        t.add(new Target("CheckInService#updateSettings(int,BalanceSettings)", "threshold", Kind.NUMBER, ad,
                v -> checkIns.updateSettings(checkIns.editableSettings().clinicVersion(),
                        built(() -> new BalanceSettings((Integer) v, 25))).settings().threshold(), 0, false));
        t.add(new Target("CheckInService#updateSettings(int,BalanceSettings)", "divergence", Kind.NUMBER, ad,
                v -> checkIns.updateSettings(checkIns.editableSettings().clinicVersion(),
                        built(() -> new BalanceSettings(60, (Integer) v))).settings().divergence(), 0, false));
        // the clinic and its people
        t.add(new Target("ClinicService#updateProfile(int,ClinicProfile)", "clinicName", Kind.NAME, ad,
                v -> profile(new ClinicProfile((String) v, 15, 7, null)).clinicName(), 200, false));
        t.add(new Target("ClinicService#updateProfile(int,ClinicProfile)", "timeZone", Kind.NAME, ad,
                v -> String.valueOf(profile(new ClinicProfile("Hostile Clinic", 15, 7, (String) v)).timeZone()), 200,
                false));
        t.add(new Target("ClinicService#updateProfile(int,ClinicProfile)", "idleTimeoutMinutes", Kind.NUMBER, ad,
                v -> profile(new ClinicProfile("Hostile Clinic", (Integer) v, 7, null)).idleTimeoutMinutes(), 0, false));
        t.add(new Target("ClinicService#updateProfile(int,ClinicProfile)", "invitationValidDays", Kind.NUMBER, ad,
                v -> profile(new ClinicProfile("Hostile Clinic", 15, (Integer) v, null)).invitationValidDays(), 0,
                false));
        t.add(new Target("AccountService#rename(AccountName,int)", "displayName", Kind.NAME, th,
                v -> accounts.rename(new AccountName((String) v), accounts.myAccount().version()).displayName(), 200,
                false));
        t.add(new Target("StaffInvitationService#invite(StaffInvitationData)", "displayName", Kind.NAME, ad,
                v -> answered(staffInvitations.invite(new StaffInvitationData((String) v,
                        "invitee." + System.nanoTime() + "@fixture.example", Set.of(Role.THERAPIST)))), 200, false));
        t.add(new Target("StaffInvitationService#invite(StaffInvitationData)", "email", Kind.EMAIL, ad,
                v -> answered(staffInvitations.invite(new StaffInvitationData("Ivy Invitee", (String) v,
                        Set.of(Role.THERAPIST)))), 254, false));
        t.add(new Target("AccountService#emailTaken(String)", "email", Kind.EMAIL, ad,
                v -> answered(accounts.emailTaken((String) v)), 0, false));
        t.add(new Target("AccountService#emailTakenInMyClinic(String)", "email", Kind.EMAIL, ad,
                v -> answered(accounts.emailTakenInMyClinic((String) v)), 0, false));
        // searches and pages
        t.add(new Target("AccountService#page(UserFilter,int,int)", "search", Kind.FREE_TEXT, ad,
                v -> answered(accounts.page(new UserFilter((String) v, null, null), 0, 20)), 0, false).fromCode());
        t.add(new Target("AccountService#count(UserFilter)", "search", Kind.FREE_TEXT, ad,
                v -> answered(accounts.count(new UserFilter((String) v, null, null))), 0, false).fromCode());
        t.add(new Target("AccountService#page(int,int)", "offset", Kind.NUMBER, ad,
                v -> answered(accounts.page((Integer) v, 20)), 0, false).fromCode());
        t.add(new Target("AccountService#page(int,int)", "limit", Kind.NUMBER, ad,
                v -> answered(accounts.page(0, (Integer) v)), 0, false).fromCode());
        t.add(new Target("AccountService#page(UserFilter,int,int)", "offset", Kind.NUMBER, ad,
                v -> answered(accounts.page(UserFilter.ALL, (Integer) v, 20)), 0, false).fromCode());
        t.add(new Target("AccountService#page(UserFilter,int,int)", "limit", Kind.NUMBER, ad,
                v -> answered(accounts.page(UserFilter.ALL, 0, (Integer) v)), 0, false).fromCode());
        t.add(new Target("StaffInvitationService#pending(UserFilter)", "search", Kind.FREE_TEXT, ad,
                v -> answered(staffInvitations.pending(new UserFilter((String) v, null, null))), 0, false).fromCode());
        t.add(new Target("CaseloadService#page(CoupleFilter,List,int,int)", "search", Kind.FREE_TEXT, th,
                v -> answered(caseload.page(new CoupleFilter((String) v, null), List.of(), 0, 20)), 0, false).fromCode());
        t.add(new Target("CaseloadService#count(CoupleFilter)", "search", Kind.FREE_TEXT, th,
                v -> answered(caseload.count(new CoupleFilter((String) v, null))), 0, false).fromCode());
        t.add(new Target("CaseloadService#page(CoupleFilter,List,int,int)", "offset", Kind.NUMBER, th,
                v -> answered(caseload.page(CoupleFilter.NONE, List.of(), (Integer) v, 20)), 0, false).fromCode());
        t.add(new Target("CaseloadService#page(CoupleFilter,List,int,int)", "limit", Kind.NUMBER, th,
                v -> answered(caseload.page(CoupleFilter.NONE, List.of(), 0, (Integer) v)), 0, false).fromCode());
        t.add(new Target("CaseloadService#page(CoupleFilter,List,CaseloadKey,int,int)", "skip", Kind.NUMBER, th,
                v -> answered(caseload.page(CoupleFilter.NONE, List.of(), CaseloadKey.START, (Integer) v, 20)), 0,
                false).fromCode());
        t.add(new Target("CaseloadService#page(CoupleFilter,List,CaseloadKey,int,int)", "limit", Kind.NUMBER, th,
                v -> answered(caseload.page(CoupleFilter.NONE, List.of(), CaseloadKey.START, 0, (Integer) v)), 0,
                false).fromCode());
        t.add(new Target("CaseloadService#page(int,int)", "offset", Kind.NUMBER, th,
                v -> answered(caseload.page((Integer) v, 20)), 0, false).fromCode());
        t.add(new Target("CaseloadService#page(int,int)", "limit", Kind.NUMBER, th,
                v -> answered(caseload.page(0, (Integer) v)), 0, false).fromCode());
        t.add(new Target("AssignmentService#page(CoupleFilter,int,int)", "search", Kind.FREE_TEXT, ad,
                v -> answered(assignments.page(new CoupleFilter((String) v, null), 0, 20)), 0, false).fromCode());
        t.add(new Target("AssignmentService#count(CoupleFilter)", "search", Kind.FREE_TEXT, ad,
                v -> answered(assignments.count(new CoupleFilter((String) v, null))), 0, false).fromCode());
        t.add(new Target("AssignmentService#page(CoupleFilter,int,int)", "offset", Kind.NUMBER, ad,
                v -> answered(assignments.page(CoupleFilter.NONE, (Integer) v, 20)), 0, false).fromCode());
        t.add(new Target("AssignmentService#page(CoupleFilter,int,int)", "limit", Kind.NUMBER, ad,
                v -> answered(assignments.page(CoupleFilter.NONE, 0, (Integer) v)), 0, false).fromCode());
        t.add(new Target("AuditLogService#page(AuditFilter,AuditCursor,int)", "size", Kind.NUMBER, ad,
                v -> answered(auditLog.page(AuditFilter.NONE, null, (Integer) v)), 0, false).fromCode());
        t.add(new Target("AuditLogService#page(AuditFilter,AuditCursor,int)", "from", Kind.DATE, ad,
                v -> answered(auditLog.page(new AuditFilter(null, null, null, null, (LocalDate) v, null), null, 50)),
                0, false));
        t.add(new Target("AuditLogService#page(AuditFilter,AuditCursor,int)", "to", Kind.DATE, ad,
                v -> answered(auditLog.page(new AuditFilter(null, null, null, null, null, (LocalDate) v), null, 50)),
                0, false));
        return t;
    }

    // ---- helpers of the targets ----

    private @Nullable Object coupleUpdate(java.util.function.UnaryOperator<CoupleData> change,
            java.util.function.Function<CoupleData, @Nullable Object> read) {
        var opened = couples.overview(couple.id());
        couples.update(couple.id(), version(), change.apply(opened.data()));
        return read.apply(couples.overview(couple.id()).data());
    }

    private int version() {
        return dsl.fetchValue(org.tandem.jooq.Tables.COUPLE.VERSION, org.tandem.jooq.Tables.COUPLE.ID.eq(couple.id()));
    }

    private static CoupleData withPartnerOne(CoupleData data, String component, String value) {
        PartnerData one = data.partnerOne();
        PartnerData changed = switch (component) {
            case "fullName" -> new PartnerData(value, one.preferredName(), one.pronouns(), one.email());
            case "preferredName" -> new PartnerData(one.fullName(), value, one.pronouns(), one.email());
            case "pronouns" -> new PartnerData(one.fullName(), one.preferredName(), value, one.email());
            default -> new PartnerData(one.fullName(), one.preferredName(), one.pronouns(), value);
        };
        return new CoupleData(changed, data.partnerTwo(), data.togetherSince(), data.livingTogether(),
                data.presentingConcerns(), data.status());
    }

    private static @Nullable String part(PartnerData partner, String component) {
        return switch (component) {
            case "fullName" -> partner.fullName();
            case "preferredName" -> partner.preferredName();
            case "pronouns" -> partner.pronouns();
            default -> partner.email();
        };
    }

    private @Nullable String goalText(long id, org.jooq.TableField<?, String> field) {
        return dsl.select(field).from(GOAL).where(GOAL.ID.eq(id)).fetchSingle(field);
    }

    private static org.tandem.goals.GoalUpdate lastUpdate(org.tandem.goals.TrackedGoal goal) {
        return goal.updates().stream().max(java.util.Comparator.comparingLong(org.tandem.goals.GoalUpdate::id))
                .orElseThrow();
    }

    private int goalVersion() {
        return dsl.fetchValue(GOAL.VERSION, GOAL.ID.eq(goalId));
    }

    private int sessionVersion() {
        return dsl.fetchValue(COUPLE_SESSION.VERSION, COUPLE_SESSION.ID.eq(sessionId));
    }

    private LocalDate sessionDate(long id) {
        return dsl.fetchValue(COUPLE_SESSION.STARTS_AT, COUPLE_SESSION.ID.eq(id)).atZoneSameInstant(TestClock.ZONE)
                .toLocalDate();
    }

    private int answerVersion(String stepId) {
        var answer = myWorkbook.myWork(assignmentOf(workToAnswer)).myAnswers().get(stepId);
        return answer == null ? 0 : answer.version();
    }

    private long assignmentOf(long workId) {
        return dsl.fetchValue(org.tandem.jooq.Tables.ASSIGNMENT_WORK.ASSIGNMENT_ID,
                org.tandem.jooq.Tables.ASSIGNMENT_WORK.ID.eq(workId));
    }

    private ModuleContent saveDraft(ModuleContent content) {
        return library.saveDraft(draftModule, library.draft(draftModule).version(), content).content();
    }

    private ClinicProfile profile(ClinicProfile profile) {
        return clinic.updateProfile(clinic.profile().version(), profile).profile();
    }

    private static Object answered(Object result) {
        return ANSWERED;
    }

    // ---- the run ----

    @Test
    void every_hostile_value_in_every_field_of_every_service_method_is_stored_cleaned_or_refused_with_a_message()
            throws IOException {
        long started = System.nanoTime();
        fixtures.committed(this::world);
        writes = new TableWrites(postgres, MAY_CHANGE_ON_REFUSAL);
        try (InputStream in = getClass().getResourceAsStream("/vaadin-i18n/translations.properties")) {
            translations.load(in);
        }
        List<Target> targets = targets();
        Map<Kind, List<?>> corpus = new EnumMap<>(Kind.class);
        corpus.put(Kind.NAME, HostileInput.names());
        corpus.put(Kind.EMAIL, HostileInput.emails());
        corpus.put(Kind.FREE_TEXT, HostileInput.freeText());
        corpus.put(Kind.NUMBER, HostileInput.integers());
        corpus.put(Kind.DATE, HostileInput.dates(TestClock.TODAY));
        corpus.forEach((kind, values) -> {
            assertThat(values).as(kind.name()).hasSizeGreaterThanOrEqualTo(HostileInput.MIN_PER_TYPE);
            Tally tally = tallies.computeIfAbsent(kind, k -> new Tally());
            tally.corpus = values.size();
            tally.values = Math.min(values.size(), HostileInput.MIN_PER_TYPE);
        });

        Map<String, Long> millis = new LinkedHashMap<>();
        for (Target target : targets) {
            long at = System.nanoTime();
            List<?> values = spread(corpus.get(target.kind()), HostileInput.MIN_PER_TYPE);
            signIn.as(target.actor());
            try {
                for (int i = 0; i < values.size(); i += target.supplied() ? 10 : 1) {
                    attempt(target, values.get(i));
                }
            } finally {
                signIn.out();
            }
            millis.put(target.method() + " " + target.field(), (System.nanoTime() - at) / 1_000_000);
        }

        tallies.forEach((kind, tally) -> System.out.printf(
                "HOSTILE services %-9s values %4d (of %4d), calls %6d: stored cleaned %6d, refused with a message %6d"
                        + " (of which by a record's constructor %d, by the contract of a supplied value %d), searches answered %6d,"
                        + " server errors %d, half-written %d%n", kind, tally.values, tally.corpus, tally.calls, tally.stored,
                tally.refused, tally.byRecord, tally.byContract, tally.answered, count("SERVER-ERROR", kind),
                count("HALF-WRITTEN", kind)));
        System.out.printf("HOSTILE services: %d fields of %d methods in %d s%n", targets.size(),
                targets.stream().map(Target::method).distinct().count(), (System.nanoTime() - started) / 1_000_000_000L);
        millis.entrySet().stream().filter(e -> e.getValue() > 3000)
                .forEach(e -> System.out.println("HOSTILE slow " + e.getKey() + " " + e.getValue() + " ms"));
        problems.forEach((key, example) -> System.out.println(key + " x" + problemCounts.get(key) + ", e.g. " + example));
        assertThat(problems.keySet()).as("server errors, rows left by a refusal, refusals without a message on the"
                + " field, values stored uncleaned (see the output)").isEmpty();
    }

    /** {@code size} values spread evenly over the corpus, from its first (each family is represented). */
    static <T> List<T> spread(List<T> values, int size) {
        if (values.size() <= size) {
            return values;
        }
        List<T> spread = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            spread.add(values.get((int) ((long) i * values.size() / size)));
        }
        return spread;
    }

    private int count(String problem, Kind kind) {
        return problemCounts.entrySet().stream().filter(e -> e.getKey().startsWith(problem + " " + kind + " "))
                .mapToInt(Map.Entry::getValue).sum();
    }

    private void problem(String problem, Target target, String cause, Object value, String detail) {
        String key = problem + " " + target.kind() + " " + target.method() + " " + target.field() + " " + cause;
        problemCounts.merge(key, 1, Integer::sum);
        problems.putIfAbsent(key, shown(value) + ": " + shorten(detail));
    }

    private void attempt(Target target, Object value) {
        Tally tally = tallies.get(target.kind());
        tally.calls++;
        long before = writes.mark();
        try {
            Object stored = target.probe().call(value);
            if (stored == ANSWERED) {
                tally.answered++;
            } else {
                checkStored(target, value, stored);
                tally.stored++;
            }
        } catch (ConstraintViolationException e) {
            for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
                String path = violation.getPropertyPath().toString();
                if (!path.contains(leaf(target.field())) || violation.getMessage().isBlank()
                        || violation.getMessage().startsWith("{")) {
                    problem("BAD-REFUSAL", target, path, value, violation.getMessage());
                }
            }
            refused(target, tally, before, value);
        } catch (RefusedException e) {
            if (!translations.containsKey(e.messageKey())) {
                problem("BAD-REFUSAL", target, "untranslated", value, e.messageKey());
            }
            refused(target, tally, before, value);
        } catch (ModuleNotPublishableException | EmailTakenException | PartnerEmailTakenException e) {
            refused(target, tally, before, value);
        } catch (RecordRefused e) {
            tally.byRecord++;
            refused(target, tally, before, value);
        } catch (IllegalArgumentException e) {
            if (!target.supplied()) {
                problem("SERVER-ERROR", target, e.getClass().getSimpleName(), value, String.valueOf(e.getMessage()));
                return;
            }
            tally.byContract++;
            refused(target, tally, before, value);
        } catch (Throwable e) {
            problem("SERVER-ERROR", target, e.getClass().getSimpleName(), value, String.valueOf(e.getMessage()));
        }
    }

    private void refused(Target target, Tally tally, long before, Object value) {
        tally.refused++;
        Set<String> changed = writes.since(before);
        if (!changed.isEmpty()) {
            problem("HALF-WRITTEN", target, String.join(",", changed), value, "");
        }
    }

    private void checkStored(Target target, Object value, @Nullable Object stored) {
        if (value instanceof String) {
            String text = stored == null ? "" : stored.toString();
            if (!TypedText.Check.acceptable(text, target.lines())) {
                problem("BAD-STORE", target, "refused character kept", value, text);
            }
            if (text.length() > target.max()) {
                problem("BAD-STORE", target, "over " + target.max(), value, text.length() + " characters");
            }
            if (!target.lines() && !text.equals(text.strip())) {
                problem("BAD-STORE", target, "outer blanks kept", value, text);
            }
        } else if (!value.equals(stored)) {
            problem("BAD-STORE", target, "changed", value, String.valueOf(stored));
        }
    }

    private static String leaf(String field) {
        return field.contains(".") ? field.substring(field.indexOf('.') + 1) : field;
    }

    private static String shown(Object value) {
        return value instanceof String text ? HostileInputConstraintsTest.escaped(text) : String.valueOf(value);
    }

    private static String shorten(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    // ---- completeness ----

    @Test
    void every_service_method_that_takes_text_a_number_or_a_date_is_probed_or_skipped_with_a_reason() {
        Set<String> probed = new TreeSet<>();
        for (Target target : targetsWithoutWorld()) {
            probed.add(target.method());
        }
        Set<String> missing = new TreeSet<>();
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Service.class));
        for (var candidate : scanner.findCandidateComponents("org.tandem")) {
            Class<?> type;
            try {
                type = Class.forName(candidate.getBeanClassName());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            for (Method method : type.getDeclaredMethods()) {
                if (!Modifier.isPublic(method.getModifiers()) || method.isSynthetic()
                        || Modifier.isStatic(method.getModifiers())) {
                    continue;
                }
                boolean typed = false;
                for (Type parameter : method.getGenericParameterTypes()) {
                    typed |= takesTyped(parameter, 0);
                }
                String key = key(method);
                if (typed && !probed.contains(key) && !SKIPPED.containsKey(key)) {
                    missing.add(key);
                }
            }
        }
        System.out.printf("HOSTILE services: %d methods probed, %d skipped with a reason%n", probed.size(),
                SKIPPED.size());
        assertThat(missing).as("service methods taking typed values, neither probed nor skipped").isEmpty();
    }

    private List<Target> targetsWithoutWorld() {
        admin = new Person(0, 0, "a@x", "A");
        therapist = admin;
        couple = new Couple(0, 0, new Fixtures.Partner(0, 0, "p@x", "P"), new Fixtures.Partner(0, 0, "q@x", "Q"));
        return targets();
    }

    /** Whether a parameter is, or holds, text, a whole number or a date. */
    private static boolean takesTyped(Type type, int depth) {
        if (depth > 3) {
            return false;
        }
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                if (takesTyped(argument, depth + 1)) {
                    return true;
                }
            }
            return takesTyped(parameterized.getRawType(), depth + 1);
        }
        if (!(type instanceof Class<?> c)) {
            return false;
        }
        if (c == String.class || c == int.class || c == Integer.class || c == LocalDate.class) {
            return true;
        }
        if (c.isRecord() && c.getPackageName().startsWith("org.tandem")) {
            for (RecordComponent component : c.getRecordComponents()) {
                if (takesTyped(component.getGenericType(), depth + 1)) {
                    return true;
                }
            }
        }
        if (c.isSealed()) {
            for (Class<?> permitted : c.getPermittedSubclasses()) {
                if (takesTyped(permitted, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** As the authorization matrix names a method: "Class#method(ParamTypes)". */
    static String key(Method method) {
        return method.getDeclaringClass().getSimpleName() + "#" + method.getName() + "("
                + java.util.Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                        .collect(java.util.stream.Collectors.joining(",")) + ")";
    }
}
