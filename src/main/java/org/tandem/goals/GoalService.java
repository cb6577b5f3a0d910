package org.tandem.goals;

import jakarta.validation.Valid;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.tandem.accounts.AuditAction;
import org.tandem.accounts.AuditEvent;
import org.tandem.accounts.AuditEvent.Subject;
import org.tandem.accounts.CurrentUser;
import org.tandem.accounts.Role;
import org.tandem.accounts.StaleVersionException;
import org.tandem.accounts.TandemUser;
import org.tandem.couples.CoupleAccess;
import org.tandem.couples.SignedInPartner;
import org.tandem.goals.GoalRepository.StoredGoal;
import org.tandem.workbook.AnswerValue;
import org.tandem.workbook.GoalOrigin;
import org.tandem.workbook.GoalScope;
import org.tandem.workbook.GoalSource;
import org.tandem.workbook.GoalSources;
import org.tandem.workbook.GoalsSubmitted;
import org.tandem.workbook.MyWorkbookService;

/**
 * Tracked goals. Who may do what (product.md): a partner's own goal is seen by its owner and the couple's
 * therapists, and by the other partner only while shared; a couple goal by both partners. Its owner (own
 * goal), either partner (couple goal) and the couple's therapists may add updates and milestones and set
 * its status; only the owner shares it. Admins never see goals. Everyone else is refused, audited. Reads
 * write their audit row in the same transaction, so they are not read-only.
 *
 * <p>A goal born from a goal step has no share of its own: the other partner sees it exactly when they may see
 * the answer it came from ({@link GoalSources}, decision 009), and sharing it shares that answer. Only a goal
 * added by hand keeps its own share.
 */
@Service
@Validated
@Transactional
public class GoalService {

    private final GoalRepository goals;
    private final CoupleAccess access;
    private final GoalSources sources;
    private final MyWorkbookService workbook;
    private final ApplicationEventPublisher events;

    GoalService(GoalRepository goals, CoupleAccess access, GoalSources sources, MyWorkbookService workbook,
            ApplicationEventPublisher events) {
        this.goals = goals;
        this.access = access;
        this.sources = sources;
        this.workbook = workbook;
        this.events = events;
    }

    /**
     * Each filled-in goal step of a submitted answer set becomes a tracked goal, in the submitting
     * transaction: a shared-scope goal or a couple's TOGETHER answer gives a couple goal, else the partner's
     * own goal. Either is seen as its answer is, from then on. A step that already gave a goal gives none again.
     */
    @EventListener
    void goalsSubmitted(GoalsSubmitted submitted) {
        TandemUser partner = submitted.partner();
        for (GoalsSubmitted.SubmittedGoal step : submitted.goals()) {
            AnswerValue.GoalValue goal = step.goal();
            String what = Texts.clean(goal.what());
            if (what == null || what.isEmpty()) {
                continue;
            }
            Long owner = goal.scope() == GoalScope.SHARED ? null : submitted.ownerPartnerId();
            goals.insertFromStep(partner.clinicId(), submitted.coupleId(), owner,
                            what, Texts.orNull(Texts.clean(goal.why())),
                            Texts.orNull(Texts.clean(goal.firstStep())), goal.targetOn(), partner.accountId(),
                            submitted.workId(), step.stepId())
                    .ifPresent(id -> events.publishEvent(created(partner, id, submitted.coupleId(),
                            "from step " + step.stepId() + " of answer set " + submitted.workId())));
        }
    }

    // ---- therapist ----

    /** Every goal of one of the therapist's couples, private ones included. Audited. */
    @PreAuthorize("hasRole('THERAPIST')")
    public CoupleGoals ofCouple(long coupleId) {
        TandemUser therapist = access.requireTherapistOf(coupleId);
        List<StoredGoal> stored = goals.ofCouple(therapist.clinicId(), coupleId);
        Map<Long, Visibility> visibility = visibility(therapist.clinicId(), stored);
        List<TrackedGoal> all = stored.stream()
                .map(goal -> seenBy(goal.goal(), of(visibility, goal.goal().id()), null)).toList();
        List<PartnerGoals> partners = goals.partners(therapist.clinicId(), coupleId).stream()
                .map(partner -> new PartnerGoals(partner.partnerId(), partner.name(), all.stream()
                        .filter(goal -> Objects.equals(goal.ownerPartnerId(), partner.partnerId())).toList()))
                .toList();
        events.publishEvent(AuditEvent.of(therapist, AuditAction.GOALS_READ, Subject.couple(coupleId),
                all.size() + " goals"));
        return new CoupleGoals(coupleId, all.stream().filter(TrackedGoal::coupleGoal).toList(), partners);
    }

    /** Adds a goal for the couple or for one of its partners; returns its id. */
    @PreAuthorize("hasRole('THERAPIST')")
    public long create(long coupleId, @Valid GoalData data) {
        TandemUser therapist = access.requireTherapistOf(coupleId);
        Long owner = data.ownerPartnerId();
        if (owner != null && !goals.isPartnerOf(therapist.clinicId(), coupleId, owner)) {
            throw refuse(therapist, "partner " + owner, "not a partner of couple " + coupleId);
        }
        long id = goals.insert(therapist.clinicId(), coupleId, data, therapist.accountId());
        events.publishEvent(created(therapist, id, coupleId, "added by a therapist"));
        return id;
    }

    // ---- partner ----

    /** What the signed-in partner may see of their couple's goals. Audited. */
    @PreAuthorize("hasRole('CLIENT')")
    public MyGoals mine() {
        SignedInPartner me = access.requirePartner();
        List<StoredGoal> stored = goals.mayBeVisibleTo(me.user().clinicId(), me.coupleId(), me.partnerId());
        Map<Long, Visibility> visibility = visibility(me.user().clinicId(), stored);
        List<TrackedGoal> visible = stored.stream()
                .filter(goal -> of(visibility, goal.goal().id()).visibleTo(me.partnerId()))
                .map(goal -> seenBy(goal.goal(), of(visibility, goal.goal().id()), me.partnerId())).toList();
        events.publishEvent(AuditEvent.of(me.user(), AuditAction.GOALS_READ, Subject.couple(me.coupleId()),
                visible.size() + " goals"));
        return new MyGoals(me.partnerId(),
                visible.stream().filter(TrackedGoal::coupleGoal).toList(),
                visible.stream().filter(TrackedGoal::mine).toList(),
                visible.stream().filter(goal -> !goal.coupleGoal() && !goal.mine()).toList());
    }

    /** Adds a goal of the signed-in partner's own ({@code ownerPartnerId} their own id) or of the couple (null). */
    @PreAuthorize("hasRole('CLIENT')")
    public long create(@Valid GoalData data) {
        SignedInPartner me = access.requirePartner();
        Long owner = data.ownerPartnerId();
        if (owner != null && owner != me.partnerId()) {
            throw refuse(me.user(), "partner " + owner, "a partner adds goals for themselves or the couple");
        }
        long id = goals.insert(me.user().clinicId(), me.coupleId(), data, me.user().accountId());
        events.publishEvent(created(me.user(), id, me.coupleId(), "added by a partner"));
        return id;
    }

    /**
     * Shows the owner's goal to the other partner, or takes the share back; only the owner may. A goal added by
     * hand changes its own share; a goal born from an answer shares that answer or takes its share back, so that
     * the two are always seen alike ({@link TrackedGoal#canShare}).
     *
     * @throws StaleVersionException when a goal added by hand is no longer at {@code version}; nothing is written
     * @throws IllegalStateException when the goal follows something its share cannot change: a mutual reveal, the
     *         whole module's share or the clinic's no-secrets policy ({@link GoalSharing}); nothing is written
     */
    @PreAuthorize("hasRole('CLIENT')")
    public TrackedGoal setShared(long goalId, int version, boolean shared) {
        Actor actor = require(goalId, Need.SHARE);
        GoalRef goal = actor.goal();
        GoalSharing sharing = Objects.requireNonNull(actor.visibility()).sharing();
        switch (sharing) {
            case OWN_CHOICE -> {
                if (!goals.updateShared(actor.clinicId(), goalId, version, shared)) {
                    throw new StaleVersionException("Goal " + goalId);
                }
            }
            case ANSWER -> workbook.shareAnswer(Objects.requireNonNull(goal.sourceWorkId()),
                    Objects.requireNonNull(goal.sourceStepId()), shared);
            default -> throw new IllegalStateException("Goal " + goalId + " is shared as " + sharing
                    + " decides, not by its own share");
        }
        events.publishEvent(AuditEvent.of(actor.user(), AuditAction.GOAL_SHARING_CHANGED, Subject.goal(goalId),
                (shared ? "shared with the partner" : "share taken back")
                        + (sharing == GoalSharing.ANSWER ? ", with the answer it came from" : "")));
        return fresh(actor, goalId);
    }

    // ---- partner or therapist ----

    /**
     * Adds an update; with a progress, the goal's progress becomes it, if the goal is still at
     * {@code version} (else {@link StaleVersionException}, nothing written). Returns the goal as it now is.
     */
    @PreAuthorize("hasAnyRole('THERAPIST', 'CLIENT')")
    public TrackedGoal addUpdate(long goalId, int version, @Valid GoalUpdateData update) {
        Actor actor = require(goalId, Need.CHANGE);
        String body = Objects.requireNonNullElse(Texts.clean(update.text()), "");
        Integer progress = update.progress();
        if (body.isEmpty()) {
            throw new IllegalArgumentException("An update needs some words");
        }
        if (progress != null && !goals.updateProgress(actor.clinicId(), goalId, version, progress)) {
            throw new StaleVersionException("Goal " + goalId);
        }
        goals.insertUpdate(actor.clinicId(), goalId, body, progress, actor.user().accountId());
        events.publishEvent(AuditEvent.of(actor.user(), AuditAction.GOAL_UPDATE_ADDED, Subject.goal(goalId),
                progress == null ? "without progress" : "progress " + progress));
        return fresh(actor, goalId);
    }

    /** Adds a milestone after the goal's last one. */
    @PreAuthorize("hasAnyRole('THERAPIST', 'CLIENT')")
    public Milestone addMilestone(long goalId, @Valid MilestoneData data) {
        Actor actor = require(goalId, Need.CHANGE);
        String cleaned = Objects.requireNonNullElse(Texts.clean(data.title()), "");
        if (cleaned.isEmpty()) {
            throw new IllegalArgumentException("A milestone needs a title");
        }
        Milestone milestone = goals.insertMilestone(actor.clinicId(), goalId, cleaned);
        events.publishEvent(AuditEvent.of(actor.user(), AuditAction.GOAL_MILESTONE_ADDED, Subject.goal(goalId),
                "milestone " + milestone.id()));
        return milestone;
    }

    /**
     * Marks a milestone reached. Returns whether it was the goal's last open milestone: true only for the
     * tick that completes them all; false also when it had been reached already (nothing changes then).
     */
    @PreAuthorize("hasAnyRole('THERAPIST', 'CLIENT')")
    public boolean reachMilestone(long milestoneId) {
        TandemUser user = CurrentUser.require();
        long goalId = goals.goalOfMilestone(user.clinicId(), milestoneId)
                .orElseThrow(() -> refuse(user, "milestone " + milestoneId, "not found"));
        Actor actor = require(goalId, Need.CHANGE);
        goals.lock(actor.clinicId(), goalId);
        if (!goals.reach(actor.clinicId(), milestoneId, user.accountId())) {
            return false;
        }
        events.publishEvent(AuditEvent.of(user, AuditAction.GOAL_MILESTONE_REACHED, Subject.goal(goalId),
                "milestone " + milestoneId));
        Visibility seen = of(visibilityOf(actor.clinicId(), List.of(actor.goal())), goalId);
        events.publishEvent(new MilestoneReached(actor.clinicId(), actor.goal().coupleId(), goalId, milestoneId,
                seen.shared(), seen.keeper(), user.accountId()));
        return goals.openMilestones(actor.clinicId(), goalId) == 0;
    }

    /**
     * Sets the goal's status (achieved, set aside, active again).
     *
     * @throws StaleVersionException when the goal is no longer at {@code version}; nothing is written
     */
    @PreAuthorize("hasAnyRole('THERAPIST', 'CLIENT')")
    public TrackedGoal setStatus(long goalId, int version, GoalStatus status) {
        Actor actor = require(goalId, Need.CHANGE);
        if (!goals.updateStatus(actor.clinicId(), goalId, version, status)) {
            throw new StaleVersionException("Goal " + goalId);
        }
        events.publishEvent(AuditEvent.of(actor.user(), AuditAction.GOAL_STATUS_SET, Subject.goal(goalId),
                status.name()));
        return fresh(actor, goalId);
    }

    // ---- who may ----

    private enum Need {
        CHANGE,
        SHARE
    }

    /**
     * The person acting on a goal, and the goal with who sees it; {@code partnerId} null for a therapist, and then
     * {@code visibility} too (a therapist sees every goal of their couples and shares none).
     */
    private record Actor(TandemUser user, @Nullable Long partnerId, GoalRef goal, @Nullable Visibility visibility) {
        long clinicId() {
            return user.clinicId();
        }
    }

    /**
     * Who sees a goal: both partners ({@code shared}), or only {@code keeper}, the partner whose own goal it is or
     * who wrote the answer a couple goal came from (null: neither partner), besides the therapists.
     */
    private record Visibility(boolean shared, GoalSharing sharing, @Nullable Long keeper) {

        boolean visibleTo(long partnerId) {
            return shared || Objects.equals(keeper, partnerId);
        }

        /** Decided by the goal's own share, or by {@code source}, the answer it was born from. */
        static Visibility of(GoalRef goal, @Nullable GoalSource source) {
            Long owner = goal.ownerPartnerId();
            if (goal.origin() == null) {
                return owner == null ? new Visibility(true, GoalSharing.COUPLE, null)
                        : new Visibility(goal.ownShare(), GoalSharing.OWN_CHOICE, owner);
            }
            if (source == null) { // its answer set is not in the clinic: no one but its owner and the therapists
                return new Visibility(false, owner == null ? GoalSharing.COUPLE : GoalSharing.ANSWER, owner);
            }
            if (owner == null) {
                return new Visibility(source.otherPartnerSees(), GoalSharing.COUPLE, source.writerPartnerId());
            }
            GoalSharing sharing = switch (source.rule()) {
                case ANSWER_SHARE -> GoalSharing.ANSWER;
                case WHOLE_MODULE -> GoalSharing.WHOLE_MODULE;
                case NO_SECRETS -> GoalSharing.NO_SECRETS;
                case BOTH_SUBMITTED -> GoalSharing.BOTH_SUBMITTED;
                case TOGETHER, COUPLE_GOAL -> GoalSharing.COUPLE;
            };
            return new Visibility(source.otherPartnerSees(), sharing, owner);
        }
    }

    /** A goal's visibility from a map made for it: {@link #visibilityOf} has an entry for every goal it was given. */
    private static Visibility of(Map<Long, Visibility> visibility, long goalId) {
        return Objects.requireNonNull(visibility.get(goalId));
    }

    private Map<Long, Visibility> visibility(long clinicId, List<StoredGoal> stored) {
        return visibilityOf(clinicId, stored.stream().map(StoredGoal::ref).toList());
    }

    private Map<Long, Visibility> visibilityOf(long clinicId, Collection<GoalRef> refs) {
        Map<GoalOrigin, GoalSource> bySource = sources.of(clinicId,
                refs.stream().map(GoalRef::origin).filter(Objects::nonNull).toList());
        Map<Long, Visibility> visibility = new HashMap<>();
        for (GoalRef ref : refs) {
            GoalOrigin origin = ref.origin();
            visibility.put(ref.goalId(), Visibility.of(ref, origin == null ? null : bySource.get(origin)));
        }
        return visibility;
    }

    /**
     * The signed-in person, once it is certain that they may do {@code need} with the goal. A goal of another
     * clinic or couple is refused exactly like one that does not exist.
     */
    private Actor require(long goalId, Need need) {
        TandemUser user = CurrentUser.require();
        String what = "goal " + goalId;
        GoalRef goal = goals.ref(user.clinicId(), goalId).orElseThrow(() -> refuse(user, what, "not found"));
        if (user.hasRole(Role.CLIENT)) {
            SignedInPartner me = access.requirePartner();
            if (me.coupleId() != goal.coupleId()) {
                throw refuse(user, what, "not found");
            }
            Long owner = goal.ownerPartnerId();
            boolean own = owner != null && owner == me.partnerId();
            if (need == Need.SHARE && !own) {
                throw refuse(user, what, "only its owner shares a goal");
            }
            Visibility visibility = of(visibilityOf(user.clinicId(), List.of(goal)), goalId);
            if (!visibility.visibleTo(me.partnerId())) {
                throw refuse(user, what, owner == null ? "a couple goal from the other partner's answer, not shown"
                        + " to them yet" : "the other partner's private goal");
            }
            if (owner != null && !own) {
                throw refuse(user, what, "the other partner's goal, shared to read only");
            }
            return new Actor(user, me.partnerId(), goal, visibility);
        }
        if (need == Need.SHARE) {
            throw refuse(user, what, "only its owner shares a goal");
        }
        access.requireTherapistOf(goal.coupleId());
        return new Actor(user, null, goal, null);
    }

    private static AuditEvent created(TandemUser by, long goalId, long coupleId, String origin) {
        return AuditEvent.of(by, AuditAction.GOAL_CREATED, Subject.goal(goalId), "couple " + coupleId + ", " + origin);
    }

    private AccessDeniedException refuse(TandemUser user, String what, String reason) {
        events.publishEvent(AuditEvent.denied(user, what, reason));
        return new AccessDeniedException(what + ": " + reason);
    }

    /** The goal as one reader sees it; {@code partnerId} null for a therapist. */
    private static TrackedGoal seenBy(TrackedGoal goal, Visibility visibility, @Nullable Long partnerId) {
        if (partnerId == null) {
            return goal.seenAs(visibility.shared(), visibility.sharing(), false, true);
        }
        boolean mine = Objects.equals(goal.ownerPartnerId(), partnerId);
        return goal.seenAs(visibility.shared(), visibility.sharing(), mine, mine || goal.coupleGoal());
    }

    private TrackedGoal fresh(Actor actor, long goalId) {
        StoredGoal stored = goals.find(actor.clinicId(), goalId).orElseThrow();
        return seenBy(stored.goal(), of(visibility(actor.clinicId(), List.of(stored)), goalId), actor.partnerId());
    }
}
