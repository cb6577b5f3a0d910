-- Secure messages between a couple and its therapists, and in-app notifications with e-mail copies
-- (docs/decisions/034-messages-and-notifications.md).

-- A couple's threads: the joint one (partner_id null: both partners and the couple's therapists) and one private
-- thread per partner with the therapists. Made when first needed; who may read one follows from the couple's
-- partners and therapists at the time of reading, so a new co-therapist sees the history and a former one nothing.
create table message_thread (
    id         bigint generated always as identity primary key,
    clinic_id  bigint      not null,
    couple_id  bigint      not null,
    partner_id bigint, -- null: the joint thread; else that partner's private thread with the therapists
    created_at timestamptz not null,
    constraint message_thread_clinic_id_id_key unique (clinic_id, id),
    constraint message_thread_couple_fk foreign key (clinic_id, couple_id) references couple (clinic_id, id),
    constraint message_thread_partner_fk foreign key (clinic_id, partner_id) references partner (clinic_id, id),
    constraint message_thread_couple_id_partner_id_key unique nulls not distinct (couple_id, partner_id)
);

-- One message: plain text, kept for good (a clinical record). A therapist may withdraw one within minutes of sending
-- it: the thread then shows "message withdrawn" and the body stays here, for the record.
create table message (
    id                bigint generated always as identity primary key,
    clinic_id         bigint      not null,
    thread_id         bigint      not null,
    sender_account_id bigint      not null,
    body              text        not null check (length(body) between 1 and 5000),
    sent_at           timestamptz not null,
    withdrawn_at      timestamptz,
    withdrawn_by      bigint,
    constraint message_clinic_id_id_key unique (clinic_id, id),
    constraint message_thread_fk foreign key (clinic_id, thread_id) references message_thread (clinic_id, id),
    constraint message_sender_fk foreign key (clinic_id, sender_account_id) references account (clinic_id, id),
    constraint message_withdrawn_by_fk foreign key (clinic_id, withdrawn_by) references account (clinic_id, id),
    constraint message_withdrawn_check check ((withdrawn_at is null) = (withdrawn_by is null))
);
create index message_thread_id_id_idx on message (thread_id, id);

-- How far each participant has read a thread: unread counts and the joint thread's "read by".
create table message_read (
    clinic_id            bigint      not null,
    thread_id            bigint      not null,
    account_id           bigint      not null,
    last_read_message_id bigint      not null,
    read_at              timestamptz not null,
    primary key (thread_id, account_id),
    constraint message_read_thread_fk foreign key (clinic_id, thread_id) references message_thread (clinic_id, id),
    constraint message_read_account_fk foreign key (clinic_id, account_id) references account (clinic_id, id)
);
create index message_read_clinic_id_account_id_idx on message_read (clinic_id, account_id);

-- What someone has typed and not yet sent, kept as they type so that closing the tab loses nothing.
create table message_draft (
    clinic_id  bigint      not null,
    thread_id  bigint      not null,
    account_id bigint      not null,
    body       text        not null check (length(body) <= 5000),
    saved_at   timestamptz not null,
    primary key (thread_id, account_id),
    constraint message_draft_thread_fk foreign key (clinic_id, thread_id) references message_thread (clinic_id, id),
    constraint message_draft_account_fk foreign key (clinic_id, account_id) references account (clinic_id, id)
);
create index message_draft_clinic_id_account_id_idx on message_draft (clinic_id, account_id);

-- One in-app notification for one person: what happened (kind, a short detail) and the page that shows it (target,
-- a route path). dedupe_key makes a notification that a sweep may find twice (a check-in window open) arrive once.
create table notification (
    id                   bigint generated always as identity primary key,
    clinic_id            bigint      not null,
    recipient_account_id bigint      not null,
    kind                 text        not null check (kind in ('MODULE_ASSIGNED', 'MODULE_SUBMITTED', 'FEEDBACK_GIVEN',
        'CHECK_IN_OPEN', 'ALERT_RAISED', 'SESSION_SCHEDULED', 'SESSION_MOVED', 'SESSION_CANCELLED', 'MESSAGE',
        'GOAL_MILESTONE_REACHED')),
    couple_id            bigint,
    target               text        not null check (length(target) between 1 and 300),
    detail               text check (length(detail) <= 300),
    dedupe_key           text check (length(dedupe_key) <= 200),
    created_at           timestamptz not null,
    read_at              timestamptz,
    constraint notification_clinic_id_id_key unique (clinic_id, id),
    constraint notification_recipient_fk foreign key (clinic_id, recipient_account_id) references account (clinic_id, id),
    constraint notification_couple_fk foreign key (clinic_id, couple_id) references couple (clinic_id, id)
);
create index notification_recipient_idx on notification (recipient_account_id, created_at desc, id desc);
create index notification_unread_idx on notification (recipient_account_id) where read_at is null;
create index notification_created_at_idx on notification (created_at);
create unique index notification_dedupe_key on notification (recipient_account_id, dedupe_key) where dedupe_key is not null;

-- Each person's choice per kind: in the app only, or in the app and by e-mail. No row: the default of their role.
create table notification_preference (
    clinic_id  bigint  not null,
    account_id bigint  not null,
    kind       text    not null check (kind in ('MODULE_ASSIGNED', 'MODULE_SUBMITTED', 'FEEDBACK_GIVEN',
        'CHECK_IN_OPEN', 'ALERT_RAISED', 'SESSION_SCHEDULED', 'SESSION_MOVED', 'SESSION_CANCELLED', 'MESSAGE',
        'GOAL_MILESTONE_REACHED')),
    by_email   boolean not null,
    primary key (account_id, kind),
    constraint notification_preference_account_fk foreign key (clinic_id, account_id) references account (clinic_id, id)
);
create index notification_preference_clinic_id_idx on notification_preference (clinic_id, account_id);

-- When the last e-mail copy of a kind was queued for a person: at most one per person and kind per 15 minutes.
create table notification_mail (
    clinic_id  bigint      not null,
    account_id bigint      not null,
    kind       text        not null check (kind in ('MODULE_ASSIGNED', 'MODULE_SUBMITTED', 'FEEDBACK_GIVEN',
        'CHECK_IN_OPEN', 'ALERT_RAISED', 'SESSION_SCHEDULED', 'SESSION_MOVED', 'SESSION_CANCELLED', 'MESSAGE',
        'GOAL_MILESTONE_REACHED')),
    queued_at  timestamptz not null,
    primary key (account_id, kind),
    constraint notification_mail_account_fk foreign key (clinic_id, account_id) references account (clinic_id, id)
);
create index notification_mail_clinic_id_idx on notification_mail (clinic_id, account_id);

-- The same wall as every clinic table (V021, decision 029).
do $$
declare
    tenant_table text;
begin
    foreach tenant_table in array array['message_thread', 'message', 'message_read', 'message_draft', 'notification',
            'notification_preference', 'notification_mail']
    loop
        execute format('alter table %I enable row level security', tenant_table);
        execute format('alter table %I force row level security', tenant_table);
        execute format($policy$
            create policy clinic_of_the_transaction on %I for all
            using (clinic_id = nullif(current_setting('tandem.clinic_id', true), '')::bigint
                   or current_setting('tandem.scope', true) = 'installation')
            with check (clinic_id = nullif(current_setting('tandem.clinic_id', true), '')::bigint
                   or current_setting('tandem.scope', true) = 'installation')$policy$, tenant_table);
    end loop;
end
$$;
