package org.tandem.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.tandem.mail.Mail;
import org.tandem.mail.Outbox;
import org.tandem.notifications.EmailChoiceRepository.Recipient;

/**
 * The e-mail copy of a notification, for a recipient who wants that kind by e-mail, through the outbox in the
 * producer's transaction. The mail is neutral: a sentence per kind and the address of Tandem, never the notification's
 * detail, a name or a title (a mailbox is not a clinical record). At most one per person and kind per
 * {@link #QUIET}: ten messages in a row make one mail.
 */
@Component
class EmailCopies {

    static final Duration QUIET = Duration.ofMinutes(15);

    private final Outbox outbox;
    private final EmailChoiceRepository choices;
    private final String publicUrl;

    /** The link is the configured public URL (InvitationMail checks it is https at startup), never a request's Host. */
    EmailCopies(Outbox outbox, EmailChoiceRepository choices,
            @Value("${tandem.public-url:http://localhost:8080}") String publicUrl) {
        this.outbox = outbox;
        this.choices = choices;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** Queues the copy of a notification just written, if mail is configured and its recipient wants it now. */
    void queue(NewNotification notification, Instant now) {
        if (!outbox.configured()) {
            return;
        }
        NotificationKind kind = notification.kind();
        Recipient recipient = choices.recipient(notification.clinicId(), notification.recipientAccountId(), kind)
                .orElse(null);
        if (recipient == null || !recipient.active() || !wantsEmail(recipient, kind)) {
            return;
        }
        if (!choices.claimMail(notification.clinicId(), notification.recipientAccountId(), kind, now,
                now.minus(QUIET))) {
            return;
        }
        outbox.enqueue(new Mail(notification.clinicId(), recipient.email(), LocaleContextHolder.getLocale(),
                "mail.notification.subject." + kind.name(), "mail.notification.body", List.of(publicUrl + "/")));
    }

    private static boolean wantsEmail(Recipient recipient, NotificationKind kind) {
        Boolean chosen = recipient.byEmail();
        return chosen != null ? chosen : KindsOfRole.byEmailByDefault(recipient.roles(), kind);
    }
}
