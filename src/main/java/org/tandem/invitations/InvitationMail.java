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

    /**
     * Links start with the configured public URL, never with the Host of a request (which a client can forge). It
     * must be https unless {@code tandem.allow-http} says otherwise: true in development, false in the prod profile
     * (TANDEM_ALLOW_HTTP=true for a test on a private network), docs/decisions/031-self-hosting-defaults.md.
     */
    InvitationMail(Outbox outbox, ClinicTime time,
            @Value("${tandem.public-url:http://localhost:8080}") String publicUrl,
            @Value("${tandem.allow-http:false}") boolean allowHttp) {
        if (!allowHttp && !publicUrl.startsWith("https://")) {
            throw new IllegalStateException("tandem.public-url (TANDEM_PUBLIC_URL) is " + publicUrl + ": set it to the "
                    + "https address people reach Tandem at (the links in mails start with it), or set "
                    + "TANDEM_ALLOW_HTTP=true for a test on a private network.");
        }
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
