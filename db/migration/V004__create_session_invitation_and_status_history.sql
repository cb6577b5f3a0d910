-- Couples: presenting concerns, who changed them last, and a history of status changes.
alter table couple
    add column presenting_concerns text[]      not null default '{}',
    add column updated_at          timestamptz not null default now(),
    add column updated_by          bigint references account (id);

-- Partners' e-mail addresses are unique within a clinic (accounts' sign-in e-mails are unique everywhere).
create unique index partner_clinic_id_email_key on partner (clinic_id, email);
alter table partner add constraint partner_clinic_id_id_key unique (clinic_id, id);

create table couple_status_change (
    id          bigint generated always as identity primary key,
    clinic_id   bigint      not null,
    couple_id   bigint      not null,
    from_status text check (from_status in ('INTAKE', 'ACTIVE', 'PAUSED', 'CLOSED')), -- null when the couple was created
    to_status   text        not null check (to_status in ('INTAKE', 'ACTIVE', 'PAUSED', 'CLOSED')),
    changed_by  bigint      not null,
    changed_at  timestamptz not null default now(),
    constraint couple_status_change_couple_fk foreign key (clinic_id, couple_id) references couple (clinic_id, id),
    constraint couple_status_change_account_fk foreign key (clinic_id, changed_by) references account (clinic_id, id)
);
create index couple_status_change_clinic_id_couple_id_idx on couple_status_change (clinic_id, couple_id, changed_at);

-- A single-use link that lets a person choose a password. Only a hash of the token is stored.
create table invitation (
    id          bigint generated always as identity primary key,
    clinic_id   bigint      not null references clinic (id),
    partner_id  bigint, -- set for a partner's invitation; staff invitations come later
    email       text        not null check (email = lower(email) and length(email) <= 254),
    role        text        not null check (role in ('ADMIN', 'THERAPIST', 'CLIENT')),
    token_hash  text        not null,
    created_by  bigint      not null,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    accepted_at timestamptz,
    voided_at   timestamptz,
    account_id  bigint, -- the account created when it was accepted
    constraint invitation_token_hash_key unique (token_hash),
    constraint invitation_partner_fk foreign key (clinic_id, partner_id) references partner (clinic_id, id),
    constraint invitation_created_by_fk foreign key (clinic_id, created_by) references account (clinic_id, id),
    constraint invitation_account_fk foreign key (clinic_id, account_id) references account (clinic_id, id),
    constraint invitation_used_once check (accepted_at is null or voided_at is null)
);
create index invitation_clinic_id_partner_id_idx on invitation (clinic_id, partner_id);

-- A therapy session of a couple (named couple_session: "session" means too many things in a web app).
create table couple_session (
    id               bigint generated always as identity primary key,
    clinic_id        bigint      not null,
    couple_id        bigint      not null,
    starts_at        timestamptz not null,
    duration_minutes integer     not null check (duration_minutes between 15 and 480),
    modality         text        not null check (modality in ('IN_PERSON', 'VIDEO')),
    status           text        not null default 'SCHEDULED' check (status in ('SCHEDULED', 'HELD', 'CANCELLED', 'NO_SHOW')),
    created_by       bigint      not null,
    created_at       timestamptz not null default now(),
    version          integer     not null default 0,
    constraint couple_session_clinic_id_id_key unique (clinic_id, id),
    constraint couple_session_couple_fk foreign key (clinic_id, couple_id) references couple (clinic_id, id),
    constraint couple_session_created_by_fk foreign key (clinic_id, created_by) references account (clinic_id, id)
);
create index couple_session_clinic_id_couple_id_starts_at_idx on couple_session (clinic_id, couple_id, starts_at);

-- The clinician's private note on a session: only the couple's therapists read it (never partners, never admins).
create table session_note (
    session_id bigint primary key,
    clinic_id  bigint      not null,
    body       text        not null default '' check (length(body) <= 20000),
    updated_by bigint      not null,
    updated_at timestamptz not null default now(),
    version    integer     not null default 0,
    constraint session_note_session_fk foreign key (clinic_id, session_id) references couple_session (clinic_id, id),
    constraint session_note_updated_by_fk foreign key (clinic_id, updated_by) references account (clinic_id, id)
);
