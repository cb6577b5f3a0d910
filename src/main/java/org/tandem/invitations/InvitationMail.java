package org.tandem.invitations;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.tandem.clinic.ClinicTime;
import org.tandem.mail.Mail;
import org.tandem.mail.Outbox;

/**
 * E-mails an invitation link (a partner's or a staff member's) when mail is configured, in the caller's transaction
 * (docs/decisions/022-mail-outbox.md). The mail is written in the inviter's locale (the invitee's is not known) and
 * carries a link and its expiry, nothing else.
 */
@Component
class InvitationMail {

    private final Outbox outbox;
    private final ClinicTime time;
    private final String publicUrl;

    InvitationMail(Outbox outbox, ClinicTime time,
            @Value("${tandem.public-url:http://localhost:8080}") String publicUrl) {
        this.outbox = outbox;
        this.time = time;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** Queues the link for the invitee; false (and nothing queued) when no mail server is configured. */
    boolean send(long clinicId, String email, String path, Instant expiresAt) {
        if (!outbox.configured()) {
            return false;
        }
        Locale locale = LocaleContextHolder.getLocale();
        outbox.enqueue(new Mail(clinicId, email, locale, "mail.invitation.subject", "mail.invitation.body",
                List.of(publicUrl + "/" + path, time.format(clinicId, locale).longDateTime(expiresAt))));
        return true;
    }

    /**
     * Tells each of the clinic's admins that an invitation could not be completed: a neutral sentence and the address
     * of Tandem, no name and no e-mail (docs/decisions/028-no-e-mail-oracle.md). False when mail is not configured.
     */
    boolean tellAdmins(long clinicId, List<String> admins) {
        if (!outbox.configured()) {
            return false;
        }
        Locale locale = LocaleContextHolder.getLocale();
        for (String admin : admins) {
            outbox.enqueue(new Mail(clinicId, admin, locale, "mail.invitation-attention.subject",
                    "mail.invitation-attention.body", List.of(publicUrl + "/")));
        }
        return !admins.isEmpty();
    }
}
