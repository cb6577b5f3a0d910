package org.tandem.sessions;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Method;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.tandem.accounts.Paging;
import org.tandem.accounts.TypedText;
import org.tandem.accounts.AuditAction;
import org.tandem.accounts.AuditEvent;
import org.tandem.accounts.AuditEvent.Subject;
import org.tandem.accounts.CurrentUser;
import org.tandem.accounts.RefusedException;
import org.tandem.accounts.StaleVersionException;
import org.tandem.accounts.TandemUser;
import org.tandem.clinic.CalendarNames;
import org.tandem.clinic.ClinicLimits;
import org.tandem.clinic.ClinicTime;
import org.tandem.couples.CoupleAccess;

/**
 * A couple's sessions and the therapist's private notes on them. Every call about one couple or
 * session passes {@link CoupleAccess} first; reads of clinical data write their audit row in the
 * same transaction, so they are not read-only.
 *
 * <p>Dates and times are entered and shown in the clinic's time zone, {@code tandem.time-zone}
 * (default: the server's zone); the database keeps the instant ({@code timestamptz}).
 */
@Service
@Validated
@Transactional
public class SessionService {

    private static final String PRODUCT_ID = "-//Tandem//Sessions//EN";

    private final SessionRepository sessions;
    private final CoupleAccess access;
    private final ApplicationEventPublisher events;
    private final ClinicTime time;
    private final ClinicLimits clinics;

    SessionService(SessionRepository sessions, CoupleAccess access, ApplicationEventPublisher events,
            ClinicTime time, ClinicLimits clinics) {
        this.sessions = sessions;
        this.clinics = clinics;
        this.access = access;
        this.events = events;
        this.time = time;
    }

    /**
     * Schedules a session for one of the signed-in therapist's couples; returns its id. A second session of the couple
     * starting at the same time (the form sent twice) is refused with {@link RefusedException}.
     */
    @PreAuthorize("hasRole('THERAPIST')")
    public long schedule(long coupleId, @Valid SessionData data) {
        TandemUser therapist = access.requireTherapistOf(coupleId);
        Instant startsAt = Objects.requireNonNull(data.date()).atTime(Objects.requireNonNull(data.time()))
                .atZone(time.zone()).toInstant();
        if (sessions.scheduledAt(therapist.clinicId(), coupleId, startsAt)) {
            throw new RefusedException("sessions.error.same-time"); // the same form sent twice, or a slip
        }
        long id = sessions.insert(therapist.clinicId(), coupleId, startsAt, data.durationMinutes(),
                Objects.requireNonNull(data.modality()), therapist.accountId());
        events.publishEvent(AuditEvent.of(therapist, AuditAction.SESSION_SCHEDULED, Subject.session(id),
                "couple " + coupleId));
        events.publishEvent(new SessionScheduled(therapist.clinicId(), coupleId, id, therapist.accountId()));
        return id;
    }

    /**
     * Moves a scheduled session that has not begun to another date, time, length or place, if nobody changed it since
     * {@code version} was read (else {@link StaleVersionException}, nothing written). Refused with
     * {@link RefusedException} when the session is no longer scheduled or has begun, when the new time has passed, or
     * when another session of the couple is scheduled at that time. Returns the session as it now is.
     */
    @PreAuthorize("hasRole('THERAPIST')")
    public Session move(long sessionId, int version, @Valid SessionData data) {
        TandemUser therapist = requireTherapistOfSession(sessionId);
        Session session = sessions.find(therapist.clinicId(), sessionId, time.zone()).orElseThrow();
        Instant now = time.now();
        if (session.status() != SessionStatus.SCHEDULED || session.hasStarted(now)) {
            throw new RefusedException("sessions.error.not-movable");
        }
        Instant startsAt = Objects.requireNonNull(data.date()).atTime(Objects.requireNonNull(data.time()))
                .atZone(time.zone()).toInstant();
        if (!startsAt.isAfter(now)) {
            throw new RefusedException("sessions.error.move-to-past");
        }
        if (sessions.scheduledAt(therapist.clinicId(), session.coupleId(), startsAt, sessionId)) {
            throw new RefusedException("sessions.error.same-time");
        }
        if (!sessions.move(therapist.clinicId(), sessionId, version, startsAt, data.durationMinutes(),
                Objects.requireNonNull(data.modality()))) {
            throw new StaleVersionException("Session " + sessionId);
        }
        events.publishEvent(AuditEvent.of(therapist, AuditAction.SESSION_MOVED, Subject.session(sessionId),
                session.startsAt().toInstant() + " -> " + startsAt));
        events.publishEvent(new SessionMoved(therapist.clinicId(), session.coupleId(), sessionId,
                therapist.accountId()));
        return sessions.find(therapist.clinicId(), sessionId, time.zone()).orElseThrow();
    }

    /** All sessions of one couple, newest first. */
    @PreAuthorize("hasRole('THERAPIST')")
    public List<Session> list(long coupleId) {
        TandemUser therapist = access.requireTherapistOf(coupleId);
        List<Session> list = sessions.ofCouple(therapist.clinicId(), coupleId, time.zone());
        events.publishEvent(AuditEvent.of(therapist, AuditAction.SESSIONS_READ, Subject.couple(coupleId),
                list.size() + " sessions"));
        return list;
    }

    /**
     * Marks a session held, cancelled or no-show (also to correct an earlier mark). Only a session that
     * has begun can be held or missed.
     */
    @PreAuthorize("hasRole('THERAPIST')")
    public Session mark(long sessionId, int version, SessionStatus status) {
        if (status == SessionStatus.SCHEDULED) {
            throw new IllegalArgumentException("A session is marked held, cancelled or no-show");
        }
        TandemUser therapist = requireTherapistOfSession(sessionId);
        Session session = sessions.find(therapist.clinicId(), sessionId, time.zone()).orElseThrow();
        if (status != SessionStatus.CANCELLED && !session.hasStarted(time.now())) {
            throw new RefusedException("sessions.error.not-started");
        }
        if (!sessions.updateStatus(therapist.clinicId(), sessionId, version, status)) {
            throw new StaleVersionException("Session " + sessionId);
        }
        events.publishEvent(AuditEvent.of(therapist, AuditAction.SESSION_MARKED, Subject.session(sessionId),
                session.status() + " -> " + status));
        events.publishEvent(new SessionMarked(therapist.clinicId(), session.coupleId(), sessionId, status,
                therapist.accountId()));
        return sessions.find(therapist.clinicId(), sessionId, time.zone()).orElseThrow();
    }

    /** The private note of a session (empty, version 0, when none was written yet). Audited on every call. */
    @PreAuthorize("hasRole('THERAPIST')")
    public SessionNote note(long sessionId) {
        TandemUser therapist = requireTherapistOfSession(sessionId);
        SessionNote note = sessions.note(therapist.clinicId(), sessionId, time.zone()).orElseGet(() -> SessionNote.none(sessionId));
        events.publishEvent(AuditEvent.of(therapist, AuditAction.NOTE_READ, Subject.session(sessionId),
                "version " + note.version()));
        return note;
    }

    /**
     * Saves the note if nobody saved it since {@code expectedVersion} was read; otherwise throws
     * {@link StaleVersionException} with the other text and changes nothing. Returns the saved note.
     */
    @PreAuthorize("hasRole('THERAPIST')")
    public SessionNote saveNote(long sessionId, int expectedVersion,
            @Size(max = SessionNote.MAX_LENGTH, message = "{sessions.validation.note-too-long}")
            @TypedText(lines = true) String body) {
        TandemUser therapist = requireTherapistOfSession(sessionId);
        String text = body.replace("\r\n", "\n");
        Optional<Integer> saved = sessions.saveNote(therapist.clinicId(), sessionId, expectedVersion, text,
                therapist.accountId());
        if (saved.isEmpty()) {
            throw new StaleVersionException("The note of session " + sessionId, sessions.note(therapist.clinicId(), sessionId, time.zone())
                    .orElseGet(() -> SessionNote.none(sessionId)));
        }
        events.publishEvent(AuditEvent.of(therapist, AuditAction.NOTE_SAVED, Subject.session(sessionId),
                "version " + saved.get() + ", " + text.length() + " characters"));
        return sessions.note(therapist.clinicId(), sessionId, time.zone()).orElseThrow();
    }

    /** A page of the signed-in therapist's scheduled sessions still to come, across their caseload. */
    @PreAuthorize("hasRole('THERAPIST')")
    public List<UpcomingSession> upcoming(int offset, int limit) {
        Paging.check(offset, limit);
        TandemUser therapist = CurrentUser.require();
        List<UpcomingSession> page = sessions.upcoming(therapist.clinicId(), therapist.accountId(), time.now(),
                time.zone(), offset, limit);
        events.publishEvent(upcomingRead(therapist, "offset " + offset, page.size()));
        return page;
    }

    /**
     * The signed-in therapist's upcoming scheduled sessions as an iCalendar file: one event per session
     * with a stable UID, times in UTC, the couple's initials (or full names, if the clinic chose them:
     * {@link CalendarNames}) and where; never a note. Calendars are synced to third-party services.
     */
    @PreAuthorize("hasRole('THERAPIST')")
    public String calendar(CalendarLabels labels) {
        TandemUser therapist = CurrentUser.require();
        List<UpcomingSession> upcoming = sessions.allUpcoming(therapist.clinicId(), therapist.accountId(),
                time.now(), time.zone());
        boolean fullNames = clinics.calendarNames(therapist.clinicId()) == CalendarNames.FULL_NAMES;
        ICalendar calendar = new ICalendar();
        calendar.setProductId(PRODUCT_ID);
        calendar.setMethod(Method.publish());
        for (UpcomingSession session : upcoming) {
            VEvent event = new VEvent();
            event.setUid(UpcomingSession.uid(session.id()));
            event.setSummary(labels.summary(fullNames ? session.names() : session.initials()));
            event.setLocation(labels.location(session.modality()));
            event.setDateStart(Date.from(session.startsAt().toInstant()), true);
            event.setDateEnd(Date.from(session.endsAt().toInstant()), true);
            calendar.addEvent(event);
        }
        events.publishEvent(upcomingRead(therapist, "calendar file", upcoming.size()));
        return Biweekly.write(calendar).go();
    }

    /** The signed-in partner's couple's next scheduled session, if any. */
    @PreAuthorize("hasRole('CLIENT')")
    public Optional<NextSession> myNextSession() {
        TandemUser partner = CurrentUser.require();
        Optional<Long> couple = sessions.coupleOfPartner(partner.clinicId(), partner.accountId());
        if (couple.isEmpty()) {
            return Optional.empty();
        }
        Optional<NextSession> next = sessions.nextOfCouple(partner.clinicId(), couple.get(), time.now(), time.zone());
        events.publishEvent(AuditEvent.of(partner, AuditAction.NEXT_SESSION_READ, Subject.couple(couple.get())));
        return next;
    }

    private static AuditEvent upcomingRead(TandemUser therapist, String what, int sessions) {
        return AuditEvent.of(therapist, AuditAction.UPCOMING_SESSIONS_READ, Subject.account(therapist.accountId()),
                what + ", " + sessions + " sessions");
    }

    /**
     * The ownership check for a session id: the session must be in the signed-in person's clinic and
     * belong to one of their couples. Another clinic's session is refused exactly like a missing one.
     */
    private TandemUser requireTherapistOfSession(long sessionId) {
        TandemUser user = CurrentUser.require();
        Optional<Long> couple = sessions.coupleOf(user.clinicId(), sessionId);
        if (couple.isEmpty()) {
            events.publishEvent(AuditEvent.denied(user, "session " + sessionId, "not found"));
            throw new AccessDeniedException("Session " + sessionId + " is not on your caseload");
        }
        return access.requireTherapistOf(couple.get());
    }
}
