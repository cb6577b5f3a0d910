package org.tandem.messages;

import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.tandem.accounts.AuditAction;
import org.tandem.accounts.AuditEvent;
import org.tandem.accounts.AuditEvent.Subject;
import org.tandem.accounts.CurrentUser;
import org.tandem.accounts.RefusedException;
import org.tandem.accounts.Role;
import org.tandem.accounts.TandemUser;
import org.tandem.accounts.TypedText;
import org.tandem.couples.CoupleAccess;
import org.tandem.couples.CoupleStatus;
import org.tandem.couples.SignedInPartner;
import org.tandem.messages.MessageRepository.MessageRow;
import org.tandem.messages.MessageRepository.Participant;
import org.tandem.messages.MessageRepository.StoredMessage;
import org.tandem.messages.MessageRepository.ThreadRow;
import org.tandem.shell.LiveUpdates;

/**
 * A couple's threads (docs/decisions/034-messages-and-notifications.md): the joint thread of both partners and the
 * couple's therapists, and each partner's private thread with the therapists. A partner reaches the joint thread and
 * their own private one, never the other partner's (refused and audited like a thread that does not exist); a
 * therapist every thread of the couples they are assigned to now, history included; an admin none. A closed
 * couple's threads are read-only. Messages are never edited or deleted: a therapist may withdraw their own within
 * {@link #WITHDRAWAL_WINDOW}, which hides it from the thread and keeps its text in the row. Reading, sending and
 * withdrawing are audited with ids only. Reads write (the read mark, the audit row), so nothing here is read-only.
 */
@Service
@Validated
@Transactional
public class MessageService {

    /** The longest message, after trailing blanks are dropped. */
    public static final int MAX_LENGTH = 5000;

    /** How long after sending a therapist may withdraw a message sent by mistake. */
    public static final Duration WITHDRAWAL_WINDOW = Duration.ofMinutes(10);

    private final MessageRepository messages;
    private final CoupleAccess access;
    private final ApplicationEventPublisher events;
    private final LiveUpdates live;
    private final Clock clock;

    MessageService(MessageRepository messages, CoupleAccess access, ApplicationEventPublisher events,
            LiveUpdates live, Clock clock) {
        this.messages = messages;
        this.access = access;
        this.events = events;
        this.live = live;
        this.clock = clock;
    }

    /** The signed-in partner's two threads, the joint one first, each with its unread count. */
    @PreAuthorize("hasRole('CLIENT')")
    public List<ThreadSummary> myThreads() {
        SignedInPartner me = access.requirePartner();
        long clinicId = me.user().clinicId();
        messages.ensureThreads(clinicId, me.coupleId(), clock.instant());
        return messages.summaries(clinicId, me.coupleId(), me.user().accountId(), me.partnerId());
    }

    /** The three threads of one of the signed-in therapist's couples: joint, then each partner's private one. */
    @PreAuthorize("hasRole('THERAPIST')")
    public List<ThreadSummary> ofCouple(long coupleId) {
        TandemUser therapist = access.requireTherapistOf(coupleId);
        messages.ensureThreads(therapist.clinicId(), coupleId, clock.instant());
        return messages.summaries(therapist.clinicId(), coupleId, therapist.accountId(), null);
    }

    /** Opens a thread: its messages, marked read for the reader up to the newest. Audited. */
    @PreAuthorize("hasAnyRole('THERAPIST', 'CLIENT')")
    public MessageThread read(long threadId) {
        Reader reader = require(threadId);
        ThreadRow thread = reader.thread();
        long clinicId = reader.user().clinicId();
        long me = reader.user().accountId();
        List<MessageRow> rows = messages.messages(clinicId, threadId);
        Map<Long, Long> readUpTo = messages.readUpTo(clinicId, threadId);
        long before = readUpTo.getOrDefault(me, 0L);
        int newForReader = (int) rows.stream()
                .filter(row -> row.id() > before && row.senderAccountId() != me && row.withdrawnAt() == null).count();
        long last = rows.isEmpty() ? 0 : rows.getLast().id();
        List<Participant> participants = messages.participants(clinicId, thread.coupleId(), thread.partnerId());
        Map<Long, String> names = messages.senderNames(clinicId,
                rows.stream().map(MessageRow::senderAccountId).distinct().toList());
        Instant now = clock.instant();
        List<ShownMessage> shown = rows.stream().map(row -> new ShownMessage(row.id(),
                names.getOrDefault(row.senderAccountId(), ""), row.sentAt().toInstant(),
                row.withdrawnAt() == null ? row.body() : null, row.senderAccountId() == me,
                reader.therapist() && row.senderAccountId() == me && row.withdrawnAt() == null
                        && !now.isAfter(row.sentAt().toInstant().plus(WITHDRAWAL_WINDOW)))).toList();
        List<String> readBy = thread.partnerId() != null || rows.isEmpty() ? List.of() : participants.stream()
                .filter(p -> p.accountId() != me && p.accountId() != rows.getLast().senderAccountId()
                        && readUpTo.getOrDefault(p.accountId(), 0L) >= last)
                .map(Participant::name).toList();
        events.publishEvent(AuditEvent.of(reader.user(), AuditAction.MESSAGES_READ, thread(threadId),
                rows.size() + " messages"));
        if (last > 0 && messages.markRead(clinicId, threadId, me, last, now)) {
            // the others' "read by" and this reader's counts on their other pages
            live.tell(participants.stream().map(Participant::accountId).filter(id -> id != me).toList(),
                    new ThreadChanged(threadId));
        }
        return new MessageThread(threadId, thread.coupleId(), thread.partnerId(),
                messages.partnerName(clinicId, thread.partnerId()), shown, readBy,
                messages.draft(clinicId, threadId, me), newForReader, thread.status() == CoupleStatus.CLOSED);
    }

    /**
     * Sends a message: 1 to {@value #MAX_LENGTH} characters once trailing blanks are dropped, line breaks kept. The
     * sender's draft of the thread goes. Returns its id.
     *
     * @throws RefusedException when it is empty or too long, or the couple is closed; nothing is written
     */
    @PreAuthorize("hasAnyRole('THERAPIST', 'CLIENT')")
    public long send(long threadId, @NotNull @TypedText(lines = true) String body) {
        Reader sender = require(threadId);
        ThreadRow thread = sender.thread();
        requireOpen(thread);
        String text = lines(body).stripTrailing();
        if (text.isBlank()) {
            throw new RefusedException("messages.validation.empty");
        }
        requireLength(text);
        long clinicId = sender.user().clinicId();
        long me = sender.user().accountId();
        Instant now = clock.instant();
        long id = messages.insert(clinicId, threadId, me, text, now);
        messages.saveDraft(clinicId, threadId, me, "", now);
        messages.markRead(clinicId, threadId, me, id, now);
        events.publishEvent(AuditEvent.of(sender.user(), AuditAction.MESSAGE_SENT, thread(threadId),
                "message " + id + ", " + text.length() + " characters"));
        events.publishEvent(new MessageSent(clinicId, thread.coupleId(), threadId, thread.partnerId(), id, me));
        tellParticipants(clinicId, thread);
        return id;
    }

    /**
     * Keeps what the signed-in person has typed in a thread and not sent (an empty text removes it). Not audited:
     * it is saved as they type, and audited when sent.
     */
    @PreAuthorize("hasAnyRole('THERAPIST', 'CLIENT')")
    public void saveDraft(long threadId, @NotNull @TypedText(lines = true) String body) {
        Reader writer = require(threadId);
        requireOpen(writer.thread());
        String text = lines(body);
        requireLength(text);
        messages.saveDraft(writer.user().clinicId(), threadId, writer.user().accountId(), text, clock.instant());
    }

    /**
     * Withdraws a message the signed-in therapist sent by mistake, within {@link #WITHDRAWAL_WINDOW} of sending it:
     * the thread shows "message withdrawn"; the text stays in the row, for the record. Audited.
     *
     * @throws RefusedException when the window has passed or it is withdrawn already (audited as a failure)
     */
    @PreAuthorize("hasRole('THERAPIST')")
    public void withdraw(long messageId) {
        TandemUser therapist = CurrentUser.require();
        long clinicId = therapist.clinicId();
        StoredMessage message = messages.message(clinicId, messageId)
                .orElseThrow(() -> refuse(therapist, "message " + messageId, "not found"));
        ThreadRow thread = messages.thread(clinicId, message.threadId()).orElseThrow();
        access.requireTherapistOf(thread.coupleId());
        if (message.senderAccountId() != therapist.accountId()) {
            throw refuse(therapist, "message " + messageId, "sent by someone else");
        }
        Instant now = clock.instant();
        if (message.withdrawnAt() != null || now.isAfter(message.sentAt().toInstant().plus(WITHDRAWAL_WINDOW))) {
            String reason = message.withdrawnAt() != null ? "already withdrawn" : "more than 10 minutes after sending";
            events.publishEvent(AuditEvent.failed(therapist, AuditAction.MESSAGE_WITHDRAWN, message(messageId),
                    reason));
            throw new RefusedException(message.withdrawnAt() != null ? "messages.withdraw.already"
                    : "messages.withdraw.too-late");
        }
        messages.withdraw(clinicId, messageId, therapist.accountId(), now);
        events.publishEvent(AuditEvent.of(therapist, AuditAction.MESSAGE_WITHDRAWN, message(messageId),
                "in thread " + thread.threadId() + "; the original is kept"));
        tellParticipants(clinicId, thread);
    }

    // ---- rules ----

    /** The signed-in person, once it is certain that they may read and write in the thread. */
    private record Reader(TandemUser user, ThreadRow thread, boolean therapist) {}

    private Reader require(long threadId) {
        TandemUser user = CurrentUser.require();
        ThreadRow thread = messages.thread(user.clinicId(), threadId)
                .orElseThrow(() -> refuse(user, "thread " + threadId, "not found"));
        // an admin who also counsels reads as a therapist; an admin alone never gets past @PreAuthorize
        if (user.hasRole(Role.THERAPIST)) {
            access.requireTherapistOf(thread.coupleId());
            return new Reader(user, thread, true);
        }
        SignedInPartner me = access.requirePartner();
        Long partnerId = thread.partnerId();
        if (me.coupleId() != thread.coupleId() || (partnerId != null && partnerId != me.partnerId())) {
            throw refuse(user, "thread " + threadId, "not a thread of this partner");
        }
        return new Reader(user, thread, false);
    }

    private static void requireOpen(ThreadRow thread) {
        if (thread.status() == CoupleStatus.CLOSED) {
            throw new RefusedException("messages.closed");
        }
    }

    private static void requireLength(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new RefusedException("messages.validation.too-long", MAX_LENGTH);
        }
    }

    private static String lines(String body) {
        return Objects.requireNonNull(body).replace("\r\n", "\n").replace('\r', '\n');
    }

    private void tellParticipants(long clinicId, ThreadRow thread) {
        live.tell(messages.participants(clinicId, thread.coupleId(), thread.partnerId()).stream()
                .map(Participant::accountId).toList(), new ThreadChanged(thread.threadId()));
    }

    private AccessDeniedException refuse(TandemUser user, String what, String reason) {
        events.publishEvent(AuditEvent.denied(user, what, reason));
        return new AccessDeniedException("You may not open this");
    }

    private static Subject thread(long threadId) {
        return new Subject("message_thread", threadId);
    }

    private static Subject message(long messageId) {
        return new Subject("message", messageId);
    }
}
