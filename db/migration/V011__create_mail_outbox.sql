-- Mail waiting to be delivered, written in the transaction of the change that causes it and sent by a background
-- sender with retries (docs/decisions/022-mail-outbox.md). Subject and body are rendered when the row is written.
create table mail_outbox (
    id              bigint generated always as identity primary key,
    clinic_id       bigint      not null references clinic (id),
    recipient       text        not null check (length(recipient) between 3 and 254),
    subject_key     text        not null, -- which mail it is (mail.invitation.subject), for the log and the audit
    subject         text        not null check (length(subject) <= 998),
    body            text, -- null once sent or given up: a link in it may let its holder in
    status          text        not null check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        integer     not null default 0 check (attempts >= 0),
    created_at      timestamptz not null,
    next_attempt_at timestamptz not null,
    sent_at         timestamptz,
    last_error      text check (length(last_error) <= 2000)
);
create index mail_outbox_clinic_id_idx on mail_outbox (clinic_id, created_at);
-- What the sender reads: the rows due, across clinics, oldest first.
create index mail_outbox_pending_idx on mail_outbox (next_attempt_at) where status = 'PENDING';
