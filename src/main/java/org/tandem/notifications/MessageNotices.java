package org.tandem.notifications;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tandem.messages.MessageSent;
import org.tandem.notifications.Audience.Couple;

/**
 * A new message: to the thread's participants but its sender. The joint thread's are both partners and the couple's
 * therapists; a partner's private thread's are that partner and the therapists, never the other partner. No words of
 * the message are copied into the notification.
 */
@Component
class MessageNotices {

    private final Audience audience;
    private final Notifications notifications;

    MessageNotices(Audience audience, Notifications notifications) {
        this.audience = audience;
        this.notifications = notifications;
    }

    @EventListener
    void on(MessageSent sent) {
        Couple couple = audience.of(sent.clinicId(), sent.coupleId());
        Long privatePartner = sent.privatePartnerId();
        notifications.send(couple.letters(NotificationKind.MESSAGE, "", sent.senderAccountId())
                .to(privatePartner == null ? couple.partnerAccounts() : couple.accountOf(privatePartner),
                        NoticeTargets.myThread(sent.threadId()))
                .to(couple.therapists(), NoticeTargets.coupleMessages(sent.coupleId()))
                .list());
    }
}
