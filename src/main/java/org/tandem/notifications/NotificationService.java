package org.tandem.notifications;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.accounts.AuditAction;
import org.tandem.accounts.AuditEvent;
import org.tandem.accounts.AuditEvent.Subject;
import org.tandem.accounts.CurrentUser;
import org.tandem.accounts.Role;
import org.tandem.accounts.TandemUser;
import org.tandem.clinic.ClinicFormat;
import org.tandem.clinic.ClinicTime;
import org.tandem.notifications.NotificationRepository.Stored;

/**
 * The signed-in person's own notifications, whatever their role: the bell's list and count, marking read. Every
 * statement names the person as recipient (and their clinic), so no one reaches another's. A notification carries a
 * module's title or a date, so opening the list is audited like other clinical content, with ids only.
 */
@Service
@Transactional
public class NotificationService {

    /** The most the bell lists. */
    public static final int MOST = 100;

    private final NotificationRepository rows;
    private final ClinicTime time;
    private final MessageSource texts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NotificationService(NotificationRepository rows, ClinicTime time, MessageSource texts,
            ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.time = time;
        this.texts = texts;
        this.events = events;
        this.clock = clock;
    }

    /** My latest notifications, newest first, worded for this locale. Audited (ids only). */
    @PreAuthorize("hasAnyRole('ADMIN', 'THERAPIST', 'CLIENT')")
    public List<NotificationItem> latest(int limit, Locale locale) {
        if (limit < 1 || limit > MOST) {
            throw new IllegalArgumentException("limit must be between 1 and " + MOST);
        }
        TandemUser me = CurrentUser.require();
        List<Stored> stored = rows.latest(me.clinicId(), me.accountId(), limit);
        ClinicFormat format = time.format(me.clinicId(), locale);
        events.publishEvent(AuditEvent.of(me, AuditAction.NOTIFICATIONS_READ, Subject.account(me.accountId()),
                stored.isEmpty() ? "none" : "ids " + stored.stream().map(row -> Long.toString(row.id()))
                        .collect(Collectors.joining(","))));
        boolean partner = me.hasRole(Role.CLIENT); // a partner's notifications are all about their own couple
        return stored.stream().map(row -> new NotificationItem(row.id(), row.kind(), text(row, locale, !partner),
                format.dateTime(row.createdAt()), row.read(), row.target())).toList();
    }

    /** How many of my notifications are unread. */
    @PreAuthorize("hasAnyRole('ADMIN', 'THERAPIST', 'CLIENT')")
    @Transactional(readOnly = true)
    public int unreadCount() {
        TandemUser me = CurrentUser.require();
        return rows.unread(me.clinicId(), me.accountId());
    }

    /**
     * Opens one of my notifications: marks it read and returns the route that shows the thing. Another person's (or
     * no such) notification is refused, audited, and stays as it was.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'THERAPIST', 'CLIENT')")
    public String open(long notificationId) {
        TandemUser me = CurrentUser.require();
        return rows.markRead(me.clinicId(), me.accountId(), notificationId, clock.instant()).orElseThrow(() -> {
            events.publishEvent(AuditEvent.denied(me, "notification " + notificationId, "not addressed to them"));
            return new AccessDeniedException("notification " + notificationId + ": not addressed to them");
        });
    }

    /** Marks every notification of mine read; returns how many were unread. */
    @PreAuthorize("hasAnyRole('ADMIN', 'THERAPIST', 'CLIENT')")
    public int markAllRead() {
        TandemUser me = CurrentUser.require();
        return rows.markAllRead(me.clinicId(), me.accountId(), clock.instant());
    }

    /** "A new module was assigned: Listening well": the kind's words, then the detail if any. */
    private String text(Stored row, Locale locale, boolean nameTheCouple) {
        String what = texts.getMessage("notifications.what." + row.kind().name(), null, locale);
        String detail = row.detail();
        String text = detail == null || detail.isBlank() ? what
                : texts.getMessage("notifications.with-detail", new Object[] {what, detail}, locale);
        String couple = row.coupleNames();
        return nameTheCouple && couple != null
                ? texts.getMessage("notifications.for-couple", new Object[] {text, couple}, locale) : text;
    }
}
