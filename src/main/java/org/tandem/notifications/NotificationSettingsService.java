package org.tandem.notifications;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.accounts.AuditAction;
import org.tandem.accounts.AuditEvent;
import org.tandem.accounts.AuditEvent.Subject;
import org.tandem.accounts.CurrentUser;
import org.tandem.accounts.TandemUser;
import org.tandem.mail.Outbox;

/**
 * The signed-in person's choice, per kind that concerns their roles, between "in the app only" and "in the app and by
 * e-mail". Without a choice a kind follows the role's default (partners: messages, assignments and check-ins by
 * e-mail; therapists: nothing). An admin who does not counsel receives no notifications, so has nothing to choose.
 */
@Service
@Transactional
public class NotificationSettingsService {

    private final EmailChoiceRepository choices;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;

    NotificationSettingsService(EmailChoiceRepository choices, Outbox outbox, ApplicationEventPublisher events) {
        this.choices = choices;
        this.outbox = outbox;
        this.events = events;
    }

    /** My choice for each kind that concerns me, in the kinds' order. */
    @PreAuthorize("hasAnyRole('THERAPIST', 'CLIENT')")
    @Transactional(readOnly = true)
    public NotificationSettings mine() {
        TandemUser me = CurrentUser.require();
        Map<NotificationKind, Boolean> chosen = choices.choices(me.clinicId(), me.accountId());
        return new NotificationSettings(KindsOfRole.of(me.roles()).stream()
                .map(kind -> new EmailChoice(kind, chosen.getOrDefault(kind,
                        KindsOfRole.byEmailByDefault(me.roles(), kind))))
                .toList(), outbox.configured());
    }

    /**
     * Saves my choice for every kind that concerns me: those in {@code byEmail} by e-mail too, the others in the app
     * only. Audited, with the kinds' names.
     *
     * @throws IllegalArgumentException when a kind does not concern me
     */
    @PreAuthorize("hasAnyRole('THERAPIST', 'CLIENT')")
    public void save(Set<NotificationKind> byEmail) {
        TandemUser me = CurrentUser.require();
        Set<NotificationKind> mine = KindsOfRole.of(me.roles());
        if (!mine.containsAll(byEmail)) {
            throw new IllegalArgumentException("Not a kind of notification for this person: " + byEmail);
        }
        for (NotificationKind kind : mine) {
            choices.save(me.clinicId(), me.accountId(), kind, byEmail.contains(kind));
        }
        events.publishEvent(AuditEvent.of(me, AuditAction.NOTIFICATION_SETTINGS_CHANGED,
                Subject.account(me.accountId()), byEmail.isEmpty() ? "by e-mail: none"
                        : "by e-mail: " + byEmail.stream().sorted().map(Enum::name).collect(Collectors.joining(", "))));
    }
}
